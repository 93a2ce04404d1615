import type { z } from 'zod';
import type { MatterParty } from '../../../sdk/schemas/matter-parties.js';
import type { Row } from '../../db/model.js';
import type { MatterPartyModel } from './models.js';

/** The admin API's allow-list of matter party fields. */
export function adminMatterParty(row: Row<MatterPartyModel>): z.input<typeof MatterParty> {
  return {
    id: row.id,
    matter_id: row.matter_id,
    name: row.name,
    email: row.email,
    role: row.role,
    created_at: row.created_at.toISOString(),
  };
}
