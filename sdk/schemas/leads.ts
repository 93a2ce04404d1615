import { z } from 'zod';
import { Currency, Id, ListQuery, listOf, MinorUnits, Text, Timestamp } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';

/** The stages of the lead pipeline, in order. */
export const LeadStage = z.enum(['new', 'contacted', 'qualified', 'proposal', 'won', 'lost']);
export type LeadStage = z.infer<typeof LeadStage>;

/** An email address as records-of-people take it: trimmed, at most 254 characters. */
export const PersonEmail = Text().trim().max(254).check(z.email('must be an email address such as name@example.com'));

const LeadName = Text().trim().min(1).max(200);
const Phone = Text().trim().min(1).max(50);
const Company = Text().trim().min(1).max(200);
const Source = Text().trim().min(1).max(100).describe('Where the lead came from, e.g. "referral", "website"');
const Notes = Text().trim().min(1).max(10_000);
const LeadValue = MinorUnits.min(0)
  .max(9_000_000_000_000_000)
  .describe('Expected value in the minor unit of `currency`');

export const Lead = z
  .object({
    id: Id,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    company: z.string().nullable(),
    stage: LeadStage,
    source: z.string().nullable(),
    owner_id: Id.nullable().describe('The staff user who owns the lead'),
    value: MinorUnits.nullable(),
    currency: Currency,
    notes: z.string().nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .strict()
  .meta({ id: 'Lead' });
export type Lead = z.infer<typeof Lead>;

export const LeadCreateRequest = z
  .object({
    name: LeadName,
    email: PersonEmail.optional(),
    phone: Phone.optional(),
    company: Company.optional(),
    stage: LeadStage.default('new'),
    source: Source.optional(),
    owner_id: Id.optional().describe('A staff user of the firm'),
    value: LeadValue.optional(),
    currency: Currency.optional().describe("Default: the firm's currency"),
    notes: Notes.optional(),
  })
  .strict()
  .meta({ id: 'LeadCreateRequest' });
export type LeadCreateRequest = z.input<typeof LeadCreateRequest>;

export const LeadUpdateRequest = z
  .object({
    name: LeadName.optional(),
    email: PersonEmail.nullable().optional().describe('null clears it'),
    phone: Phone.nullable().optional().describe('null clears it'),
    company: Company.nullable().optional().describe('null clears it'),
    stage: LeadStage.optional(),
    source: Source.nullable().optional().describe('null clears it'),
    owner_id: Id.nullable().optional().describe('A staff user of the firm; null leaves the lead without owner'),
    value: LeadValue.nullable().optional().describe('null clears it'),
    currency: Currency.optional(),
    notes: Notes.nullable().optional().describe('null clears them'),
  })
  .strict()
  .meta({ id: 'LeadUpdateRequest' });
export type LeadUpdateRequest = z.input<typeof LeadUpdateRequest>;

export const LeadListQuery = ListQuery.extend({
  stage: LeadStage.optional().describe('Only leads at this stage'),
  owner_id: Id.optional().describe('Only leads this staff user owns'),
}).strict();
export type LeadListQuery = Partial<z.output<typeof LeadListQuery>>;

export const LeadList = listOf(Lead).meta({ id: 'LeadList' });
export const LeadIdParams = z.object({ id: Id }).strict();

export const leadEndpoints = {
  adminListLeads: endpoint({
    operationId: 'adminListLeads',
    method: 'GET',
    path: '/admin/leads',
    audience: 'admin',
    authenticated: true,
    summary: "The firm's leads, newest first; filter by stage and owner",
    query: LeadListQuery,
    response: LeadList,
    status: 200,
  }),
  adminCreateLead: endpoint({
    operationId: 'adminCreateLead',
    method: 'POST',
    path: '/admin/leads',
    audience: 'admin',
    authenticated: true,
    summary: 'Add a lead (a prospective client) to the pipeline',
    body: LeadCreateRequest,
    response: Lead,
    status: 201,
  }),
  adminRetrieveLead: endpoint({
    operationId: 'adminRetrieveLead',
    method: 'GET',
    path: '/admin/leads/:id',
    audience: 'admin',
    authenticated: true,
    summary: 'One lead',
    params: LeadIdParams,
    response: Lead,
    status: 200,
  }),
  adminUpdateLead: endpoint({
    operationId: 'adminUpdateLead',
    method: 'PATCH',
    path: '/admin/leads/:id',
    audience: 'admin',
    authenticated: true,
    summary: 'Change a lead: any of its fields, its stage included',
    params: LeadIdParams,
    body: LeadUpdateRequest,
    response: Lead,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
