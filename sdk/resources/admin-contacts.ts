import type {
  Contact,
  ContactCreateRequest,
  ContactListQuery,
  ContactUpdateRequest,
  PortalAccessRequest,
} from '../schemas/contacts.js';
import type { ListPromise } from '../pagination.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

export class AdminContacts {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * The firm's contacts, oldest first; filter by `client_id` or find one by `email`.
   * @example const { data } = await admin.contacts.list({ client_id: client.id });
   */
  list(query: ContactListQuery = {}): ListPromise<Contact> {
    return this.api.list('adminListContacts', { query });
  }

  /**
   * Adds a contact to a client (`permissions` is for admins only).
   * @example await admin.contacts.create({ client_id, first_name: 'Nora', last_name: 'North', email: 'nora@northwind.example' });
   */
  create(body: ContactCreateRequest): Promise<Contact> {
    return this.api.call('adminCreateContact', { body });
  }

  /**
   * One contact by id.
   * @example const contact = await admin.contacts.retrieve(id);
   */
  retrieve(id: string): Promise<Contact> {
    return this.api.call('adminRetrieveContact', { params: { id } });
  }

  /**
   * Changes a contact's details; changing `permissions` is for admins only.
   * @example await admin.contacts.update(id, { phone: '+1 555 0100', permissions: ['invoices', 'documents'] });
   */
  update(id: string, body: ContactUpdateRequest): Promise<Contact> {
    return this.api.call('adminUpdateContact', { params: { id }, body });
  }

  /**
   * Makes the contact its client's primary contact; the previous one stops being primary.
   * @example await admin.contacts.setPrimary(id);
   */
  setPrimary(id: string): Promise<Contact> {
    return this.api.call('adminSetPrimaryContact', { params: { id } });
  }

  /**
   * Deactivates a contact: its sessions and open links end at once.
   * @example await admin.contacts.deactivate(id);
   */
  deactivate(id: string): Promise<Contact> {
    return this.api.call('adminDeactivateContact', { params: { id } });
  }

  /**
   * Reactivates a contact.
   * @example await admin.contacts.reactivate(id);
   */
  reactivate(id: string): Promise<Contact> {
    return this.api.call('adminReactivateContact', { params: { id } });
  }

  /**
   * Gives the contact portal access (admins only), and either emails a welcome
   * link (`send_welcome`; sending again kills the previous link) or sets its
   * password (`password`), or neither.
   * @example await admin.contacts.enablePortalAccess(id, { send_welcome: true });
   */
  enablePortalAccess(id: string, body: PortalAccessRequest = {}): Promise<Contact> {
    return this.api.call('adminEnablePortalAccess', { params: { id }, body });
  }

  /**
   * Takes portal access away (admins only); the contact's sessions end at once.
   * @example await admin.contacts.disablePortalAccess(id);
   */
  disablePortalAccess(id: string): Promise<Contact> {
    return this.api.call('adminDisablePortalAccess', { params: { id } });
  }
}
