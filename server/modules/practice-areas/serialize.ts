import type { z } from 'zod';
import type { PracticeArea } from '../../../sdk/schemas/practice-areas.js';
import type { Row } from '../../db/model.js';
import type { PracticeAreaModel } from './models.js';

export function adminPracticeArea(row: Row<PracticeAreaModel>): z.input<typeof PracticeArea> {
  return {
    id: row.id,
    name: row.name,
    archived: row.archived_at !== null,
    archived_at: row.archived_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
