/** What <caseflow-set-password> reports once the password is set. */
export interface PasswordSetDetail {
  /** Which link was used: a contact's welcome or reset link, or a staff invitation. */
  purpose: 'welcome' | 'reset' | 'staff';
  /** The account whose password was set (to log in with). */
  email: string;
}

/**
 * A password was set with a single-use link (the link is now spent). The page
 * may, for instance, send the person on to its own login.
 */
export class CaseflowPasswordSetEvent extends CustomEvent<PasswordSetDetail> {
  static readonly type = 'caseflow-password-set';
  constructor(detail: PasswordSetDetail) {
    super(CaseflowPasswordSetEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'caseflow-password-set': CaseflowPasswordSetEvent;
  }
}
