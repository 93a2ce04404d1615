import type { Lead, LeadCreateRequest, LeadListQuery, LeadUpdateRequest } from '../schemas/leads.js';
import type { ListPromise } from '../pagination.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

/** The firm's lead pipeline (prospective clients). Staff-only: never shown in the portal. */
export class AdminLeads {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * The firm's leads, newest first; filter by stage and owner.
   * @example for await (const lead of admin.leads.list({ stage: 'qualified' })) console.log(lead.name, lead.value);
   */
  list(query: LeadListQuery = {}): ListPromise<Lead> {
    return this.api.list('adminListLeads', { query });
  }

  /**
   * Adds a lead; `value` is in minor units of `currency` (default: the firm's currency).
   * @example const lead = await admin.leads.create({ name: 'Hooli', source: 'referral', value: 1_500_000 });
   */
  create(body: LeadCreateRequest): Promise<Lead> {
    return this.api.call('adminCreateLead', { body });
  }

  /**
   * One lead.
   * @example const lead = await admin.leads.retrieve(id);
   */
  retrieve(id: string): Promise<Lead> {
    return this.api.call('adminRetrieveLead', { params: { id } });
  }

  /**
   * Changes the fields given (`null` clears an optional one), the stage included.
   * @example await admin.leads.update(id, { stage: 'won', owner_id: null });
   */
  update(id: string, body: LeadUpdateRequest): Promise<Lead> {
    return this.api.call('adminUpdateLead', { params: { id }, body });
  }
}
