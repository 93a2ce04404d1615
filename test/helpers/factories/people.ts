import type { AdminClient } from '../../../sdk/admin-client.js';
import type { Client } from '../../../sdk/schemas/clients.js';
import type { Contact, ContactCreateRequest } from '../../../sdk/schemas/contacts.js';
import type { PortalClient } from '../../../sdk/portal-client.js';
import type { StaffUser } from '../../../sdk/schemas/staff.js';
import { demoStaff, type TestServer } from '../server.js';
import { idOf, type Ref } from './owner.js';
import { nextNumber, uniqueClientNumber, uniqueEmail } from './unique.js';

/** The demo firms an API factory can act in without being handed an admin. */
export type DemoFirm = 'acme' | 'bluebird';

const adminLogins = { acme: demoStaff.ada, bluebird: demoStaff.bea } as const;

/** A fresh admin session of a demo firm (Ada at Acme, Bea at Bluebird): the factories' default author. */
export function firmAdmin(s: TestServer, firm: DemoFirm = 'acme'): Promise<AdminClient> {
  return s.staffLogin(adminLogins[firm]);
}

/** Who a factory acts as: an admin client given by the test, else the demo admin of `firm`. */
export async function actor(s: TestServer, o: { firm?: DemoFirm; admin?: AdminClient }): Promise<AdminClient> {
  return o.admin ?? firmAdmin(s, o.firm);
}

/** A new client with a unique number and name, through the admin API. */
export async function aClient(
  s: TestServer,
  o: { firm?: DemoFirm; admin?: AdminClient; name?: string; number?: number } = {},
): Promise<Client> {
  const number = o.number ?? uniqueClientNumber();
  return (await actor(s, o)).clients.create({ name: o.name ?? `Client ${number}`, number });
}

/**
 * A new contact of `client` with a unique email, through the admin API. With
 * `password`, the admin also gives it portal access with that password (as an
 * admin setting it by hand does), so the test can log in as it.
 */
export async function aContact(
  s: TestServer,
  o: Partial<Omit<ContactCreateRequest, 'client_id'>> & {
    client: Ref;
    firm?: DemoFirm;
    admin?: AdminClient;
    password?: string;
  },
): Promise<Contact> {
  const { client, firm, admin: given, password, ...fields } = o;
  const admin = await actor(s, { firm, admin: given });
  const contact = await admin.contacts.create({
    first_name: 'Test',
    last_name: `Contact ${nextNumber()}`,
    email: uniqueEmail('contact'),
    ...fields,
    client_id: idOf(client),
  });
  return password === undefined ? contact : admin.contacts.enablePortalAccess(contact.id, { password });
}

/** A portal session of `contact` (logged in with its password) on `firm`. */
export async function portalAs(
  s: TestServer,
  contact: { email: string },
  password: string,
  firm: DemoFirm = 'acme',
): Promise<PortalClient> {
  const portal = s.portal(firm);
  await portal.auth.login({ email: contact.email, password });
  return portal;
}

/** A staff user invited by the admin API (a unique email; staff role unless told otherwise): no password yet. */
export async function aStaffUser(
  s: TestServer,
  o: { firm?: DemoFirm; admin?: AdminClient; role?: 'admin' | 'staff'; email?: string } = {},
): Promise<StaffUser> {
  return (await actor(s, o)).staff.invite({
    email: o.email ?? uniqueEmail('staff'),
    first_name: 'Stef',
    last_name: `Staff ${nextNumber()}`,
    role: o.role ?? 'staff',
  });
}
