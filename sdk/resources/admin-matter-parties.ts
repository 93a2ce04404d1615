import type { List } from '../schemas/common.js';
import type { MatterParty, MatterPartyCreateRequest, MatterPartyListQuery } from '../schemas/matter-parties.js';
import { ListPromise } from '../pagination.js';
import { seg, type Transport } from '../transport.js';

/** The people and organisations involved in a matter. Staff-only: never shown in the portal. */
export class AdminMatterParties {
  constructor(private readonly transport: Transport) {}

  /**
   * A matter's parties, newest first.
   * @example for await (const party of admin.matterParties.list(matterId)) console.log(party.role, party.name);
   */
  list(matterId: string, query: MatterPartyListQuery = {}): ListPromise<MatterParty> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<MatterParty>>({
        method: 'GET',
        path: `/admin/matters/${seg(matterId)}/parties`,
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * Adds a party to a matter.
   * @example await admin.matterParties.add(matterId, { name: 'Initrode Ltd', role: 'opposing_party' });
   */
  add(matterId: string, body: MatterPartyCreateRequest): Promise<MatterParty> {
    return this.transport.request<MatterParty>({
      method: 'POST',
      path: `/admin/matters/${seg(matterId)}/parties`,
      body,
    });
  }

  /**
   * Removes a party from a matter.
   * @example await admin.matterParties.remove(matterId, partyId);
   */
  remove(matterId: string, partyId: string): Promise<void> {
    return this.transport.request<void>({
      method: 'DELETE',
      path: `/admin/matters/${seg(matterId)}/parties/${seg(partyId)}`,
    });
  }
}
