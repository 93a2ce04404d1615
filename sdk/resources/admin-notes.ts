import type { List } from '../schemas/common.js';
import type {
  InternalNote,
  InternalNoteCreateRequest,
  InternalNoteUpdateRequest,
  NoteListQuery,
} from '../schemas/notes.js';
import { ListPromise } from '../pagination.js';
import { seg, type Transport } from '../transport.js';

/** Internal notes on clients and matters: the firm's own record, never shown to the client. */
export class AdminNotes {
  constructor(private readonly transport: Transport) {}

  private page(path: string, query: NoteListQuery): ListPromise<InternalNote> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<InternalNote>>({
        method: 'GET',
        path,
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * A client's notes, those on its matters included, newest first.
   * @example for await (const note of admin.notes.listForClient(clientId)) console.log(note.author.name, note.body);
   */
  listForClient(clientId: string, query: NoteListQuery = {}): ListPromise<InternalNote> {
    return this.page(`/admin/clients/${seg(clientId)}/notes`, query);
  }

  /**
   * A matter's notes, newest first.
   * @example const { data } = await admin.notes.listForMatter(matterId, { limit: 10 });
   */
  listForMatter(matterId: string, query: NoteListQuery = {}): ListPromise<InternalNote> {
    return this.page(`/admin/matters/${seg(matterId)}/notes`, query);
  }

  /**
   * Writes a note about a client.
   * @example await admin.notes.createForClient(clientId, { body: 'Prefers calls after 4pm.', pinned: true });
   */
  createForClient(clientId: string, body: InternalNoteCreateRequest): Promise<InternalNote> {
    return this.transport.request<InternalNote>({
      method: 'POST',
      path: `/admin/clients/${seg(clientId)}/notes`,
      body,
    });
  }

  /**
   * Writes a note about a matter.
   * @example await admin.notes.createForMatter(matterId, { body: 'Opposing counsel changed.' });
   */
  createForMatter(matterId: string, body: InternalNoteCreateRequest): Promise<InternalNote> {
    return this.transport.request<InternalNote>({
      method: 'POST',
      path: `/admin/matters/${seg(matterId)}/notes`,
      body,
    });
  }

  /**
   * Edits or (un)pins a note: staff their own notes, admins any.
   * @example await admin.notes.update(noteId, { pinned: false });
   */
  update(id: string, body: InternalNoteUpdateRequest): Promise<InternalNote> {
    return this.transport.request<InternalNote>({ method: 'PATCH', path: `/admin/notes/${seg(id)}`, body });
  }

  /**
   * Deletes a note: staff their own notes, admins any.
   * @example await admin.notes.delete(noteId);
   */
  async delete(id: string): Promise<void> {
    await this.transport.request<void>({ method: 'DELETE', path: `/admin/notes/${seg(id)}` });
  }
}
