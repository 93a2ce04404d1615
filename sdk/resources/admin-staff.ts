import type { ListQuery } from '../schemas/common.js';
import type { StaffInviteRequest, StaffUpdateRequest, StaffUser } from '../schemas/staff.js';
import type { ListPromise } from '../pagination.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

export class AdminStaff {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * The firm's staff users.
   * @example for await (const user of admin.staff.list()) console.log(user.email, user.role);
   */
  list(query: Partial<ListQuery> = {}): ListPromise<StaffUser> {
    return this.api.list('adminListStaff', { query });
  }

  /**
   * Invites a staff user: they get an email with a single-use set-password link.
   * @example await admin.staff.invite({ email, first_name, last_name, role: 'staff' });
   */
  invite(body: StaffInviteRequest): Promise<StaffUser> {
    return this.api.call('adminInviteStaff', { body });
  }

  /**
   * Renames, changes the role of, or (de)activates a staff user.
   * @example await admin.staff.update(id, { active: false });
   */
  update(id: string, body: StaffUpdateRequest): Promise<StaffUser> {
    return this.api.call('adminUpdateStaff', { params: { id }, body });
  }

  /**
   * Emails a new set-password link (the previous one stops working).
   * @example await admin.staff.resendInvite(id);
   */
  resendInvite(id: string): Promise<StaffUser> {
    return this.api.call('adminResendStaffInvite', { params: { id } });
  }
}
