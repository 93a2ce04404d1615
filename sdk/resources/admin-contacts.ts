import type { List } from '../schemas/common.js';
import type {
  Contact,
  ContactCreateRequest,
  ContactListQuery,
  ContactUpdateRequest,
  PortalAccessRequest,
} from '../schemas/contacts.js';
import { ListPromise } from '../pagination.js';
import { seg, type Transport } from '../transport.js';

export class AdminContacts {
  constructor(private readonly transport: Transport) {}

  /**
   * The firm's contacts, oldest first; filter by `client_id` or find one by `email`.
   * @example const { data } = await admin.contacts.list({ client_id: client.id });
   */
  list(query: ContactListQuery = {}): ListPromise<Contact> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<Contact>>({
        method: 'GET',
        path: '/admin/contacts',
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * Adds a contact to a client (`permissions` is for admins only).
   * @example await admin.contacts.create({ client_id, first_name: 'Nora', last_name: 'North', email: 'nora@northwind.example' });
   */
  create(body: ContactCreateRequest): Promise<Contact> {
    return this.transport.request<Contact>({ method: 'POST', path: '/admin/contacts', body });
  }

  /**
   * One contact by id.
   * @example const contact = await admin.contacts.retrieve(id);
   */
  retrieve(id: string): Promise<Contact> {
    return this.transport.request<Contact>({ method: 'GET', path: `/admin/contacts/${seg(id)}` });
  }

  /**
   * Changes a contact's details; changing `permissions` is for admins only.
   * @example await admin.contacts.update(id, { phone: '+1 555 0100', permissions: ['invoices', 'documents'] });
   */
  update(id: string, body: ContactUpdateRequest): Promise<Contact> {
    return this.transport.request<Contact>({ method: 'PATCH', path: `/admin/contacts/${seg(id)}`, body });
  }

  /**
   * Makes the contact its client's primary contact; the previous one stops being primary.
   * @example await admin.contacts.setPrimary(id);
   */
  setPrimary(id: string): Promise<Contact> {
    return this.transport.request<Contact>({ method: 'POST', path: `/admin/contacts/${seg(id)}/primary` });
  }

  /**
   * Deactivates a contact: its sessions and open links end at once.
   * @example await admin.contacts.deactivate(id);
   */
  deactivate(id: string): Promise<Contact> {
    return this.transport.request<Contact>({ method: 'POST', path: `/admin/contacts/${seg(id)}/deactivate` });
  }

  /**
   * Reactivates a contact.
   * @example await admin.contacts.reactivate(id);
   */
  reactivate(id: string): Promise<Contact> {
    return this.transport.request<Contact>({ method: 'POST', path: `/admin/contacts/${seg(id)}/reactivate` });
  }

  /**
   * Gives the contact portal access (admins only), and either emails a welcome
   * link (`send_welcome`; sending again kills the previous link) or sets its
   * password (`password`), or neither.
   * @example await admin.contacts.enablePortalAccess(id, { send_welcome: true });
   */
  enablePortalAccess(id: string, body: PortalAccessRequest = {}): Promise<Contact> {
    return this.transport.request<Contact>({
      method: 'POST',
      path: `/admin/contacts/${seg(id)}/portal-access`,
      body,
    });
  }

  /**
   * Takes portal access away (admins only); the contact's sessions end at once.
   * @example await admin.contacts.disablePortalAccess(id);
   */
  disablePortalAccess(id: string): Promise<Contact> {
    return this.transport.request<Contact>({ method: 'DELETE', path: `/admin/contacts/${seg(id)}/portal-access` });
  }
}
