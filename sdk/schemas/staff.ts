import { z } from 'zod';
import { Email, Id, listOf, ListQuery, MinorUnits, Text, Timestamp } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';

export const StaffRole = z.enum(['admin', 'staff']);
export type StaffRole = z.infer<typeof StaffRole>;

export const StaffUser = z
  .object({
    id: Id,
    email: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    role: StaffRole,
    active: z.boolean(),
    phone: z.string().nullable(),
    hourly_rate: MinorUnits.nullable().describe("In minor units of the firm's currency (GET /admin/me: firm.currency)"),
    created_at: Timestamp,
  })
  .strict()
  .meta({ id: 'StaffUser' });
export type StaffUser = z.infer<typeof StaffUser>;

const Name = Text().trim().min(1).max(100);

export const StaffInviteRequest = z
  .object({ email: Email(), first_name: Name, last_name: Name, role: StaffRole })
  .strict()
  .meta({ id: 'StaffInviteRequest' });
export type StaffInviteRequest = z.input<typeof StaffInviteRequest>;

export const StaffUpdateRequest = z
  .object({
    first_name: Name,
    last_name: Name,
    role: StaffRole,
    active: z.boolean(),
    phone: Text()
      .trim()
      .regex(/^\+?[0-9][0-9 ().-]{2,38}$/, 'must be a phone number such as +1 212 555 0100')
      .nullable()
      .describe('null removes it. A staff member may change their own phone (and nothing else)'),
    hourly_rate: MinorUnits.min(0)
      .max(100_000_000_00)
      .nullable()
      .describe("Minor units of the firm's currency; null removes it"),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'name at least one field to change')
  .meta({ id: 'StaffUpdateRequest' });
export type StaffUpdateRequest = z.input<typeof StaffUpdateRequest>;

export const StaffList = listOf(StaffUser).meta({ id: 'StaffList' });
export const StaffIdParams = z.object({ id: Id }).strict();

export const staffEndpoints = {
  adminListStaff: endpoint({
    operationId: 'adminListStaff',
    method: 'GET',
    path: '/admin/staff',
    audience: 'admin',
    authenticated: true,
    summary: "The firm's staff users, newest first",
    query: ListQuery,
    response: StaffList,
    status: 200,
  }),
  adminInviteStaff: endpoint({
    operationId: 'adminInviteStaff',
    method: 'POST',
    path: '/admin/staff',
    audience: 'admin',
    authenticated: true,
    summary: 'Invite a staff user by email (a single-use set-password link, 48 hours). Admins only',
    body: StaffInviteRequest,
    response: StaffUser,
    status: 201,
  }),
  adminUpdateStaff: endpoint({
    operationId: 'adminUpdateStaff',
    method: 'PATCH',
    path: '/admin/staff/:id',
    audience: 'admin',
    authenticated: true,
    summary:
      "Rename, change the role, phone or hourly rate of, or (de)activate a staff user. Admins only, except that a staff member may change their own phone; deactivation ends the user's sessions",
    params: StaffIdParams,
    body: StaffUpdateRequest,
    response: StaffUser,
    status: 200,
  }),
  adminResendStaffInvite: endpoint({
    operationId: 'adminResendStaffInvite',
    method: 'POST',
    path: '/admin/staff/:id/invite',
    audience: 'admin',
    authenticated: true,
    summary:
      'Email a staff user a new set-password link (also how a staff user who lost their password gets back in); the previous link stops working. Admins only',
    params: StaffIdParams,
    response: StaffUser,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
