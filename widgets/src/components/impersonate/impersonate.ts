import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalClient } from '../../../../sdk/portal-client.js';
import type { ClientOptions } from '../../../../sdk/transport.js';
import { describeError } from '../../base/errors.js';
import { linkTokenFrom } from '../../shared/passwords.js';
import { writePreviewToken } from '../../shared/preview.js';
import { CaseflowErrorEvent } from '../../events/caseflow-error.js';
import { CaseflowPreviewStartedEvent } from '../../events/caseflow-preview-started.js';
import { impersonateStyles } from './impersonate.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  intro:
    "You are about to see the portal exactly as this client's primary contact does, in this browser tab only. " +
    'Your own sign-in is not affected; closing the tab ends the preview.',
  open: 'Open the preview',
  opening: 'Opening…',
  noToken: 'This link is incomplete. Copy the whole address printed by `caseflow impersonate` into your browser.',
  newLink: 'Ask for a new link with `caseflow impersonate <client>`: each link works once, for two minutes.',
  opened: 'The preview is open.',
};

/**
 * The page an admin's "login as client" link opens (`/clients/impersonate#token=…`).
 * The token stays in the fragment, which never reaches a server, and is spent
 * only when the admin presses the button: a link preview or a prefetch opens
 * nothing. The preview session's bearer token is kept in this tab's
 * sessionStorage — never in the portal cookie — so each tab is its own preview
 * and a client's own session in the same browser is left alone.
 *
 * @tag caseflow-impersonate
 * @csspart intro - What the preview is.
 * @csspart submit - The "Open the preview" button.
 * @csspart error - The region announcing a problem (`aria-live="assertive"`).
 * @csspart message - The region announcing success (`role="status"`).
 * @csspart help - How to get a new link.
 * @event caseflow-preview-started - The preview session is open; `detail` is the contact's profile.
 * @event caseflow-error - Opening it failed; `detail` is `{ code, message, status? }`.
 */
export class CaseflowImpersonate extends LitElement {
  static override styles = impersonateStyles;

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
    this.token = linkTokenFrom(location.hash);
    if (!this.token) this.errorMessage = messages.noToken;
  }

  protected override render() {
    const usable = this.token && !this.spent && !this.opened;
    return html`
      <div class="stack">
        ${
          usable
            ? html`<p part="intro">${messages.intro}</p>
                <button part="submit" type="button" ?disabled=${this.submitting} @click=${this.onOpen}>
                  ${this.submitting ? messages.opening : messages.open}
                </button>`
            : nothing
        }
        <p part="error" class="error" aria-live="assertive">${this.errorMessage}</p>
        <p part="message" class="message" role="status">${this.opened ? messages.opened : ''}</p>
        ${usable || this.opened ? nothing : html`<p part="help">${messages.newLink}</p>`}
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
      const detail = describeError(error);
      this.dispatchEvent(new CaseflowErrorEvent(detail));
      if (detail.code === 'link_invalid') this.spent = true;
      this.errorMessage = detail.message;
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
