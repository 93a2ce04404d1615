import { Model } from 'objection';
import { TenantModel, type Row } from '../../db/model.js';
import type { AuthorRow } from '../notes/author.js';

/** A staff discussion on a matter; its list is ordered by its latest message. */
export class MatterThreadModel extends TenantModel {
  static override tableName = 'matter_threads';
  declare matter_id: string;
  declare subject: string;
  /** Exactly one of the two is set: who started the thread. */
  declare created_by_staff_id: string | null;
  declare created_by_api_key_id: string | null;
  declare created_at: Date;
  declare last_message_at: Date;
  declare messages?: ThreadMessageModel[];

  static override get relationMappings() {
    return {
      messages: {
        relation: Model.HasManyRelation,
        modelClass: ThreadMessageModel,
        join: {
          from: ['matter_threads.tenant_id', 'matter_threads.id'],
          to: ['matter_thread_messages.tenant_id', 'matter_thread_messages.thread_id'],
        },
      },
    };
  }
}

/** A message of a thread; never edited. */
export class ThreadMessageModel extends TenantModel {
  static override tableName = 'matter_thread_messages';
  declare thread_id: string;
  /** Exactly one of the two is set: who wrote the message. */
  declare author_staff_id: string | null;
  declare author_api_key_id: string | null;
  declare body: string;
  declare created_at: Date;
}

/** A thread as the admin API reads it: with its message count and who started it. */
export type ThreadWithAuthor = Pick<
  Row<MatterThreadModel>,
  'id' | 'matter_id' | 'subject' | 'created_at' | 'last_message_at'
> &
  AuthorRow & { message_count: number };

/** A message as the admin API reads it: with its author. */
export type MessageWithAuthor = Pick<Row<ThreadMessageModel>, 'id' | 'thread_id' | 'body' | 'created_at'> & AuthorRow;
