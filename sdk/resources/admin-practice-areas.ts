import type {
  PracticeArea,
  PracticeAreaCreateRequest,
  PracticeAreaListQuery,
  PracticeAreaUpdateRequest,
} from '../schemas/practice-areas.js';
import type { ListPromise } from '../pagination.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

/** The firm's practice areas (staff list them; admins change them). */
export class AdminPracticeAreas {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * The practice areas by name; archived ones with `include_archived: true`.
   * @example const areas = await admin.practiceAreas.list({ include_archived: true }).toArray();
   */
  list(query: PracticeAreaListQuery = {}): ListPromise<PracticeArea> {
    return this.api.list('adminListPracticeAreas', { query });
  }

  /**
   * Adds a practice area (admins only).
   * @example const area = await admin.practiceAreas.create({ name: 'Real estate' });
   */
  create(body: PracticeAreaCreateRequest): Promise<PracticeArea> {
    return this.api.call('adminCreatePracticeArea', { body });
  }

  /**
   * Renames, archives or unarchives a practice area (admins only).
   * @example await admin.practiceAreas.update(areaId, { archived: true });
   */
  update(id: string, body: PracticeAreaUpdateRequest): Promise<PracticeArea> {
    return this.api.call('adminUpdatePracticeArea', { params: { id }, body });
  }
}
