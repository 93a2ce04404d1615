/** <caseflow-portal>'s `logout()` ended the session (on the server when it could). No detail. */
export class CaseflowLogoutEvent extends CustomEvent<null> {
  static readonly type = 'caseflow-logout';
  constructor() {
    super(CaseflowLogoutEvent.type, { detail: null, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'caseflow-logout': CaseflowLogoutEvent;
  }
}
