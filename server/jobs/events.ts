import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { eventCatalogue, type EventType } from '../../sdk/schemas/events.js';
import type { RequestDb } from '../db/request-db.js';

export interface NewEvent<T extends EventType> {
  type: T;
  data: z.input<(typeof eventCatalogue)[T]>;
  subjectType?: string;
  subjectId?: string;
  actorType: 'contact' | 'staff' | 'api_key' | 'platform' | 'system' | 'anonymous';
  actorId?: string | null;
}

/**
 * Records a domain event in the caller's transaction (the firm is the
 * transaction's): it happens, and its subscribers run, only if the change
 * commits. The payload is checked against the catalogue first. The id is made
 * here because the portal role may insert but not read events back.
 */
export async function recordEvent<T extends EventType>(db: RequestDb, event: NewEvent<T>): Promise<string> {
  const data = eventCatalogue[event.type].parse(event.data);
  const id = randomUUID();
  await db.query(
    `INSERT INTO domain_events (tenant_id, id, type, subject_type, subject_id, actor_type, actor_id, data)
     VALUES (caseflow.current_tenant(), $1, $2, $3, $4, $5, $6, $7)`,
    [id, event.type, event.subjectType ?? null, event.subjectId ?? null, event.actorType, event.actorId ?? null, data],
  );
  return id;
}
