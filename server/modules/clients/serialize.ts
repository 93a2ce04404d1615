import type { z } from 'zod';
import type { Client } from '../../../sdk/schemas/clients.js';
import type { ClientWithPrimary } from './models.js';

/** The admin API's allow-list of client fields. */
export function adminClient(client: ClientWithPrimary): z.input<typeof Client> {
  return {
    id: client.id,
    number: client.number,
    name: client.name,
    primary_contact_id: client.primary_contact_id,
    created_at: client.created_at.toISOString(),
    updated_at: client.updated_at.toISOString(),
  };
}
