import type { List } from '../schemas/common.js';
import type { Matter, MatterCreateRequest, MatterListQuery, MatterUpdateRequest } from '../schemas/matters.js';
import { ListPromise } from '../pagination.js';
import { seg, type Transport } from '../transport.js';

export class AdminMatters {
  constructor(private readonly transport: Transport) {}

  /**
   * The firm's matters, newest first.
   * @example for await (const matter of admin.matters.list({ client_id })) console.log(matter.number, matter.title);
   */
  list(query: MatterListQuery = {}): ListPromise<Matter> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<Matter>>({
        method: 'GET',
        path: '/admin/matters',
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * Creates a matter for a client; without `number` it gets the next one.
   * @example const matter = await admin.matters.create({ client_id, title: 'Lease renewal' });
   */
  create(body: MatterCreateRequest): Promise<Matter> {
    return this.transport.request<Matter>({ method: 'POST', path: '/admin/matters', body });
  }

  /**
   * One matter.
   * @example const matter = await admin.matters.retrieve(id);
   */
  retrieve(id: string): Promise<Matter> {
    return this.transport.request<Matter>({ method: 'GET', path: `/admin/matters/${seg(id)}` });
  }

  /**
   * Retitles a matter, changes its status or its practice area (null for none).
   * @example await admin.matters.update(id, { status: 'in_progress', practice_area_id: areaId });
   */
  update(id: string, body: MatterUpdateRequest): Promise<Matter> {
    return this.transport.request<Matter>({ method: 'PATCH', path: `/admin/matters/${seg(id)}`, body });
  }
}
