import type { z } from 'zod';
import type { InternalNote } from '../../../sdk/schemas/notes.js';
import { author, authorSql, type AuthorRow } from './author.js';

export interface NoteRow extends AuthorRow {
  id: string;
  client_id: string;
  matter_id: string | null;
  body: string;
  pinned: boolean;
  created_at: Date;
  updated_at: Date;
}

export const noteColumns = `internal_notes.id, internal_notes.client_id, internal_notes.matter_id, internal_notes.body,
  internal_notes.pinned, internal_notes.created_at, internal_notes.updated_at,
  ${authorSql('internal_notes', 'author_staff_id', 'author_api_key_id')}`;

/** The admin API's allow-list of note fields (there is no portal view of notes). */
export function adminNote(row: NoteRow): z.input<typeof InternalNote> {
  return {
    id: row.id,
    client_id: row.client_id,
    matter_id: row.matter_id,
    author: author(row),
    body: row.body,
    pinned: row.pinned,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
