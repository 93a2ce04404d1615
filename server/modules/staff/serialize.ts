import type { z } from 'zod';
import type { StaffUser } from '../../../sdk/schemas/staff.js';
import type { Row } from '../../db/model.js';
import type { staffColumns, StaffUserModel } from './models.js';

/** A staff user as the admin API reads it (never the hash). */
export type StaffRow = Pick<Row<StaffUserModel>, (typeof staffColumns)[number]>;

/** The admin API's view of a staff user (never a credential). */
export function staffUser(row: StaffRow): z.input<typeof StaffUser> {
  return {
    id: row.id,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    role: row.role,
    active: row.active,
    phone: row.phone,
    hourly_rate: row.hourly_rate,
    created_at: row.created_at.toISOString(),
  };
}
