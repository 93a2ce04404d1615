import type { Language } from '../../../sdk/i18n.js';

/** What a language picker reports once the page has switched language. */
export interface LanguageChangedDetail {
  /** The language the page now shows. */
  language: Language;
  /**
   * Whether it was saved as the contact's own setting (the profile and the
   * account menu); false on the login page, where no one is signed in yet.
   */
  saved: boolean;
}

/**
 * A person chose a language in <caseflow-login>, <caseflow-profile> or
 * <caseflow-account>; the page's widgets are switching to it (they re-render
 * once its catalog is in). The hosted portal keeps it in a cookie and reloads,
 * so the server-rendered frame follows.
 */
export class CaseflowLanguageChangedEvent extends CustomEvent<LanguageChangedDetail> {
  static readonly type = 'caseflow-language-changed';
  constructor(detail: LanguageChangedDetail) {
    super(CaseflowLanguageChangedEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'caseflow-language-changed': CaseflowLanguageChangedEvent;
  }
}
