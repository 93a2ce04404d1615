import { TenantModel } from '../../db/model.js';

/** A firm's announcement: a draft until published_at is set (the portal's policy shows only published ones). */
export class AnnouncementModel extends TenantModel {
  static override tableName = 'announcements';
  declare title: string;
  declare body: string;
  declare published_at: Date | null;
  declare created_at: Date;
  declare created_by_type: 'staff' | 'api_key';
  declare created_by_id: string;

  static override get relationMappings() {
    return {
      reads: {
        relation: TenantModel.HasManyRelation,
        modelClass: AnnouncementReadModel,
        join: {
          from: ['announcements.tenant_id', 'announcements.id'],
          to: ['announcement_reads.tenant_id', 'announcement_reads.announcement_id'],
        },
      },
    };
  }
}

/** A contact's first read of an announcement (one row per contact and announcement). */
export class AnnouncementReadModel extends TenantModel {
  static override tableName = 'announcement_reads';
  static override idColumn = ['tenant_id', 'announcement_id', 'contact_id'];
  declare announcement_id: string;
  declare contact_id: string;
  declare client_id: string;
  declare read_at: Date;
}
