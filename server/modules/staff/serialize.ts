import type { z } from 'zod';
import type { StaffUser } from '../../../sdk/schemas/staff.js';

export interface StaffRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: 'admin' | 'staff';
  active: boolean;
  phone: string | null;
  hourly_rate: string | null;
  created_at: Date;
}

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
    hourly_rate: row.hourly_rate === null ? null : Number(row.hourly_rate),
    created_at: row.created_at.toISOString(),
  };
}

export const staffColumns = 'id, email, first_name, last_name, role, active, phone, hourly_rate, created_at';
