/**
 * The signed-in contact changed their password in <caseflow-profile>. Their
 * other sessions have ended; this one goes on. No detail.
 */
export class CaseflowPasswordChangedEvent extends CustomEvent<null> {
  static readonly type = 'caseflow-password-changed';
  constructor() {
    super(CaseflowPasswordChangedEvent.type, { detail: null, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'caseflow-password-changed': CaseflowPasswordChangedEvent;
  }
}
