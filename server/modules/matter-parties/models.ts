import type { MatterPartyRole } from '../../../sdk/schemas/matter-parties.js';

/** A matter party row as the admin API reads it. */
export interface MatterPartyRow {
  id: string;
  matter_id: string;
  name: string;
  email: string | null;
  role: MatterPartyRole;
  created_at: Date;
}
