import type { List } from '../schemas/common.js';
import type { Lead, LeadCreateRequest, LeadListQuery, LeadUpdateRequest } from '../schemas/leads.js';
import { ListPromise } from '../pagination.js';
import { seg, type Transport } from '../transport.js';

/** The firm's lead pipeline (prospective clients). Staff-only: never shown in the portal. */
export class AdminLeads {
  constructor(private readonly transport: Transport) {}

  /**
   * The firm's leads, newest first; filter by stage and owner.
   * @example for await (const lead of admin.leads.list({ stage: 'qualified' })) console.log(lead.name, lead.value);
   */
  list(query: LeadListQuery = {}): ListPromise<Lead> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<Lead>>({
        method: 'GET',
        path: '/admin/leads',
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * Adds a lead; `value` is in minor units of `currency` (default: the firm's currency).
   * @example const lead = await admin.leads.create({ name: 'Hooli', source: 'referral', value: 1_500_000 });
   */
  create(body: LeadCreateRequest): Promise<Lead> {
    return this.transport.request<Lead>({ method: 'POST', path: '/admin/leads', body });
  }

  /**
   * One lead.
   * @example const lead = await admin.leads.retrieve(id);
   */
  retrieve(id: string): Promise<Lead> {
    return this.transport.request<Lead>({ method: 'GET', path: `/admin/leads/${seg(id)}` });
  }

  /**
   * Changes the fields given (`null` clears an optional one), the stage included.
   * @example await admin.leads.update(id, { stage: 'won', owner_id: null });
   */
  update(id: string, body: LeadUpdateRequest): Promise<Lead> {
    return this.transport.request<Lead>({ method: 'PATCH', path: `/admin/leads/${seg(id)}`, body });
  }
}
