import { LitElement, html } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { PortalClient } from '../../../../sdk/portal-client.js';
import { clientContext } from '../../shared/context.js';
import { describeError } from '../../shared/errors.js';
import { CaseflowErrorEvent } from '../../events/caseflow-error.js';
import { CaseflowLoginEvent } from '../../events/caseflow-login.js';
import { loginStyles } from './login.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  email: 'Email',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  // The same words whether the account exists or not: the API answers alike.
  incorrect: 'Email or password is incorrect.',
  noPortal: 'This form must be placed inside <caseflow-portal>.',
};

/**
 * Email and password sign-in for client contacts.
 *
 * @slot footer - Below the button, e.g. a "Forgot your password?" link.
 * @csspart form - The form.
 * @csspart label - Each field's label.
 * @csspart input - Both inputs; also `email-input` and `password-input`.
 * @csspart submit - The submit button.
 * @csspart error - The region announcing a failure (`aria-live="assertive"`).
 * @event caseflow-login - Signed in; `detail` is the PortalProfile.
 * @event caseflow-error - Sign-in failed; `detail` is `{ code, message, status? }`.
 * @cssprop --caseflow-login-max-width - Width of the form (default 24rem).
 * @cssprop --caseflow-color-primary - Button colour; see the README for every shared property.
 */
export class CaseflowLogin extends LitElement {
  static override styles = loginStyles;

  /** `bearer`: the token goes to the enclosing portal (embedded widgets); `cookie`: an HttpOnly cookie (hosted portal). */
  @property() transport: 'bearer' | 'cookie' = 'bearer';

  @consume({ context: clientContext, subscribe: true })
  @state()
  private client?: PortalClient;

  @state() private submitting = false;
  @state() private errorMessage = '';

  @query('form') private form!: HTMLFormElement;
  @query('#password') private passwordInput!: HTMLInputElement;

  /** One labelled input; its error is announced by the shared live region. */
  private field(name: 'email' | 'password', label: string, autocomplete: string, invalid: string) {
    return html`
      <div class="field">
        <label part="label" for=${name}>${label}</label>
        <input
          part="input ${name}-input"
          id=${name}
          name=${name}
          type=${name}
          autocomplete=${autocomplete}
          required
          aria-invalid=${invalid}
          aria-describedby="error"
        />
      </div>
    `;
  }

  protected override render() {
    const invalid = this.errorMessage ? 'true' : 'false';
    return html`
      <form part="form" @submit=${this.onSubmit}>
        ${this.field('email', messages.email, 'username', invalid)}
        ${this.field('password', messages.password, 'current-password', invalid)}
        <div part="error" id="error" class="error" aria-live="assertive">${this.errorMessage}</div>
        <button part="submit" type="submit" ?disabled=${this.submitting}>
          ${this.submitting ? messages.submitting : messages.submit}
        </button>
        <slot name="footer"></slot>
      </form>
    `;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submitting) return;
    const client = this.client;
    if (!client) {
      this.errorMessage = messages.noPortal;
      return;
    }
    const data = new FormData(this.form);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');

    // Cleared first so the same failure twice is announced twice.
    this.errorMessage = '';
    this.submitting = true;
    try {
      const { profile } = await client.auth.login({ email, password, transport: this.transport });
      this.form.reset();
      this.dispatchEvent(new CaseflowLoginEvent(profile));
    } catch (error) {
      const detail = describeError(error, { 401: messages.incorrect });
      this.errorMessage = detail.message;
      this.dispatchEvent(new CaseflowErrorEvent(detail));
      // The button was disabled under the pointer: put focus back where retrying starts.
      await this.updateComplete;
      this.passwordInput.focus();
      this.passwordInput.select();
    } finally {
      this.submitting = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-login': CaseflowLogin;
  }
}
