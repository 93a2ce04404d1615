import { z } from 'zod';
import { Id, ListQuery, listOf, Text, Timestamp } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { PersonEmail } from './leads.js';

/** What a party is to the matter. */
export const MatterPartyRole = z.enum([
  'client',
  'opposing_party',
  'opposing_counsel',
  'witness',
  'related_party',
  'other',
]);
export type MatterPartyRole = z.infer<typeof MatterPartyRole>;

export const MatterParty = z
  .object({
    id: Id,
    matter_id: Id,
    name: z.string(),
    email: z.string().nullable(),
    role: MatterPartyRole,
    created_at: Timestamp,
  })
  .strict()
  .meta({ id: 'MatterParty' });
export type MatterParty = z.infer<typeof MatterParty>;

export const MatterPartyCreateRequest = z
  .object({
    name: Text().trim().min(1).max(200).describe('A person or an organisation'),
    email: PersonEmail.optional(),
    role: MatterPartyRole,
  })
  .strict()
  .meta({ id: 'MatterPartyCreateRequest' });
export type MatterPartyCreateRequest = z.input<typeof MatterPartyCreateRequest>;

export const MatterPartyListQuery = ListQuery;
export type MatterPartyListQuery = Partial<z.output<typeof MatterPartyListQuery>>;

export const MatterPartyList = listOf(MatterParty).meta({ id: 'MatterPartyList' });
export const MatterPartiesParams = z.object({ id: Id.describe('The matter') }).strict();
export const MatterPartyParams = z.object({ id: Id.describe('The matter'), party_id: Id }).strict();

export const matterPartyEndpoints = {
  adminListMatterParties: endpoint({
    operationId: 'adminListMatterParties',
    method: 'GET',
    path: '/admin/matters/:id/parties',
    audience: 'admin',
    authenticated: true,
    summary: "A matter's parties, newest first",
    params: MatterPartiesParams,
    query: MatterPartyListQuery,
    response: MatterPartyList,
    status: 200,
  }),
  adminAddMatterParty: endpoint({
    operationId: 'adminAddMatterParty',
    method: 'POST',
    path: '/admin/matters/:id/parties',
    audience: 'admin',
    authenticated: true,
    summary: 'Add a party (a person or organisation involved) to a matter',
    params: MatterPartiesParams,
    body: MatterPartyCreateRequest,
    response: MatterParty,
    status: 201,
  }),
  adminRemoveMatterParty: endpoint({
    operationId: 'adminRemoveMatterParty',
    method: 'DELETE',
    path: '/admin/matters/:id/parties/:party_id',
    audience: 'admin',
    authenticated: true,
    summary: 'Remove a party from a matter',
    params: MatterPartyParams,
    status: 204,
  }),
} satisfies Record<string, Endpoint>;
