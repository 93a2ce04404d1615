import { TenantModel, type Row } from '../../db/model.js';
import type { AuthorRow } from './author.js';

/** An internal note on a client (and maybe one of its matters): the firm's, never the client's to see. */
export class InternalNoteModel extends TenantModel {
  static override tableName = 'internal_notes';
  declare client_id: string;
  declare matter_id: string | null;
  /** Exactly one of the two is set: who wrote the note. */
  declare author_staff_id: string | null;
  declare author_api_key_id: string | null;
  declare body: string;
  declare pinned: boolean;
  declare created_at: Date;
  declare updated_at: Date;
}

/** A note as the admin API reads it: with its author's kind, id and name. */
export type NoteWithAuthor = Pick<
  Row<InternalNoteModel>,
  'id' | 'client_id' | 'matter_id' | 'body' | 'pinned' | 'created_at' | 'updated_at'
> &
  AuthorRow;
