import { z } from 'zod';
import { Currency, Email, Id, ListQuery, listOf, Timestamp, Text } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { StaffUser } from './staff.js';

export const Plan = z.enum(['solo', 'growth', 'multi_practice']);
export type Plan = z.infer<typeof Plan>;

/** Sub-domains the platform keeps for itself: no firm may take them as its slug. */
export const RESERVED_SLUGS: readonly string[] = ['www', 'api', 'app', 'admin', 'platform', 'mail', 'static', 'assets'];

export const TenantSlug = Text()
  .regex(
    /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/,
    'must be 1 to 63 lower-case letters, digits or hyphens, not starting or ending with a hyphen',
  )
  .refine((slug) => !RESERVED_SLUGS.includes(slug), 'is reserved by the platform; choose another slug')
  .describe("The firm's sub-domain ({slug}.BASE_DOMAIN), a DNS label");

export const TenantStatus = z.enum(['active', 'disabled']);
export type TenantStatus = z.infer<typeof TenantStatus>;

const TenantName = Text().trim().min(1).max(200);
const PersonName = Text().trim().min(1).max(100);

function canonicalLocale(value: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

/** A BCP 47 language tag, written in its canonical case (en-us → en-US). */
export const Locale = Text()
  .max(64)
  .refine((v) => canonicalLocale(v) !== undefined, 'must be a BCP 47 locale such as en-US')
  .overwrite((v) => canonicalLocale(v) ?? v)
  .describe('BCP 47 locale used to format money and dates');

// The runtime's list when it has one (Node, current browsers); else the shape alone.
const currencies =
  typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : undefined;

/** An ISO 4217 currency the runtime knows. */
export const KnownCurrency = Currency.refine(
  (v) => !currencies || currencies.has(v),
  'must be an ISO 4217 code such as USD',
).describe('ISO 4217 currency code');

function resolvedTimeZone(value: string): string | undefined {
  // Names only: offsets such as +01:00 mean something else to PostgreSQL.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** An IANA time zone name, case corrected (america/new_york → America/New_York), never swapped for an alias. */
export const TimeZone = Text()
  .max(64)
  .refine((v) => resolvedTimeZone(v) !== undefined, 'must be an IANA time zone such as America/New_York or UTC')
  .overwrite((v) => {
    const resolved = resolvedTimeZone(v);
    return resolved && resolved.toLowerCase() === v.toLowerCase() ? resolved : v;
  })
  .describe('IANA time zone of the firm (due dates, "today")');

/** #rrggbb, stored in lower case. */
export const BrandColor = Text()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, 'must be a colour written #rrggbb')
  .describe('Brand colour, #rrggbb');

/** `scheme://host[:port]` in the form browsers send as Origin, or undefined. */
export function asOrigin(value: string): string | undefined {
  if (!/^https?:\/\/[^/?#@\s]+\/?$/i.test(value)) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** An origin, normalised as browsers send it (lower-case host, no default port, no trailing slash). */
export const Origin = Text()
  .max(300)
  .refine(
    (v) => asOrigin(v) !== undefined,
    'must be an origin such as https://www.example.com (scheme, host and optional port; no path)',
  )
  .overwrite((v) => asOrigin(v) ?? v);

export const AllowedOrigins = z
  .array(Origin)
  .max(50)
  .overwrite((origins) => [...new Set(origins)])
  .describe("Origins of the firm's own sites allowed to call the portal API from widgets (CORS), at most 50");

/** Free text on several lines (street, city, country…), as the firm writes it. */
export const TenantAddress = Text()
  .trim()
  .min(1)
  .max(1000)
  .describe("The firm's postal address, printed on invoice PDFs; several lines");

/** Same rule as the database's CHECK; numbers already given keep their old prefix. */
export const InvoicePrefix = Text()
  .regex(/^[A-Za-z0-9._/#-]{0,20}$/, 'must be at most 20 letters, digits or . _ / # -')
  .describe('Put before the sequence number of each invoice sent from now on, e.g. "INV-" → INV-0042');

export const PublicUrl = Origin.describe(
  "Where the firm's portal is reached (a custom domain): emailed links are built from it. Default: https://{slug}.BASE_DOMAIN",
);

export const Tenant = z
  .object({
    id: Id,
    slug: Text(),
    name: Text(),
    plan: Plan,
    status: TenantStatus.describe('A disabled firm answers 404 on every host and API'),
    locale: Text(),
    currency: Text(),
    timezone: Text(),
    primary_color: Text().nullable(),
    allowed_origins: z.array(Text()),
    public_url: Text().nullable().describe('The configured public URL; null means the sub-domain'),
    address: Text().nullable().describe("The firm's postal address (invoice PDFs)"),
    invoice_prefix: Text().describe('Put before the number of each invoice at send time'),
    portal_url: Text().describe("The firm's effective public URL (public_url, else its sub-domain)"),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .strict()
  .meta({ id: 'Tenant' });
export type Tenant = z.infer<typeof Tenant>;

export const TenantAdmin = StaffUser.pick({
  id: true,
  email: true,
  first_name: true,
  last_name: true,
  role: true,
}).meta({
  id: 'TenantAdmin',
});
export type TenantAdmin = z.infer<typeof TenantAdmin>;

export const TenantCreateRequest = z
  .object({
    slug: TenantSlug,
    name: TenantName,
    plan: Plan.default('growth'),
    locale: Locale.default('en-US'),
    currency: KnownCurrency.default('USD'),
    timezone: TimeZone.default('UTC'),
    primary_color: BrandColor.optional(),
    allowed_origins: AllowedOrigins.default([]),
    public_url: PublicUrl.optional(),
    admin: z
      .object({ email: Email(), first_name: PersonName, last_name: PersonName })
      .strict()
      .describe("The firm's first admin: invited by email to set a password"),
  })
  .strict()
  .meta({ id: 'TenantCreateRequest' });
export type TenantCreateRequest = z.input<typeof TenantCreateRequest>;

export const TenantCreated = z.object({ tenant: Tenant, admin: TenantAdmin }).strict().meta({ id: 'TenantCreated' });
export type TenantCreated = z.infer<typeof TenantCreated>;

export const TenantUpdateRequest = z
  .object({
    name: TenantName,
    plan: Plan.describe('Downgrading keeps every record; the portal of a solo firm answers 402'),
    public_url: PublicUrl.nullable(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'name at least one field to change')
  .meta({ id: 'TenantUpdateRequest' });
export type TenantUpdateRequest = z.input<typeof TenantUpdateRequest>;

export const TenantList = listOf(Tenant).meta({ id: 'TenantList' });
export const TenantSlugParams = z.object({ slug: Text().min(1).max(100) }).strict();

export const tenantEndpoints = {
  platformCreateTenant: endpoint({
    operationId: 'platformCreateTenant',
    method: 'POST',
    path: '/platform/tenants',
    audience: 'platform',
    authenticated: true,
    summary: 'Create a firm and invite its first admin by email (a single-use set-password link, 48 hours)',
    body: TenantCreateRequest,
    response: TenantCreated,
    status: 201,
  }),
  platformListTenants: endpoint({
    operationId: 'platformListTenants',
    method: 'GET',
    path: '/platform/tenants',
    audience: 'platform',
    authenticated: true,
    summary: 'Every firm, newest first',
    query: ListQuery,
    response: TenantList,
    status: 200,
  }),
  platformRetrieveTenant: endpoint({
    operationId: 'platformRetrieveTenant',
    method: 'GET',
    path: '/platform/tenants/:slug',
    audience: 'platform',
    authenticated: true,
    summary: 'One firm by its slug',
    params: TenantSlugParams,
    response: Tenant,
    status: 200,
  }),
  platformUpdateTenant: endpoint({
    operationId: 'platformUpdateTenant',
    method: 'PATCH',
    path: '/platform/tenants/:slug',
    audience: 'platform',
    authenticated: true,
    summary:
      "Change a firm's name, plan or public URL (its branding, details, defaults and payment instructions are the firm's own settings: PATCH /admin/settings)",
    params: TenantSlugParams,
    body: TenantUpdateRequest,
    response: Tenant,
    status: 200,
  }),
  platformDisableTenant: endpoint({
    operationId: 'platformDisableTenant',
    method: 'POST',
    path: '/platform/tenants/:slug/disable',
    audience: 'platform',
    authenticated: true,
    summary: 'Disable a firm: its hosts and APIs answer 404 until it is enabled again; nothing is deleted',
    params: TenantSlugParams,
    response: Tenant,
    status: 200,
  }),
  platformEnableTenant: endpoint({
    operationId: 'platformEnableTenant',
    method: 'POST',
    path: '/platform/tenants/:slug/enable',
    audience: 'platform',
    authenticated: true,
    summary: 'Enable a disabled firm again',
    params: TenantSlugParams,
    response: Tenant,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
// ─── The firm's own settings (admins) ─────────────────────────────────────

/** A telephone number as the firm writes it: digits, spaces and + ( ) - . / only. */
export const FirmPhone = Text()
  .trim()
  .min(1)
  .max(40)
  .regex(/^\+?[0-9][0-9 ()./-]*$/, 'must be a telephone number such as +44 20 7946 0000')
  .describe("The firm's telephone number, shown in the portal's footer and on invoice PDFs");

function webUrl(value: string): string | undefined {
  if (!/^https?:\/\/\S+$/i.test(value)) return undefined;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname && !url.username && !url.password
      ? url.href
      : undefined;
  } catch {
    return undefined;
  }
}

export const FirmWebsite = Text()
  .max(2000)
  .refine((v) => webUrl(v) !== undefined, 'must be a web address such as https://www.example.com')
  .overwrite((v) => webUrl(v) ?? v)
  .describe("The firm's website, linked from the portal's footer");

const InstructionText = (max: number) => Text().trim().min(1).max(max);

/** How a client pays without Stripe. Every field is free text on several lines. */
export const PaymentInstructions = z
  .object({
    bank_details: InstructionText(2000)
      .nullable()
      .describe('For bank transfers: account name, bank, account number or IBAN, sort code, routing or SWIFT/BIC'),
    remit_to: InstructionText(1000).nullable().describe('Where to send cheques: the payee and a postal address'),
    notes: InstructionText(1000)
      .nullable()
      .describe('Anything else the client should know, e.g. "Quote the invoice number as your reference"'),
  })
  .strict();

export const PaymentInstructionsView = PaymentInstructions.extend({
  updated_at: Timestamp.nullable().describe('When an admin last changed them (shown to clients as "updated {date}")'),
})
  .strict()
  .meta({ id: 'PaymentInstructions' });
export type PaymentInstructionsView = z.infer<typeof PaymentInstructionsView>;

/** The logo is stored by us and served from the firm's own host: no third-party fetch, ever. */
export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const;

export const FirmLogo = z
  .object({
    url: Text().describe("Path of the logo on the firm's host, e.g. /clients/logo/3f2a….png (cached for good)"),
    media_type: z.enum(LOGO_MEDIA_TYPES),
    bytes: z.number().int(),
    width: z.number().int(),
    height: z.number().int(),
    updated_at: Timestamp,
  })
  .strict()
  .meta({ id: 'FirmLogo' });
export type FirmLogo = z.infer<typeof FirmLogo>;

export const FirmSettings = z
  .object({
    name: Text().describe("The firm's name (changed by the platform operator)"),
    primary_color: Text().nullable().describe('Brand colour, #rrggbb; null for the default blue'),
    logo: FirmLogo.nullable(),
    address: Text().nullable(),
    phone: Text().nullable(),
    email: Text().nullable().describe("The firm's contact email, shown in the portal's footer"),
    website: Text().nullable(),
    locale: Text().describe('Default BCP 47 locale of the portal, emails and PDFs'),
    currency: Text().describe('Default currency of new invoices'),
    timezone: Text(),
    invoice_prefix: Text(),
    allowed_origins: z.array(Text()),
    payment_instructions: PaymentInstructionsView,
    updated_at: Timestamp,
  })
  .strict()
  .meta({ id: 'FirmSettings' });
export type FirmSettings = z.infer<typeof FirmSettings>;

export const FirmSettingsUpdate = z
  .object({
    primary_color: BrandColor.nullable(),
    address: TenantAddress.nullable(),
    phone: FirmPhone.nullable(),
    email: z.email('must be an email address such as office@example.com').max(254).nullable(),
    website: FirmWebsite.nullable(),
    locale: Locale,
    currency: KnownCurrency,
    timezone: TimeZone,
    invoice_prefix: InvoicePrefix,
    allowed_origins: AllowedOrigins.describe('The full new list (replaces the old one)'),
    payment_instructions: PaymentInstructions.partial()
      .strict()
      .describe(
        'The fields given replace the old ones (null clears one); a change is audited and emailed to every admin',
      ),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'name at least one setting to change')
  .meta({ id: 'FirmSettingsUpdate' });
export type FirmSettingsUpdate = z.input<typeof FirmSettingsUpdate>;

export const firmSettingsEndpoints = {
  adminRetrieveSettings: endpoint({
    operationId: 'adminRetrieveSettings',
    method: 'GET',
    path: '/admin/settings',
    audience: 'admin',
    authenticated: true,
    summary: "The firm's own settings: branding, footer details, defaults and payment instructions",
    response: FirmSettings,
    status: 200,
  }),
  adminUpdateSettings: endpoint({
    operationId: 'adminUpdateSettings',
    method: 'PATCH',
    path: '/admin/settings',
    audience: 'admin',
    authenticated: true,
    summary:
      "Change the firm's settings (admins). A change of payment instructions is audited with the old and new text and emailed to every admin",
    body: FirmSettingsUpdate,
    response: FirmSettings,
    status: 200,
  }),
  adminUploadLogo: endpoint({
    operationId: 'adminUploadLogo',
    method: 'PUT',
    path: '/admin/settings/logo',
    audience: 'admin',
    authenticated: true,
    summary: `Upload the firm's logo (admins): a PNG or JPEG of at most ${LOGO_MAX_BYTES / 1024} KB, checked by its bytes; SVG, WebP and others are refused`,
    kind: 'upload',
    accepts: 'image/*',
    maxBytes: LOGO_MAX_BYTES,
    tooLargeMessage: `The logo must be at most ${LOGO_MAX_BYTES / 1024} KB.`,
    response: FirmSettings,
    status: 200,
  }),
  adminDeleteLogo: endpoint({
    operationId: 'adminDeleteLogo',
    method: 'DELETE',
    path: '/admin/settings/logo',
    audience: 'admin',
    authenticated: true,
    summary: "Remove the firm's logo (admins)",
    response: FirmSettings,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
