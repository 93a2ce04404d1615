import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConfigError, masterKeyBytes, type Config } from '../config.js';
import { readOrCreateSecret } from '../db/database.js';
import type { RequestDb } from '../db/request-db.js';
import type { Row } from '../db/model.js';
import type { TenantKeyModel } from './models.js';

/**
 * One keyring for everything sealed at rest (outbox bodies, Stripe secrets, file
 * keys). The master key wraps versioned per-tenant keys stored in `tenant_keys`;
 * data is sealed with the tenant's newest key under AES-256-GCM, with the tenant,
 * the purpose and the key version as associated data, so a sealed value moved to
 * another tenant, purpose or version fails to open.
 *
 * Sealed format: 0x01 ‖ key version (uint32 BE) ‖ 12-byte nonce ‖ 16-byte tag ‖ ciphertext.
 */
const FORMAT = 1;
const HEADER = 1 + 4 + 12 + 16;
/** Cached unwrapped keys are re-read after this long, so a rotation elsewhere is picked up. */
const LATEST_TTL_MS = 60_000;

export type Purpose = 'email_outbox' | 'stripe_secret' | 'file_key';

export class KeyringError extends Error {}

function gcmSeal(key: Buffer, plaintext: Buffer, aad: string): { nonce: Buffer; tag: Buffer; data: Buffer } {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce, tag: cipher.getAuthTag(), data };
}

function gcmOpen(key: Buffer, nonce: Buffer, tag: Buffer, data: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    throw new KeyringError('sealed data failed authentication (wrong tenant, purpose, key or tampered)');
  }
}

/** The master key from CASEFLOW_MASTER_KEY, or (embedded only) a 0600 file in the data directory. */
export function resolveMasterKey(config: Config): Buffer {
  if (config.CASEFLOW_MASTER_KEY) return masterKeyBytes(config.CASEFLOW_MASTER_KEY)!;
  if (config.DATABASE_URL) {
    throw new ConfigError('Invalid setting CASEFLOW_MASTER_KEY: required when DATABASE_URL is set');
  }
  return Buffer.from(readOrCreateSecret(config, 'master-key').value, 'hex');
}

export class Keyring {
  private readonly keys = new Map<string, Buffer>();
  private readonly latest = new Map<string, { version: number; at: number }>();
  /** Keys made inside a still-open transaction: never cached, since it may roll back. */
  private readonly madeIn = new WeakMap<RequestDb, Set<string>>();

  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== 32) throw new KeyringError('the master key must be 32 bytes');
  }

  /** Seals `plaintext` for `tenantId` and `purpose` with the tenant's newest key (made on first use). */
  async seal(db: RequestDb, tenantId: string, purpose: Purpose, plaintext: Buffer | string): Promise<Buffer> {
    const version = await this.latestVersion(db, tenantId);
    const key = await this.tenantKey(db, tenantId, version);
    const sealed = gcmSeal(key, Buffer.from(plaintext), `${tenantId}|${purpose}|${version}`);
    const head = Buffer.alloc(5);
    head.writeUInt8(FORMAT, 0);
    head.writeUInt32BE(version, 1);
    return Buffer.concat([head, sealed.nonce, sealed.tag, sealed.data]);
  }

  async open(db: RequestDb, tenantId: string, purpose: Purpose, sealed: Buffer): Promise<Buffer> {
    if (sealed.length < HEADER || sealed.readUInt8(0) !== FORMAT) throw new KeyringError('not a sealed value');
    const version = sealed.readUInt32BE(1);
    const key = await this.tenantKey(db, tenantId, version);
    return gcmOpen(
      key,
      sealed.subarray(5, 17),
      sealed.subarray(17, 33),
      sealed.subarray(33),
      `${tenantId}|${purpose}|${version}`,
    );
  }

  /** Adds a new tenant key version; new seals use it, old values still open with theirs. */
  async rotate(db: RequestDb, tenantId: string): Promise<number> {
    const [row] = await db.query<Pick<Row<TenantKeyModel>, 'version'>>(
      'SELECT coalesce(max(version), 0) + 1 AS version FROM tenant_keys WHERE tenant_id = $1',
      [tenantId],
    );
    await this.insertKey(db, tenantId, row!.version);
    this.latest.delete(tenantId);
    return row!.version;
  }

  private async latestVersion(db: RequestDb, tenantId: string): Promise<number> {
    const cached = this.latest.get(tenantId);
    if (cached && Date.now() - cached.at < LATEST_TTL_MS) return cached.version;
    const [row] = await db.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM tenant_keys WHERE tenant_id = $1',
      [tenantId],
    );
    if (row?.version == null) {
      // Not cached: the transaction that made the key may still roll back.
      await this.insertKey(db, tenantId, 1);
      return 1;
    }
    this.latest.set(tenantId, { version: row.version, at: Date.now() });
    return row.version;
  }

  private async insertKey(db: RequestDb, tenantId: string, version: number): Promise<void> {
    const key = randomBytes(32);
    const wrapped = this.wrap(tenantId, version, key);
    // A concurrent first use may have made version 1 already: keep theirs, read it back below.
    await db.query(
      'INSERT INTO tenant_keys (tenant_id, version, wrapped_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [tenantId, version, wrapped],
    );
    const made = this.madeIn.get(db) ?? new Set<string>();
    made.add(`${tenantId}/${version}`);
    this.madeIn.set(db, made);
  }

  private async tenantKey(db: RequestDb, tenantId: string, version: number): Promise<Buffer> {
    const id = `${tenantId}/${version}`;
    const cached = this.keys.get(id);
    if (cached) return cached;
    const [row] = await db.query<Pick<Row<TenantKeyModel>, 'wrapped_key'>>(
      'SELECT wrapped_key FROM tenant_keys WHERE tenant_id = $1 AND version = $2',
      [tenantId, version],
    );
    if (!row) throw new KeyringError(`tenant key version ${version} is missing`);
    const key = this.unwrap(tenantId, version, row.wrapped_key);
    if (!this.madeIn.get(db)?.has(id)) this.keys.set(id, key);
    return key;
  }

  private wrap(tenantId: string, version: number, key: Buffer): Buffer {
    const sealed = gcmSeal(this.masterKey, key, `tenant-key|${tenantId}|${version}`);
    return Buffer.concat([sealed.nonce, sealed.tag, sealed.data]);
  }

  private unwrap(tenantId: string, version: number, wrapped: Buffer): Buffer {
    return gcmOpen(
      this.masterKey,
      wrapped.subarray(0, 12),
      wrapped.subarray(12, 28),
      wrapped.subarray(28),
      `tenant-key|${tenantId}|${version}`,
    );
  }
}
