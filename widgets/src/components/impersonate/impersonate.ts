import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalClient } from '../../../../sdk/portal-client.js';
import type { ClientOptions } from '../../../../sdk/transport.js';
import { CaseflowElement } from '../../base/element.js';
import { msg } from '../../base/localize.js';
import { linkInvalid } from '../../shared/server-words.js';
import { speakPageLanguage } from '../../shared/page-language.js';
import { linkTokenFrom } from '../../shared/passwords.js';
import { writePreviewToken } from '../../shared/preview.js';
import { CaseflowPreviewStartedEvent } from '../../events/caseflow-preview-started.js';
import { impersonateStyles } from './impersonate.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  get intro() {
    return msg(
      "You are about to see the portal exactly as this client's primary contact does, in this browser tab only. Your own sign-in is not affected; closing the tab ends the preview.",
    );
  },
  get open() {
    return msg('Open the preview');
  },
  get opening() {
    return msg('Opening…');
  },
  get noToken() {
    return msg('This link is incomplete. Copy the whole address printed by `caseflow impersonate` into your browser.');
  },
  get newLink() {
    return msg('Ask for a new link with `caseflow impersonate <client>`: each link works once, for two minutes.');
  },
  get opened() {
    return msg('The preview is open.');
  },
};

/** One of this widget's sentences, its `backquoted` commands set in <code>. */
const withCommands = (sentence: string) =>
  sentence.split('`').map((piece, i) => (i % 2 ? html`<code>${piece}</code>` : piece));

/**
 * The page an admin's "login as client" link opens (`/clients/impersonate#token=…`).
 * The token stays in the fragment, which never reaches a server, and is spent
 * only when the admin presses the button: a link preview or a prefetch opens
 * nothing. The preview session's bearer token is kept in this tab's
 * sessionStorage — never in the portal cookie — so each tab is its own preview
 * and a client's own session in the same browser is left alone.
 *
 * It needs no portal around it: it calls `base-url` (default: the page's
 * origin), in English unless a portal on the page has chosen a language.
 *
 * @tag caseflow-impersonate
 * @csspart base - Wrapper; carries `data-state` (incomplete | ready | spent | opened).
 * @csspart intro - What the preview is.
 * @csspart submit - The "Open the preview" button.
 * @csspart error - The region announcing a problem (`aria-live="assertive"`).
 * @csspart message - The region announcing success (`role="status"`).
 * @csspart help - How to get a new link.
 * @event caseflow-preview-started - The preview session is open; `detail` is the contact's profile.
 * @event caseflow-error - Opening it failed; `detail` is `{ code, message, status?, retryable }`.
 */
export class CaseflowImpersonate extends CaseflowElement {
  static override styles = impersonateStyles;

  // The admin has no portal session on this page: the widget makes its own client.
  protected override needsPortal = false;

  /** Origin of the API; defaults to the page's origin (the firm's host). */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** Firm slug sent as the Caseflow-Tenant header; needed only on the shared API host. */
  @property() tenant?: string;

  @state() private token?: string;
  @state() private spent = false;
  @state() private opened = false;
  @state() private submitting = false;
  @state() private errorMessage = '';

  override connectedCallback(): void {
    super.connectedCallback();
    speakPageLanguage();
    this.token = linkTokenFrom(location.hash);
  }

  /** `incomplete`: no usable token; `ready`: waiting for the button; `spent`: the server refused the link; `opened`. */
  private get viewState(): 'incomplete' | 'ready' | 'spent' | 'opened' {
    if (this.opened) return 'opened';
    if (!this.token) return 'incomplete';
    return this.spent ? 'spent' : 'ready';
  }

  protected override render() {
    const state = this.viewState;
    const usable = state === 'ready';
    return html`
      <div part="base" class="stack" data-state=${state}>
        ${
          usable
            ? html`<p part="intro">${messages.intro}</p>
                <button part="submit" type="button" ?disabled=${this.submitting} @click=${this.onOpen}>
                  ${this.submitting ? messages.opening : messages.open}
                </button>`
            : nothing
        }
        <p part="error" class="error" aria-live="assertive">
          ${state === 'incomplete' ? withCommands(messages.noToken) : this.errorMessage}
        </p>
        <p part="message" class="message" role="status">${this.opened ? messages.opened : ''}</p>
        ${usable || state === 'opened' ? nothing : html`<p part="help">${withCommands(messages.newLink)}</p>`}
      </div>
    `;
  }

  private async onOpen(): Promise<void> {
    const token = this.token;
    if (this.submitting || !token) return;
    this.submitting = true;
    this.errorMessage = '';
    try {
      const options: ClientOptions = { baseUrl: this.baseUrl || location.origin };
      if (this.tenant) options.tenant = this.tenant;
      const { session, profile } = await new PortalClient(options).auth.redeemImpersonation({ token });
      writePreviewToken(session.token);
      this.opened = true;
      // The token is spent: take it out of the address bar and the tab's history.
      window.history.replaceState(window.history.state, '', location.pathname + location.search);
      this.dispatchEvent(new CaseflowPreviewStartedEvent(profile));
    } catch (error) {
      const detail = this.report(error);
      if (detail.code === 'link_invalid') this.spent = true;
      this.errorMessage = detail.code === 'link_invalid' ? linkInvalid(detail.message) : detail.message;
    } finally {
      this.submitting = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-impersonate': CaseflowImpersonate;
  }
}
