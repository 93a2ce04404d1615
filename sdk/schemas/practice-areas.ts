import { z } from 'zod';
import { Id, ListQuery, listOf, Text, Timestamp } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';

export const PracticeArea = z
  .object({
    id: Id,
    name: z.string(),
    archived: z.boolean().describe('Archived areas stay on their matters but cannot be given to a matter again'),
    archived_at: Timestamp.nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .strict()
  .meta({ id: 'PracticeArea' });
export type PracticeArea = z.infer<typeof PracticeArea>;

const Name = Text().trim().min(1).max(100);

export const PracticeAreaCreateRequest = z
  .object({ name: Name.describe('Unique in the firm, without regard to case') })
  .strict()
  .meta({ id: 'PracticeAreaCreateRequest' });
export type PracticeAreaCreateRequest = z.input<typeof PracticeAreaCreateRequest>;

export const PracticeAreaUpdateRequest = z
  .object({ name: Name, archived: z.boolean() })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'name at least one field to change')
  .meta({ id: 'PracticeAreaUpdateRequest' });
export type PracticeAreaUpdateRequest = z.input<typeof PracticeAreaUpdateRequest>;

export const PracticeAreaListQuery = ListQuery.extend({
  include_archived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Also list archived areas (default false)'),
}).strict();
export type PracticeAreaListQuery = Partial<ListQuery> & { include_archived?: boolean };

export const PracticeAreaList = listOf(PracticeArea).meta({ id: 'PracticeAreaList' });
export const PracticeAreaIdParams = z.object({ id: Id }).strict();

export const practiceAreaEndpoints = {
  adminListPracticeAreas: endpoint({
    operationId: 'adminListPracticeAreas',
    method: 'GET',
    path: '/admin/practice-areas',
    audience: 'admin',
    authenticated: true,
    summary: "The firm's practice areas by name (archived ones only when asked)",
    query: PracticeAreaListQuery,
    response: PracticeAreaList,
    status: 200,
  }),
  adminCreatePracticeArea: endpoint({
    operationId: 'adminCreatePracticeArea',
    method: 'POST',
    path: '/admin/practice-areas',
    audience: 'admin',
    authenticated: true,
    summary: 'Add a practice area (409 practice_area_name_taken if the name is in use, whatever its case). Admins only',
    body: PracticeAreaCreateRequest,
    response: PracticeArea,
    status: 201,
  }),
  adminUpdatePracticeArea: endpoint({
    operationId: 'adminUpdatePracticeArea',
    method: 'PATCH',
    path: '/admin/practice-areas/:id',
    audience: 'admin',
    authenticated: true,
    summary: 'Rename, archive or unarchive a practice area. Admins only',
    params: PracticeAreaIdParams,
    body: PracticeAreaUpdateRequest,
    response: PracticeArea,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
