import type { TestServer } from './server.js';

/** The audit rows about one subject, oldest first, as tests compare them. */
export const auditTrail = (s: TestServer, subjectId: string) =>
  s.db
    .owner('audit_events')
    .where({ subject_id: subjectId })
    .orderBy('occurred_at')
    .select('action', 'actor_type', 'actor_id', 'data');
