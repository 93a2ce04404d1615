import { Model } from 'objection';

/**
 * A firm (the tenants table) as the platform operator manages it
 * (caseflow_platform sees every row). Not a TenantModel: a firm is the tenant,
 * its key is its id alone.
 */
export class FirmModel extends Model {
  static override tableName = 'tenants';
  declare id: string;
  declare slug: string;
  declare name: string;
  declare plan: 'solo' | 'growth' | 'multi_practice';
  declare status: 'active' | 'disabled';
  declare locale: string;
  declare currency: string;
  declare timezone: string;
  declare primary_color: string | null;
  declare allowed_origins: string[];
  declare public_url: string | null;
  declare address: string | null;
  declare invoice_prefix: string;
  declare created_at: Date;
  declare updated_at: Date;
}

/**
 * A firm's logo (tenant_logos): its bytes, checked to be a PNG or JPEG, and
 * their hash, which names the file on the firm's host. Written by the settings
 * service, read by the hosted pages, the portal profile and the invoice PDF.
 */
export class TenantLogoModel extends Model {
  static override tableName = 'tenant_logos';
  static override idColumn = 'tenant_id';
  declare tenant_id: string;
  declare media_type: 'image/png' | 'image/jpeg';
  declare content: Buffer;
  declare sha256: string;
  declare width: number;
  declare height: number;
  declare updated_at: Date;
}

/** Every column the platform reads back; serialize.ts decides what leaves the server. */
export const tenantColumns = [
  'id',
  'slug',
  'name',
  'plan',
  'status',
  'locale',
  'currency',
  'timezone',
  'primary_color',
  'allowed_origins',
  'public_url',
  'address',
  'invoice_prefix',
  'created_at',
  'updated_at',
] as const;
