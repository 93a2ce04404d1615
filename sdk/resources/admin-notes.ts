import type {
  InternalNote,
  InternalNoteCreateRequest,
  InternalNoteUpdateRequest,
  NoteListQuery,
} from '../schemas/notes.js';
import type { ListPromise } from '../pagination.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

/** Internal notes on clients and matters: the firm's own record, never shown to the client. */
export class AdminNotes {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * A client's notes, those on its matters included, newest first.
   * @example for await (const note of admin.notes.listForClient(clientId)) console.log(note.author.name, note.body);
   */
  listForClient(clientId: string, query: NoteListQuery = {}): ListPromise<InternalNote> {
    return this.api.list('adminListClientNotes', { params: { id: clientId }, query });
  }

  /**
   * A matter's notes, newest first.
   * @example const { data } = await admin.notes.listForMatter(matterId, { limit: 10 });
   */
  listForMatter(matterId: string, query: NoteListQuery = {}): ListPromise<InternalNote> {
    return this.api.list('adminListMatterNotes', { params: { id: matterId }, query });
  }

  /**
   * Writes a note about a client.
   * @example await admin.notes.createForClient(clientId, { body: 'Prefers calls after 4pm.', pinned: true });
   */
  createForClient(clientId: string, body: InternalNoteCreateRequest): Promise<InternalNote> {
    return this.api.call('adminCreateClientNote', { params: { id: clientId }, body });
  }

  /**
   * Writes a note about a matter.
   * @example await admin.notes.createForMatter(matterId, { body: 'Opposing counsel changed.' });
   */
  createForMatter(matterId: string, body: InternalNoteCreateRequest): Promise<InternalNote> {
    return this.api.call('adminCreateMatterNote', { params: { id: matterId }, body });
  }

  /**
   * Edits or (un)pins a note: staff their own notes, admins any.
   * @example await admin.notes.update(noteId, { pinned: false });
   */
  update(id: string, body: InternalNoteUpdateRequest): Promise<InternalNote> {
    return this.api.call('adminUpdateNote', { params: { id }, body });
  }

  /**
   * Deletes a note: staff their own notes, admins any.
   * @example await admin.notes.delete(noteId);
   */
  async delete(id: string): Promise<void> {
    await this.api.call('adminDeleteNote', { params: { id } });
  }
}
