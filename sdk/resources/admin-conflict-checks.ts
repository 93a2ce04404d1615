import type { List } from '../schemas/common.js';
import type {
  ConflictCheck,
  ConflictCheckListQuery,
  ConflictCheckRequest,
  ConflictCheckSummary,
} from '../schemas/conflict-checks.js';
import { ListPromise } from '../pagination.js';
import { seg, type Transport } from '../transport.js';

/** Conflict checks over the firm's clients, contacts, matter parties and leads. Staff-only. */
export class AdminConflictChecks {
  constructor(private readonly transport: Transport) {}

  /**
   * Runs a check for up to 20 parties; the check and its matches are kept.
   * @example
   * const check = await admin.conflictChecks.run({ parties: [{ name: 'Initech LLC' }, { name: 'Bill Lumbergh', email: 'bill@initech.example' }] });
   * if (check.result === 'potential_conflict') console.table(check.matches);
   */
  run(body: ConflictCheckRequest): Promise<ConflictCheck> {
    return this.transport.request<ConflictCheck>({ method: 'POST', path: '/admin/conflict-checks', body });
  }

  /**
   * The checks run in the firm, newest first (without their matches).
   * @example for await (const check of admin.conflictChecks.list()) console.log(check.result, check.match_count);
   */
  list(query: ConflictCheckListQuery = {}): ListPromise<ConflictCheckSummary> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<ConflictCheckSummary>>({
        method: 'GET',
        path: '/admin/conflict-checks',
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * One check with its matches.
   * @example const { matches } = await admin.conflictChecks.retrieve(id);
   */
  retrieve(id: string): Promise<ConflictCheck> {
    return this.transport.request<ConflictCheck>({ method: 'GET', path: `/admin/conflict-checks/${seg(id)}` });
  }
}
