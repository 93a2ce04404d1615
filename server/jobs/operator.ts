/**
 * What `caseflow jobs` shows and does, beside the database as the owner: the
 * queue's jobs with their state, and putting failed or dead ones back to work.
 * A job's payload holds only ids, so listing it shows nothing secret.
 */
import type { Knex } from 'knex';

export type JobState = 'running' | 'due' | 'scheduled' | 'retrying' | 'dead';
export const jobStates: JobState[] = ['running', 'due', 'scheduled', 'retrying', 'dead'];

export interface JobRow {
  id: string;
  task: string;
  state: JobState;
  firm: string | null;
  attempts: number;
  max_attempts: number;
  run_at: Date;
  last_error: string | null;
  payload: unknown;
}

const stateSql = `CASE WHEN j.locked_at IS NOT NULL THEN 'running'
                       WHEN j.attempts >= j.max_attempts THEN 'dead'
                       WHEN j.run_at > now() AND j.attempts > 0 THEN 'retrying'
                       WHEN j.run_at > now() THEN 'scheduled'
                       ELSE 'due' END`;

export async function listJobs(
  owner: Knex,
  filter: { state?: JobState; task?: string; limit: number },
): Promise<JobRow[]> {
  const { rows } = await owner.raw<{ rows: JobRow[] }>(
    `SELECT * FROM (
       SELECT j.id::text AS id, t.identifier AS task, ${stateSql} AS state, f.slug AS firm,
              j.attempts, j.max_attempts, j.run_at, j.last_error, j.payload
         FROM graphile_worker._private_jobs j
         JOIN graphile_worker._private_tasks t ON t.id = j.task_id
         LEFT JOIN tenants f ON f.id::text = j.payload->>'tenant_id'
     ) jobs
     WHERE (?::text IS NULL OR state = ?) AND (?::text IS NULL OR task = ?)
     ORDER BY run_at, id LIMIT ?`,
    [filter.state ?? null, filter.state ?? null, filter.task ?? null, filter.task ?? null, filter.limit],
  );
  return rows;
}

/** Runs the given jobs (or every dead one) again now, with their attempts counted from zero. */
export async function retryJobs(owner: Knex, which: { ids: string[] } | { dead: true }): Promise<string[]> {
  const ids =
    'ids' in which
      ? which.ids
      : (
          await owner.raw<{ rows: { id: string }[] }>(
            `SELECT id::text FROM graphile_worker._private_jobs WHERE attempts >= max_attempts`,
          )
        ).rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const { rows } = await owner.raw<{ rows: { id: string }[] }>(
    `SELECT id::text FROM graphile_worker.reschedule_jobs(?::bigint[], run_at => now(), attempts => 0)`,
    [ids],
  );
  return rows.map((r) => r.id);
}
