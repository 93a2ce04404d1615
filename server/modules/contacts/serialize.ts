import type { z } from 'zod';
import type { Contact } from '../../../sdk/schemas/contacts.js';
import type { AdminContactRow } from './models.js';

/** The admin API's allow-list of contact fields (no credential ever). */
export function adminContact(contact: AdminContactRow): z.input<typeof Contact> {
  return {
    id: contact.id,
    client_id: contact.client_id,
    first_name: contact.first_name,
    last_name: contact.last_name,
    title: contact.title,
    email: contact.email,
    phone: contact.phone,
    text_direction: contact.text_direction,
    language: contact.language,
    receives_invoice_emails: contact.receives_invoice_emails,
    is_primary: contact.is_primary,
    active: contact.active,
    portal_access: contact.portal_access,
    permissions: contact.permissions,
    created_at: contact.created_at.toISOString(),
    updated_at: contact.updated_at.toISOString(),
  };
}
