import type { List, ListQuery } from '../schemas/common.js';
import type { StaffInviteRequest, StaffUpdateRequest, StaffUser } from '../schemas/staff.js';
import { ListPromise } from '../pagination.js';
import { seg, type Transport } from '../transport.js';

export class AdminStaff {
  constructor(private readonly transport: Transport) {}

  /**
   * The firm's staff users.
   * @example for await (const user of admin.staff.list()) console.log(user.email, user.role);
   */
  list(query: Partial<ListQuery> = {}): ListPromise<StaffUser> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<StaffUser>>({
        method: 'GET',
        path: '/admin/staff',
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * Invites a staff user: they get an email with a single-use set-password link.
   * @example await admin.staff.invite({ email, first_name, last_name, role: 'staff' });
   */
  invite(body: StaffInviteRequest): Promise<StaffUser> {
    return this.transport.request<StaffUser>({ method: 'POST', path: '/admin/staff', body });
  }

  /**
   * Renames, changes the role of, or (de)activates a staff user.
   * @example await admin.staff.update(id, { active: false });
   */
  update(id: string, body: StaffUpdateRequest): Promise<StaffUser> {
    return this.transport.request<StaffUser>({ method: 'PATCH', path: `/admin/staff/${seg(id)}`, body });
  }

  /**
   * Emails a new set-password link (the previous one stops working).
   * @example await admin.staff.resendInvite(id);
   */
  resendInvite(id: string): Promise<StaffUser> {
    return this.transport.request<StaffUser>({ method: 'POST', path: `/admin/staff/${seg(id)}/invite` });
  }
}
