import { z } from 'zod';
import { Currency, Id, Timestamp, Text } from './common.js';

export const Plan = z.enum(['solo', 'growth', 'multi_practice']);
export type Plan = z.infer<typeof Plan>;

export const PortalPermission = z.enum([
  'invoices',
  'estimates',
  'contracts',
  'proposals',
  'documents',
  'vault',
  'matters',
]);
export type PortalPermission = z.infer<typeof PortalPermission>;

export const PortalProfile = z
  .object({
    contact: z.object({ id: Id, first_name: Text(), last_name: Text(), email: Text() }).strict(),
    client: z.object({ id: Id, number: z.number().int(), name: Text() }).strict(),
    firm: z
      .object({
        slug: Text(),
        name: Text(),
        plan: Plan,
        locale: Text().describe('BCP 47 locale used to format money and dates'),
        currency: Currency,
        timezone: Text(),
        primary_color: Text().nullable().describe('Brand colour, #rrggbb'),
        logo_url: Text().nullable(),
        payments_enabled: z
          .boolean()
          .describe('The firm takes online payments (Stripe): show a Pay button on payable invoices'),
        partial_payment_minimum: z
          .number()
          .int()
          .nullable()
          .describe('Smallest partial payment in minor units; null when the firm takes only the full balance online'),
      })
      .strict(),
    permissions: z
      .array(PortalPermission)
      .describe('The portal sections this contact may use; the others answer 403 (on solo, every section answers 402)'),
    session: z
      .object({
        kind: z.enum(['login', 'preview', 'minted']),
        expires_at: Timestamp,
        impersonator: z
          .object({ id: Id, name: Text() })
          .strict()
          .nullable()
          .describe('In an admin preview (kind "preview"): the admin viewing the portal as this contact; else null'),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'PortalProfile' });
export type PortalProfile = z.infer<typeof PortalProfile>;
