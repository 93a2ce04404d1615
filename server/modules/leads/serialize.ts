import type { z } from 'zod';
import type { Lead } from '../../../sdk/schemas/leads.js';
import type { Row } from '../../db/model.js';
import type { LeadModel } from './models.js';

/** The admin API's allow-list of lead fields. */
export function adminLead(row: Row<LeadModel>): z.input<typeof Lead> {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    company: row.company,
    stage: row.stage,
    source: row.source,
    owner_id: row.owner_id,
    value: row.value === null ? null : Number(row.value),
    currency: row.currency,
    notes: row.notes,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
