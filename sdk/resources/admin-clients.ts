import type { Client, ClientCreateRequest, ClientListQuery, ClientUpdateRequest } from '../schemas/clients.js';
import type { ListPromise } from '../pagination.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

export class AdminClients {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * The firm's clients, by number; `q` searches names, `number` finds one client.
   * @example for await (const client of admin.clients.list({ q: 'north' })) console.log(client.number, client.name);
   */
  list(query: ClientListQuery = {}): ListPromise<Client> {
    return this.api.list('adminListClients', { query });
  }

  /**
   * Creates a client; without `number` it gets the next free one (1001 for a firm's first).
   * @example const client = await admin.clients.create({ name: 'Northwind Traders' });
   */
  create(body: ClientCreateRequest): Promise<Client> {
    return this.api.call('adminCreateClient', { body });
  }

  /**
   * One client by id.
   * @example const client = await admin.clients.retrieve(id);
   */
  retrieve(id: string): Promise<Client> {
    return this.api.call('adminRetrieveClient', { params: { id } });
  }

  /**
   * Renames a client.
   * @example await admin.clients.update(id, { name: 'Northwind Traders Ltd' });
   */
  update(id: string, body: ClientUpdateRequest): Promise<Client> {
    return this.api.call('adminUpdateClient', { params: { id }, body });
  }
}
