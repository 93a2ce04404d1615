import type { LeadStage } from '../../../sdk/schemas/leads.js';

/** A lead row as the admin API reads it. */
export interface LeadRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  stage: LeadStage;
  source: string | null;
  owner_id: string | null;
  value: number | null;
  currency: string;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
}

/** The columns a PATCH may change, in the order the audit lists them. */
export const editableColumns = [
  'name',
  'email',
  'phone',
  'company',
  'stage',
  'source',
  'owner_id',
  'value',
  'currency',
  'notes',
] as const;
export type EditableColumn = (typeof editableColumns)[number];
