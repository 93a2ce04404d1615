import type { PortalProfile } from '../../../sdk/schemas/portal-auth.js';

/**
 * A contact signed in through <caseflow-login>. `detail` is their profile.
 * The session token is deliberately not in the event (it bubbles to the whole
 * page): the enclosing <caseflow-portal> reads it from its own client.
 */
export class CaseflowLoginEvent extends CustomEvent<PortalProfile> {
  static readonly type = 'caseflow-login';
  constructor(profile: PortalProfile) {
    super(CaseflowLoginEvent.type, { detail: profile, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'caseflow-login': CaseflowLoginEvent;
  }
}
