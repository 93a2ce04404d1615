import type { z } from 'zod';
import type { InternalNote } from '../../../sdk/schemas/notes.js';
import { author } from './author.js';
import type { NoteWithAuthor } from './models.js';

/** The admin API's allow-list of note fields (there is no portal view of notes). */
export function adminNote(row: NoteWithAuthor): z.input<typeof InternalNote> {
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
