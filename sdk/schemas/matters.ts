import { z } from 'zod';
import { Id, ListQuery, listOf, Text, Timestamp } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';

/** Matter states (DESIGN §2). */
export const MatterStatus = z.enum(['not_started', 'in_progress', 'on_hold', 'cancelled', 'finished']);
export type MatterStatus = z.infer<typeof MatterStatus>;

export const Matter = z
  .object({
    id: Id,
    client_id: Id,
    number: z.number().int().describe('Matter number, unique in the firm'),
    title: z.string(),
    status: MatterStatus,
    practice_area_id: Id.nullable().describe('The practice area the matter is filed under'),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .strict()
  .meta({ id: 'Matter' });
export type Matter = z.infer<typeof Matter>;

export const MatterCreateRequest = z
  .object({
    client_id: Id,
    title: Text().trim().min(1).max(200),
    number: z
      .number()
      .int()
      .min(1)
      .max(2_147_483_647)
      .optional()
      .describe('Default: one more than the highest matter number in the firm (the first is 1)'),
    status: MatterStatus.default('not_started'),
    practice_area_id: Id.nullable().optional().describe('A practice area of the firm that is not archived'),
  })
  .strict()
  .meta({ id: 'MatterCreateRequest' });
export type MatterCreateRequest = z.input<typeof MatterCreateRequest>;

export const MatterUpdateRequest = z
  .object({
    title: Text().trim().min(1).max(200),
    status: MatterStatus,
    practice_area_id: Id.nullable().describe('null takes the matter out of its practice area'),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'name at least one field to change')
  .meta({ id: 'MatterUpdateRequest' });
export type MatterUpdateRequest = z.input<typeof MatterUpdateRequest>;

export const MatterListQuery = ListQuery.extend({
  client_id: Id.optional().describe("Only this client's matters"),
}).strict();
export type MatterListQuery = Partial<z.output<typeof MatterListQuery>>;

export const MatterList = listOf(Matter).meta({ id: 'MatterList' });
export const MatterIdParams = z.object({ id: Id }).strict();

export const matterEndpoints = {
  adminListMatters: endpoint({
    operationId: 'adminListMatters',
    method: 'GET',
    path: '/admin/matters',
    audience: 'admin',
    authenticated: true,
    summary: "The firm's matters, newest first; filter by client",
    query: MatterListQuery,
    response: MatterList,
    status: 200,
  }),
  adminCreateMatter: endpoint({
    operationId: 'adminCreateMatter',
    method: 'POST',
    path: '/admin/matters',
    audience: 'admin',
    authenticated: true,
    summary: 'Create a matter for a client (409 matter_number_taken if the number is in use)',
    body: MatterCreateRequest,
    response: Matter,
    status: 201,
  }),
  adminRetrieveMatter: endpoint({
    operationId: 'adminRetrieveMatter',
    method: 'GET',
    path: '/admin/matters/:id',
    audience: 'admin',
    authenticated: true,
    summary: 'One matter',
    params: MatterIdParams,
    response: Matter,
    status: 200,
  }),
  adminUpdateMatter: endpoint({
    operationId: 'adminUpdateMatter',
    method: 'PATCH',
    path: '/admin/matters/:id',
    audience: 'admin',
    authenticated: true,
    summary: 'Retitle a matter, change its status or its practice area (an archived area is refused)',
    params: MatterIdParams,
    body: MatterUpdateRequest,
    response: Matter,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
