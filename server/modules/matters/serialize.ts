import type { z } from 'zod';
import type { Matter } from '../../../sdk/schemas/matters.js';
import type { Row } from '../../db/model.js';
import type { MatterModel } from './models.js';

/** The admin API's allow-list of matter fields. */
export function adminMatter(row: Row<MatterModel>): z.input<typeof Matter> {
  return {
    id: row.id,
    client_id: row.client_id,
    number: row.number,
    title: row.title,
    status: row.status,
    practice_area_id: row.practice_area_id,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
