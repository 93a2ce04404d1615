import { randomUUID } from 'node:crypto';
import { firmId, ownerOf, type Db } from './owner.js';

/**
 * A domain event of `firm` as a service records it beside its change, written
 * with the owner connection (a system actor; the tenant as subject unless told).
 */
export async function aDomainEvent(
  db: Db,
  o: { firm: string; type?: string; subject_type?: string; data?: Record<string, unknown> },
): Promise<{ id: string }> {
  const [row] = await ownerOf(db)('domain_events')
    .insert({
      tenant_id: await firmId(db, o.firm),
      id: randomUUID(),
      type: o.type ?? 'stripe.disabled',
      actor_type: 'system',
      subject_type: o.subject_type ?? 'tenant',
      data: o.data ?? {},
    })
    .returning('id');
  return row as { id: string };
}

/** A completed idempotency key of `principal` ('contact:<id>', 'staff:<id>') in `firm`, written with the owner connection. */
export async function anIdempotencyKey(
  db: Db,
  o: { firm: string; principal: string; key?: string },
): Promise<{ key: string }> {
  const key = o.key ?? randomUUID();
  await ownerOf(db)('idempotency_keys').insert({
    tenant_id: await firmId(db, o.firm),
    principal: o.principal,
    key,
    request_hash: 'x',
    status: 'completed',
    response_status: 200,
    response_body: {},
  });
  return { key };
}
