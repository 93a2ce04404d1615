import { z } from 'zod';
import { Id, ListQuery, listOf, Text, Timestamp } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';

/** Who wrote something on the admin side: a staff user, or an API key when a backend wrote it. */
export const Author = z
  .object({
    type: z.enum(['staff', 'api_key']),
    id: Id,
    name: z.string().describe("The staff user's full name, or the API key's name"),
  })
  .strict()
  .meta({ id: 'Author' });
export type Author = z.infer<typeof Author>;

export const InternalNote = z
  .object({
    id: Id,
    client_id: Id,
    matter_id: Id.nullable().describe('Set on a note about one of the client’s matters'),
    author: Author,
    body: z.string(),
    pinned: z.boolean(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .strict()
  .meta({ id: 'InternalNote' });
export type InternalNote = z.infer<typeof InternalNote>;

const Body = Text().trim().min(1).max(10_000);

export const InternalNoteCreateRequest = z
  .object({ body: Body, pinned: z.boolean().default(false) })
  .strict()
  .meta({ id: 'InternalNoteCreateRequest' });
export type InternalNoteCreateRequest = z.input<typeof InternalNoteCreateRequest>;

export const InternalNoteUpdateRequest = z
  .object({ body: Body, pinned: z.boolean() })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'name at least one field to change')
  .meta({ id: 'InternalNoteUpdateRequest' });
export type InternalNoteUpdateRequest = z.input<typeof InternalNoteUpdateRequest>;

export const InternalNoteList = listOf(InternalNote).meta({ id: 'InternalNoteList' });
export const NoteIdParams = z.object({ id: Id }).strict();
export type NoteListQuery = Partial<ListQuery>;

export const noteEndpoints = {
  adminListClientNotes: endpoint({
    operationId: 'adminListClientNotes',
    method: 'GET',
    path: '/admin/clients/:id/notes',
    audience: 'admin',
    authenticated: true,
    summary: "A client's internal notes, those on its matters included, newest first (never shown to the client)",
    params: NoteIdParams,
    query: ListQuery,
    response: InternalNoteList,
    status: 200,
  }),
  adminCreateClientNote: endpoint({
    operationId: 'adminCreateClientNote',
    method: 'POST',
    path: '/admin/clients/:id/notes',
    audience: 'admin',
    authenticated: true,
    summary: 'Write an internal note about a client',
    params: NoteIdParams,
    body: InternalNoteCreateRequest,
    response: InternalNote,
    status: 201,
  }),
  adminListMatterNotes: endpoint({
    operationId: 'adminListMatterNotes',
    method: 'GET',
    path: '/admin/matters/:id/notes',
    audience: 'admin',
    authenticated: true,
    summary: "A matter's internal notes, newest first",
    params: NoteIdParams,
    query: ListQuery,
    response: InternalNoteList,
    status: 200,
  }),
  adminCreateMatterNote: endpoint({
    operationId: 'adminCreateMatterNote',
    method: 'POST',
    path: '/admin/matters/:id/notes',
    audience: 'admin',
    authenticated: true,
    summary: 'Write an internal note about a matter (it also lists under the matter’s client)',
    params: NoteIdParams,
    body: InternalNoteCreateRequest,
    response: InternalNote,
    status: 201,
  }),
  adminUpdateNote: endpoint({
    operationId: 'adminUpdateNote',
    method: 'PATCH',
    path: '/admin/notes/:id',
    audience: 'admin',
    authenticated: true,
    summary: 'Edit or (un)pin an internal note: staff their own notes, admins any (403 note_not_yours)',
    params: NoteIdParams,
    body: InternalNoteUpdateRequest,
    response: InternalNote,
    status: 200,
  }),
  adminDeleteNote: endpoint({
    operationId: 'adminDeleteNote',
    method: 'DELETE',
    path: '/admin/notes/:id',
    audience: 'admin',
    authenticated: true,
    summary: 'Delete an internal note: staff their own notes, admins any (403 note_not_yours)',
    params: NoteIdParams,
    status: 204,
  }),
} satisfies Record<string, Endpoint>;
