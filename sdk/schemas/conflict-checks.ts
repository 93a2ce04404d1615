import { z } from 'zod';
import { Id, ListQuery, listOf, Text, Timestamp } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { PersonEmail } from './leads.js';

export const ConflictCheckResult = z.enum(['clear', 'potential_conflict']);
export type ConflictCheckResult = z.infer<typeof ConflictCheckResult>;

/** The kinds of records a check searches. */
export const ConflictMatchKind = z.enum(['client', 'contact', 'matter_party', 'lead']);
export type ConflictMatchKind = z.infer<typeof ConflictMatchKind>;

export const SearchedParty = z
  .object({
    name: Text().trim().min(1).max(200).describe('A person or an organisation'),
    email: PersonEmail.optional(),
  })
  .strict()
  .meta({ id: 'ConflictCheckParty' });
export type SearchedParty = z.input<typeof SearchedParty>;

export const ConflictMatch = z
  .object({
    party_index: z.number().int().describe('Which searched party matched (its position in `parties`, from 0)'),
    kind: ConflictMatchKind,
    record_id: Id.describe('The client, contact, matter party or lead'),
    matched_name: z
      .string()
      .describe("The record's name as it was when the check ran (a lead's company if that matched)"),
    matched_email: z.string().nullable().describe("The record's email as it was when the check ran"),
    matched_on: z.enum(['name', 'email']),
  })
  .strict()
  .meta({ id: 'ConflictMatch' });
export type ConflictMatch = z.infer<typeof ConflictMatch>;

const checkFields = {
  id: Id,
  parties: z.array(z.object({ name: z.string(), email: z.string().nullable() }).strict()),
  result: ConflictCheckResult,
  match_count: z.number().int(),
  matter_id: Id.nullable(),
  lead_id: Id.nullable(),
  note: z.string().nullable(),
  run_by: z
    .object({ type: z.enum(['staff', 'api_key']), id: Id })
    .strict()
    .describe('The staff user or API key that ran the check'),
  created_at: Timestamp,
};

export const ConflictCheckSummary = z.object(checkFields).strict().meta({ id: 'ConflictCheckSummary' });
export type ConflictCheckSummary = z.infer<typeof ConflictCheckSummary>;

export const ConflictCheck = z
  .object({ ...checkFields, matches: z.array(ConflictMatch) })
  .strict()
  .meta({ id: 'ConflictCheck' });
export type ConflictCheck = z.infer<typeof ConflictCheck>;

export const ConflictCheckRequest = z
  .object({
    parties: z.array(SearchedParty).min(1).max(20).describe('The people and organisations to search for (1 to 20)'),
    matter_id: Id.optional().describe('The matter the check is for'),
    lead_id: Id.optional().describe('The lead the check is for'),
    note: Text().trim().min(1).max(2000).optional(),
  })
  .strict()
  .meta({ id: 'ConflictCheckRequest' });
export type ConflictCheckRequest = z.input<typeof ConflictCheckRequest>;

export const ConflictCheckListQuery = ListQuery;
export type ConflictCheckListQuery = Partial<z.output<typeof ConflictCheckListQuery>>;

export const ConflictCheckList = listOf(ConflictCheckSummary).meta({ id: 'ConflictCheckList' });
export const ConflictCheckIdParams = z.object({ id: Id }).strict();

export const conflictCheckEndpoints = {
  adminRunConflictCheck: endpoint({
    operationId: 'adminRunConflictCheck',
    method: 'POST',
    path: '/admin/conflict-checks',
    audience: 'admin',
    authenticated: true,
    summary:
      "Search the firm's clients, contacts, matter parties and leads for these names and emails; the check is kept",
    body: ConflictCheckRequest,
    response: ConflictCheck,
    status: 201,
  }),
  adminListConflictChecks: endpoint({
    operationId: 'adminListConflictChecks',
    method: 'GET',
    path: '/admin/conflict-checks',
    audience: 'admin',
    authenticated: true,
    summary: 'The conflict checks run in the firm, newest first',
    query: ConflictCheckListQuery,
    response: ConflictCheckList,
    status: 200,
  }),
  adminRetrieveConflictCheck: endpoint({
    operationId: 'adminRetrieveConflictCheck',
    method: 'GET',
    path: '/admin/conflict-checks/:id',
    audience: 'admin',
    authenticated: true,
    summary: 'One conflict check with its matches',
    params: ConflictCheckIdParams,
    response: ConflictCheck,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
