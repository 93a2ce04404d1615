import type { Matter, MatterCreateRequest, MatterListQuery, MatterUpdateRequest } from '../schemas/matters.js';
import type { ListPromise } from '../pagination.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

export class AdminMatters {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * The firm's matters, newest first.
   * @example for await (const matter of admin.matters.list({ client_id })) console.log(matter.number, matter.title);
   */
  list(query: MatterListQuery = {}): ListPromise<Matter> {
    return this.api.list('adminListMatters', { query });
  }

  /**
   * Creates a matter for a client; without `number` it gets the next one.
   * @example const matter = await admin.matters.create({ client_id, title: 'Lease renewal' });
   */
  create(body: MatterCreateRequest): Promise<Matter> {
    return this.api.call('adminCreateMatter', { body });
  }

  /**
   * One matter.
   * @example const matter = await admin.matters.retrieve(id);
   */
  retrieve(id: string): Promise<Matter> {
    return this.api.call('adminRetrieveMatter', { params: { id } });
  }

  /**
   * Retitles a matter, changes its status or its practice area (null for none).
   * @example await admin.matters.update(id, { status: 'in_progress', practice_area_id: areaId });
   */
  update(id: string, body: MatterUpdateRequest): Promise<Matter> {
    return this.api.call('adminUpdateMatter', { params: { id }, body });
  }
}
