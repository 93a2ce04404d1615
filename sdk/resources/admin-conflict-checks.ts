import type {
  ConflictCheck,
  ConflictCheckListQuery,
  ConflictCheckRequest,
  ConflictCheckSummary,
} from '../schemas/conflict-checks.js';
import type { ListPromise } from '../pagination.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

/** Conflict checks over the firm's clients, contacts, matter parties and leads. Staff-only. */
export class AdminConflictChecks {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * Runs a check for up to 20 parties; the check and its matches are kept.
   * @example
   * const check = await admin.conflictChecks.run({ parties: [{ name: 'Initech LLC' }, { name: 'Bill Lumbergh', email: 'bill@initech.example' }] });
   * if (check.result === 'potential_conflict') console.table(check.matches);
   */
  run(body: ConflictCheckRequest): Promise<ConflictCheck> {
    return this.api.call('adminRunConflictCheck', { body });
  }

  /**
   * The checks run in the firm, newest first (without their matches).
   * @example for await (const check of admin.conflictChecks.list()) console.log(check.result, check.match_count);
   */
  list(query: ConflictCheckListQuery = {}): ListPromise<ConflictCheckSummary> {
    return this.api.list('adminListConflictChecks', { query });
  }

  /**
   * One check with its matches.
   * @example const { matches } = await admin.conflictChecks.retrieve(id);
   */
  retrieve(id: string): Promise<ConflictCheck> {
    return this.api.call('adminRetrieveConflictCheck', { params: { id } });
  }
}
