import { AdminClient } from '../../sdk/admin-client.js';
import type { DemoSession } from './server.js';

/** The name of the key the demo makes; a start revokes the previous start's. */
export const demoKeyName = 'Embed demo (development)';

export interface DemoFirmOptions {
  api: string;
  tenant: string;
  /** A firm admin who allows the demo's origin and makes its API key, as a firm's developer does once. */
  staff: { email: string; password: string };
  /** The contact the demo's sessions are for. */
  contactEmail: string;
}

/**
 * Gets the demo firm ready for a demo page on `origin`, through the SDK: that
 * origin in its allowed origins, a fresh API key that may only mint portal
 * sessions, and one welcome announcement if the firm has published none, so
 * the announcements block has something to show.
 */
export async function prepareDemoFirm(options: DemoFirmOptions, origin: string): Promise<DemoSession> {
  const admin = new AdminClient({ baseUrl: options.api, tenant: options.tenant });
  await admin.auth.login({ email: options.staff.email, password: options.staff.password });
  try {
    const firm = await admin.settings.retrieve();
    if (!firm.allowed_origins.includes(origin)) {
      await admin.settings.update({ allowed_origins: [...firm.allowed_origins, origin] });
    }
    for await (const key of admin.apiKeys.list()) {
      if (key.name === demoKeyName && !key.revoked_at) await admin.apiKeys.revoke(key.id);
    }
    const key = await admin.apiKeys.create({ name: demoKeyName, role: 'staff', scopes: ['portal_sessions:mint'] });
    const [contact] = (await admin.contacts.list({ email: options.contactEmail })).data;
    if (!contact) throw new Error(`${options.tenant} has no contact ${options.contactEmail}`);
    const client = await admin.clients.retrieve(contact.client_id);
    const { data: announcements } = await admin.announcements.list({ limit: 1 });
    if (!announcements.length) {
      await admin.announcements.create({
        title: 'Welcome to your client portal',
        body: `${firm.name} now shares invoices and news with you here, on our site and on the portal.`,
        publish: true,
      });
    }
    return {
      apiKey: key.secret,
      contactId: contact.id,
      signedInAs: `${contact.first_name} ${contact.last_name}, ${client.name}`,
    };
  } finally {
    await admin.auth.logout();
  }
}
