import { LitElement, html, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import type { PortalClient } from '../../../sdk/portal-client.js';
import type { PortalProfile } from '../../../sdk/schemas/portal-auth.js';
import { CaseflowErrorEvent } from '../events/caseflow-error.js';
import { clientContext, consume, profileContext } from './context.js';
import { describeError, type ErrorDetail } from './errors.js';
import { formattingLocale } from '../../../sdk/i18n.js';
import { usableLocale } from './locale.js';
import { currentLanguage, msg, onLanguageChange } from './localize.js';
import { baseStyles } from './styles.js';

/**
 * The base of every widget: the API client and the signed-in profile of the
 * nearest <caseflow-portal> (the context protocol, base/context.ts), the locale and time zone to format
 * in, failures reported as `caseflow-error`, and the "outside a portal" message.
 * It renders again when the page's language changes (base/localize.ts).
 * A widget's `render()` starts with `this.outsidePortal ? this.renderOutsidePortal() : …`.
 */
export abstract class CaseflowElement extends LitElement {
  static override styles: CSSResultGroup = baseStyles;

  // Reactive properties declared here rather than with decorators: a page that
  // runs only widgets on the base then downloads neither Lit's decorators nor
  // tslib. (A subclass may still use decorators; Lit merges both.)
  static override properties: PropertyDeclarations = {
    locale: {},
    client: { state: true, attribute: false },
    profile: { state: true, attribute: false },
    outsidePortal: { state: true, attribute: false },
  };

  /**
   * BCP 47 locale for numbers, money and dates; defaults to the page's language
   * (the firm's own locale, such as es-MX, when the language is the firm's).
   */
  locale?: string;

  /** The API client of the nearest <caseflow-portal>; a new instance whenever its credentials change. */
  protected client?: PortalClient;

  /** The signed-in contact, client and firm, once the portal knows them. */
  protected profile?: PortalProfile;

  /** No portal answered while connecting: nothing can load. */
  protected outsidePortal = false;

  /** Whether the widget needs a portal around it (the set-password page does not). */
  protected needsPortal = true;

  #unsubscribe: (() => void)[] = [];

  // The portal provides its client while connecting, before its children ask,
  // so a widget that has none right after connecting has no portal around it.
  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = [
      consume(this, clientContext, (client) => (this.client = client)),
      consume(this, profileContext, (profile) => (this.profile = profile)),
      onLanguageChange(() => this.requestUpdate()),
    ];
    this.outsidePortal = this.needsPortal && !this.client;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
  }

  /** The locale to format in: the `locale` attribute, else the page's language (in the firm's region when it is the firm's). */
  protected get effectiveLocale(): string | undefined {
    return usableLocale(this.locale ?? formattingLocale(currentLanguage(), this.profile?.firm.locale));
  }

  /** The firm's time zone, for timestamps. */
  protected get timeZone(): string | undefined {
    return this.profile?.firm.timezone;
  }

  /** Describes a failure and announces it with `caseflow-error`; returns what to show. */
  protected report(error: unknown, overrides?: Partial<Record<number, string>>): ErrorDetail {
    const detail = describeError(error, overrides);
    this.dispatchEvent(new CaseflowErrorEvent(detail));
    return detail;
  }

  protected renderOutsidePortal() {
    const message = msg('<{tag}> must be placed inside <caseflow-portal>.', { tag: this.localName });
    return html`<p part="error" class="error" role="alert">${message}</p>`;
  }
}
