/** Why <caseflow-portal> has no session. */
export interface UnauthenticatedDetail {
  /** `no-token`: nothing to authenticate with; `rejected`: the API refused the session (expired, revoked). */
  reason: 'no-token' | 'rejected';
}

/**
 * <caseflow-portal> has no valid session. The host page decides what to do
 * (show <caseflow-login>, redirect to its own login, mint a new token).
 */
export class CaseflowUnauthenticatedEvent extends CustomEvent<UnauthenticatedDetail> {
  static readonly type = 'caseflow-unauthenticated';
  constructor(detail: UnauthenticatedDetail) {
    super(CaseflowUnauthenticatedEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'caseflow-unauthenticated': CaseflowUnauthenticatedEvent;
  }
}
