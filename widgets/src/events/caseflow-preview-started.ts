import type { PortalProfile } from '../../../sdk/schemas/portal-auth.js';

/**
 * An admin preview ("login as client") was opened by <caseflow-impersonate>.
 * `detail` is the previewed contact's profile; the token is not in the event
 * (it bubbles to the whole page): the widget keeps it in sessionStorage.
 */
export class CaseflowPreviewStartedEvent extends CustomEvent<PortalProfile> {
  static readonly type = 'caseflow-preview-started';
  constructor(profile: PortalProfile) {
    super(CaseflowPreviewStartedEvent.type, { detail: profile, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'caseflow-preview-started': CaseflowPreviewStartedEvent;
  }
}
