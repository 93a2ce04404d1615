import { z } from 'zod';
import { Email, Id, Language, listOf, ListQuery, Text, Timestamp } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { NewPassword } from './passwords.js';

/** The portal sections a contact may be given. */
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

export const TextDirection = z.enum(['ltr', 'rtl']).describe('How the portal lays out text for this contact');
export type TextDirection = z.infer<typeof TextDirection>;

export const Contact = z
  .object({
    id: Id,
    client_id: Id,
    first_name: Text(),
    last_name: Text(),
    title: Text().nullable(),
    email: Text().describe('Unique in the firm, whatever the case; the portal login'),
    phone: Text().nullable(),
    text_direction: TextDirection,
    language: Language.nullable().describe(
      "The contact's language for the portal, emails and PDFs; null: the firm's default",
    ),
    receives_invoice_emails: z.boolean(),
    is_primary: z.boolean().describe('At most one contact of a client is its primary contact'),
    active: z.boolean().describe('Inactive contacts cannot log in and their sessions have ended'),
    portal_access: z.boolean().describe('Whether the contact may log in to the portal'),
    permissions: z.array(PortalPermission).describe('The portal sections this contact may use'),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .strict()
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof Contact>;

const Name = Text().trim().min(1).max(100);
const ContactEmail = Email();
const Title = Text().trim().min(1).max(200);
const Phone = Text().trim().min(1).max(50);

/** A set of portal sections (stored in a fixed order). */
const Permissions = z
  .array(PortalPermission)
  .refine((list) => new Set(list).size === list.length, 'must not name a section twice')
  .describe('Portal sections the contact may use (admins only; every section by default)');

export const ContactListQuery = ListQuery.extend({
  client_id: Id.optional().describe("Only this client's contacts"),
  email: ContactEmail.optional().describe('Only the contact with this email (any case)'),
}).strict();
export type ContactListQuery = Partial<z.output<typeof ContactListQuery>>;

export const ContactCreateRequest = z
  .object({
    client_id: Id,
    first_name: Name,
    last_name: Name,
    email: ContactEmail,
    title: Title.optional(),
    phone: Phone.optional(),
    text_direction: TextDirection.default('ltr'),
    language: Language.nullable().optional().describe("Omitted or null: the firm's default language"),
    receives_invoice_emails: z.boolean().default(true),
    is_primary: z.boolean().default(false).describe("Make it the client's primary contact (clears the previous one)"),
    permissions: Permissions.optional(),
  })
  .strict()
  .meta({ id: 'ContactCreateRequest' });
export type ContactCreateRequest = z.input<typeof ContactCreateRequest>;

export const ContactUpdateRequest = z
  .object({
    first_name: Name,
    last_name: Name,
    email: ContactEmail,
    title: Title.nullable(),
    phone: Phone.nullable(),
    text_direction: TextDirection,
    language: Language.nullable(),
    receives_invoice_emails: z.boolean(),
    permissions: Permissions,
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'name at least one field to change')
  .meta({ id: 'ContactUpdateRequest' });
export type ContactUpdateRequest = z.input<typeof ContactUpdateRequest>;

export const PortalAccessRequest = z
  .object({
    send_welcome: z
      .boolean()
      .optional()
      .describe('Email the contact a single-use set-password link (48 hours); sending again kills the previous link'),
    password: NewPassword.optional().describe("Set the contact's password now (ends their sessions and open links)"),
  })
  .strict()
  .refine((v) => !(v.send_welcome === true && v.password !== undefined), {
    message: 'Either send a welcome email or set a password now, not both.',
    path: ['password'],
  })
  .meta({ id: 'PortalAccessRequest' });
export type PortalAccessRequest = z.input<typeof PortalAccessRequest>;

export const ContactList = listOf(Contact).meta({ id: 'ContactList' });
export const ContactIdParams = z.object({ id: Id }).strict();

export const contactEndpoints = {
  adminListContacts: endpoint({
    operationId: 'adminListContacts',
    method: 'GET',
    path: '/admin/contacts',
    audience: 'admin',
    authenticated: true,
    summary: "The firm's contacts, oldest first",
    query: ContactListQuery,
    response: ContactList,
    status: 200,
  }),
  adminCreateContact: endpoint({
    operationId: 'adminCreateContact',
    method: 'POST',
    path: '/admin/contacts',
    audience: 'admin',
    authenticated: true,
    summary: 'Add a contact to a client (409 email_taken if the email is in use in the firm). Permissions: admins only',
    body: ContactCreateRequest,
    response: Contact,
    status: 201,
  }),
  adminRetrieveContact: endpoint({
    operationId: 'adminRetrieveContact',
    method: 'GET',
    path: '/admin/contacts/:id',
    audience: 'admin',
    authenticated: true,
    summary: 'One contact',
    params: ContactIdParams,
    response: Contact,
    status: 200,
  }),
  adminUpdateContact: endpoint({
    operationId: 'adminUpdateContact',
    method: 'PATCH',
    path: '/admin/contacts/:id',
    audience: 'admin',
    authenticated: true,
    summary: "Change a contact's details; changing permissions is for admins only",
    params: ContactIdParams,
    body: ContactUpdateRequest,
    response: Contact,
    status: 200,
  }),
  adminSetPrimaryContact: endpoint({
    operationId: 'adminSetPrimaryContact',
    method: 'POST',
    path: '/admin/contacts/:id/primary',
    audience: 'admin',
    authenticated: true,
    summary: "Make an active contact its client's primary contact (the previous one stops being primary)",
    params: ContactIdParams,
    response: Contact,
    status: 200,
  }),
  adminDeactivateContact: endpoint({
    operationId: 'adminDeactivateContact',
    method: 'POST',
    path: '/admin/contacts/:id/deactivate',
    audience: 'admin',
    authenticated: true,
    summary: 'Deactivate a contact: their sessions and open links end at once (a primary contact stays primary)',
    params: ContactIdParams,
    response: Contact,
    status: 200,
  }),
  adminReactivateContact: endpoint({
    operationId: 'adminReactivateContact',
    method: 'POST',
    path: '/admin/contacts/:id/reactivate',
    audience: 'admin',
    authenticated: true,
    summary: 'Reactivate a contact',
    params: ContactIdParams,
    response: Contact,
    status: 200,
  }),
  adminEnablePortalAccess: endpoint({
    operationId: 'adminEnablePortalAccess',
    method: 'POST',
    path: '/admin/contacts/:id/portal-access',
    audience: 'admin',
    authenticated: true,
    summary:
      'Give an active contact portal access, and optionally email a welcome link or set their password. Admins only',
    params: ContactIdParams,
    body: PortalAccessRequest,
    response: Contact,
    status: 200,
  }),
  adminDisablePortalAccess: endpoint({
    operationId: 'adminDisablePortalAccess',
    method: 'DELETE',
    path: '/admin/contacts/:id/portal-access',
    audience: 'admin',
    authenticated: true,
    summary: "Take a contact's portal access away: their sessions and open links end at once. Admins only",
    params: ContactIdParams,
    response: Contact,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
