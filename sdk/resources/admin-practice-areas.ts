import type { List } from '../schemas/common.js';
import type {
  PracticeArea,
  PracticeAreaCreateRequest,
  PracticeAreaListQuery,
  PracticeAreaUpdateRequest,
} from '../schemas/practice-areas.js';
import { ListPromise } from '../pagination.js';
import { seg, type Transport } from '../transport.js';

/** The firm's practice areas (staff list them; admins change them). */
export class AdminPracticeAreas {
  constructor(private readonly transport: Transport) {}

  /**
   * The practice areas by name; archived ones with `include_archived: true`.
   * @example const areas = await admin.practiceAreas.list({ include_archived: true }).toArray();
   */
  list(query: PracticeAreaListQuery = {}): ListPromise<PracticeArea> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<PracticeArea>>({
        method: 'GET',
        path: '/admin/practice-areas',
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * Adds a practice area (admins only).
   * @example const area = await admin.practiceAreas.create({ name: 'Real estate' });
   */
  create(body: PracticeAreaCreateRequest): Promise<PracticeArea> {
    return this.transport.request<PracticeArea>({ method: 'POST', path: '/admin/practice-areas', body });
  }

  /**
   * Renames, archives or unarchives a practice area (admins only).
   * @example await admin.practiceAreas.update(areaId, { archived: true });
   */
  update(id: string, body: PracticeAreaUpdateRequest): Promise<PracticeArea> {
    return this.transport.request<PracticeArea>({ method: 'PATCH', path: `/admin/practice-areas/${seg(id)}`, body });
  }
}
