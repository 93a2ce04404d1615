import type { z } from 'zod';
import type { PracticeArea } from '../../../sdk/schemas/practice-areas.js';

export interface PracticeAreaRow {
  id: string;
  name: string;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const practiceAreaColumns = 'id, name, archived_at, created_at, updated_at';

export function adminPracticeArea(row: PracticeAreaRow): z.input<typeof PracticeArea> {
  return {
    id: row.id,
    name: row.name,
    archived: row.archived_at !== null,
    archived_at: row.archived_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
