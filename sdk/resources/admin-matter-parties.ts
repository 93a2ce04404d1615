import type { MatterParty, MatterPartyCreateRequest, MatterPartyListQuery } from '../schemas/matter-parties.js';
import type { ListPromise } from '../pagination.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

/** The people and organisations involved in a matter. Staff-only: never shown in the portal. */
export class AdminMatterParties {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * A matter's parties, newest first.
   * @example for await (const party of admin.matterParties.list(matterId)) console.log(party.role, party.name);
   */
  list(matterId: string, query: MatterPartyListQuery = {}): ListPromise<MatterParty> {
    return this.api.list('adminListMatterParties', { params: { id: matterId }, query });
  }

  /**
   * Adds a party to a matter.
   * @example await admin.matterParties.add(matterId, { name: 'Initrode Ltd', role: 'opposing_party' });
   */
  add(matterId: string, body: MatterPartyCreateRequest): Promise<MatterParty> {
    return this.api.call('adminAddMatterParty', { params: { id: matterId }, body });
  }

  /**
   * Removes a party from a matter.
   * @example await admin.matterParties.remove(matterId, partyId);
   */
  remove(matterId: string, partyId: string): Promise<void> {
    return this.api.call('adminRemoveMatterParty', { params: { id: matterId, party_id: partyId } });
  }
}
