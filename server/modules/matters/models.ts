/** A matter row as the admin API reads it. */
export interface MatterRow {
  id: string;
  client_id: string;
  number: number;
  title: string;
  status: 'not_started' | 'in_progress' | 'on_hold' | 'cancelled' | 'finished';
  practice_area_id: string | null;
  created_at: Date;
  updated_at: Date;
}
