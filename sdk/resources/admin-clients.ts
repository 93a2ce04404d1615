import type { Client, ClientCreateRequest, ClientListQuery, ClientUpdateRequest } from '../schemas/clients.js';
import type { List } from '../schemas/common.js';
import { ListPromise } from '../pagination.js';
import { seg, type Transport } from '../transport.js';

export class AdminClients {
  constructor(private readonly transport: Transport) {}

  /**
   * The firm's clients, by number; `q` searches names, `number` finds one client.
   * @example for await (const client of admin.clients.list({ q: 'north' })) console.log(client.number, client.name);
   */
  list(query: ClientListQuery = {}): ListPromise<Client> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<Client>>({
        method: 'GET',
        path: '/admin/clients',
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * Creates a client; without `number` it gets the next free one (1001 for a firm's first).
   * @example const client = await admin.clients.create({ name: 'Northwind Traders' });
   */
  create(body: ClientCreateRequest): Promise<Client> {
    return this.transport.request<Client>({ method: 'POST', path: '/admin/clients', body });
  }

  /**
   * One client by id.
   * @example const client = await admin.clients.retrieve(id);
   */
  retrieve(id: string): Promise<Client> {
    return this.transport.request<Client>({ method: 'GET', path: `/admin/clients/${seg(id)}` });
  }

  /**
   * Renames a client.
   * @example await admin.clients.update(id, { name: 'Northwind Traders Ltd' });
   */
  update(id: string, body: ClientUpdateRequest): Promise<Client> {
    return this.transport.request<Client>({ method: 'PATCH', path: `/admin/clients/${seg(id)}`, body });
  }
}
