import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Language } from '../../../../sdk/i18n.js';
import {
  fieldMessage,
  fieldState,
  formProblems,
  noProblems,
  type FieldSpec,
  type FormProblems,
} from '../../shared/field-errors.js';
import { CaseflowElement } from '../../base/element.js';
import { msg } from '../../base/localize.js';
import { choosePageLanguage, endonyms, LANGUAGES, pageLanguage } from '../../shared/languages.js';
import { languageStyles } from '../../shared/language-styles.js';
import { inReadersLanguage } from '../../shared/server-words.js';
import { CaseflowLoginEvent } from '../../events/caseflow-login.js';
import { loginStyles } from './login.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  get email() {
    return msg('Email');
  },
  get password() {
    return msg('Password');
  },
  get submit() {
    return msg('Sign in');
  },
  get submitting() {
    return msg('Signing in…');
  },
  // The same words whether the account exists or not: the API answers alike.
  get incorrect() {
    return msg('Email or password is incorrect.');
  },
  get forgotLink() {
    return msg('Forgot password?');
  },
  get forgotIntro() {
    return msg('Enter the email you sign in with. We will send you a link to choose a new password.');
  },
  get forgotSubmit() {
    return msg('Send link');
  },
  get forgotSubmitting() {
    return msg('Sending…');
  },
  get back() {
    return msg('Back to sign in');
  },
  // The server's answer to a reset request, the same for any email, in the reader's language.
  get resetRequested() {
    return msg(
      'If this email belongs to a portal account, we have sent it a link to choose a new password. The link works once and expires in 48 hours.',
    );
  },
  get language() {
    return msg('Language');
  },
};

/** `sign-in`: email and password; `forgot`: email for a reset link; `sent`: the server's answer to that. */
type View = 'sign-in' | 'forgot' | 'sent';

/** The API's body fields, shown beside the inputs of the same name. */
const fields = (): Record<string, FieldSpec> => ({
  email: { id: 'email', label: messages.email },
  password: { id: 'password', label: messages.password },
});

/**
 * Email and password sign-in for client contacts, with a "Forgot password?"
 * link that switches to a form asking for a reset link by email. The answer to
 * that request is the server's, and the same whether or not the email belongs
 * to an account.
 *
 * Under the form, the five languages, each named in itself: choosing one
 * switches the page to it at once, through the surrounding portal's `locale`
 * (which turns the portal right to left for Arabic); nothing is saved, as no
 * one is signed in yet. It fires `caseflow-language-changed`; the hosted
 * portal keeps the choice in a cookie.
 *
 * Outside a <caseflow-portal> it shows only a message saying so (part `error`).
 *
 * @tag caseflow-login
 * @slot footer - Below the sign-in button and the "Forgot password?" link.
 * @csspart base - Wrapper of the view shown; carries `data-view` (sign-in | forgot | sent).
 * @csspart form - The sign-in form and the forgot-password form.
 * @csspart forgot-form - The forgot-password form (also `form`).
 * @csspart label - Each field's label.
 * @csspart input - Every input.
 * @csspart email-input - The email input (also `input`).
 * @csspart password-input - The password input (also `input`).
 * @csspart hint - The forgot-password form's explanation.
 * @csspart submit - The submit button of the form shown.
 * @csspart forgot-link - The "Forgot password?" button (looks like a link).
 * @csspart back-link - "Back to sign in", on the forgot-password views.
 * @csspart message - The region announcing the server's answer to a reset request (`role="status"`).
 * @csspart error - The region announcing a failure (`aria-live="assertive"`) that is no one field's own.
 * @csspart field-error - A field's own message (a refused email), beside it (its `aria-describedby`).
 * @csspart languages - The language picker under the form (a labelled group).
 * @csspart language - Each language's button, named in itself; carries `aria-pressed` (true on the page's language).
 * @event caseflow-login - Signed in; `detail` is the PortalProfile.
 * @event caseflow-language-changed - A language was chosen; `detail` is `{ language, saved: false }`.
 * @event caseflow-error - Sign-in or the reset request failed; `detail` is `{ code, message, status?, retryable }`.
 * @cssprop --caseflow-login-max-width - Width of the form (default 24rem).
 * @cssprop --caseflow-color-primary - Button colour; see <caseflow-portal> for every shared property.
 * @cssprop --caseflow-color-surface - Background of the inputs.
 * @cssprop --caseflow-color-text - Text, typed text included.
 */
export class CaseflowLogin extends CaseflowElement {
  static override styles = [loginStyles, languageStyles];

  /** `bearer`: the token goes to the enclosing portal (embedded widgets); `cookie`: an HttpOnly cookie (hosted portal). */
  @property() transport: 'bearer' | 'cookie' = 'bearer';

  @state() private view: View = 'sign-in';
  @state() private submitting = false;
  @state() private errorMessage = '';
  /** Each field's own message (a 400's params), beside it. */
  @state() private problems: FormProblems = noProblems;
  @state() private statusMessage = '';
  /** The email typed so far, carried between the sign-in and the forgot-password forms. */
  @state() private email = '';

  @query('form') private form!: HTMLFormElement;
  @query('#email') private emailInput!: HTMLInputElement;
  @query('#password') private passwordInput!: HTMLInputElement;
  @query('[part~="back-link"]') private backButton?: HTMLButtonElement;

  /** One labelled input, with its own message beside it; a refusal of both (a wrong password) marks both. */
  private field(name: 'email' | 'password', label: string, autocomplete: string) {
    const own = fieldState(
      this.problems,
      name,
      name === 'email' && this.view === 'forgot' ? 'forgot-intro' : undefined,
    );
    const invalid = this.errorMessage && !Object.keys(this.problems.fields).length ? 'true' : own.invalid;
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
          .value=${name === 'email' ? this.email : ''}
          aria-invalid=${invalid}
          aria-describedby=${own.describedBy}
        />
        ${fieldMessage(this.problems, name)}
      </div>
    `;
  }

  protected override render() {
    if (this.outsidePortal) return this.renderOutsidePortal();
    return html`
      <div part="base" class="stack" data-view=${this.view}>
        ${this.view === 'sign-in' ? this.renderSignIn() : this.view === 'forgot' ? this.renderForgot() : nothing}
        <p part="message" class="message" role="status">${this.statusMessage}</p>
        ${
          this.view === 'sent'
            ? html`<button part="back-link" class="link" type="button" @click=${this.showSignIn}>
                ${messages.back}
              </button>`
            : nothing
        }
        ${this.renderLanguages()}
      </div>
    `;
  }

  private renderLanguages() {
    const current = pageLanguage(this);
    return html`<div part="languages" class="picker" role="group" aria-labelledby="languages-label">
      <span id="languages-label">${messages.language}</span>
      ${LANGUAGES.map(
        (language) =>
          html`<button
            part="language"
            class="link"
            type="button"
            lang=${language}
            aria-pressed=${language === current ? 'true' : 'false'}
            @click=${() => this.chooseLanguage(language)}
          >
            ${endonyms[language]}
          </button>`,
      )}
    </div>`;
  }

  /** Shows the page in `language` at once (the portal switches it; the base re-renders every widget). */
  private chooseLanguage(language: Language): void {
    choosePageLanguage(this, language);
  }

  private renderSignIn() {
    return html`
      <form part="form" @submit=${this.onSubmit} novalidate>
        ${this.field('email', messages.email, 'username')}
        ${this.field('password', messages.password, 'current-password')}
        <div part="error" id="error" class="error" aria-live="assertive">${this.errorMessage}</div>
        <button part="submit" type="submit" ?disabled=${this.submitting}>
          ${this.submitting ? messages.submitting : messages.submit}
        </button>
        <button part="forgot-link" class="link" type="button" @click=${this.showForgot}>${messages.forgotLink}</button>
        <slot name="footer"></slot>
      </form>
    `;
  }

  private renderForgot() {
    return html`
      <form part="form forgot-form" @submit=${this.onForgot} novalidate>
        <p part="hint" id="forgot-intro" class="hint">${messages.forgotIntro}</p>
        ${this.field('email', messages.email, 'username')}
        <div part="error" id="error" class="error" aria-live="assertive">${this.errorMessage}</div>
        <button part="submit" type="submit" ?disabled=${this.submitting}>
          ${this.submitting ? messages.forgotSubmitting : messages.forgotSubmit}
        </button>
        <button part="back-link" class="link" type="button" @click=${this.showSignIn}>${messages.back}</button>
      </form>
    `;
  }

  /** A refusal: each field's message beside it, the rest in the form's live region. */
  private show(problems: FormProblems): void {
    this.problems = problems;
    this.errorMessage = problems.summary;
  }

  private showForgot = (): Promise<void> => this.switchTo('forgot');
  private showSignIn = (): Promise<void> => this.switchTo('sign-in');

  /** Changes view, keeping the email typed so far, and puts focus where the new view starts. */
  private async switchTo(view: View): Promise<void> {
    if (this.submitting) return;
    if (this.emailInput) this.email = this.emailInput.value.trim();
    this.errorMessage = '';
    this.problems = noProblems;
    this.statusMessage = '';
    this.view = view;
    await this.updateComplete;
    this.emailInput?.focus();
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submitting) return;
    const client = this.client;
    if (!client) return;
    const data = new FormData(this.form);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');

    // Cleared first so the same failure twice is announced twice.
    this.errorMessage = '';
    this.problems = noProblems;
    this.submitting = true;
    try {
      const { profile } = await client.auth.login({ email, password, transport: this.transport });
      this.form.reset();
      this.email = '';
      this.dispatchEvent(new CaseflowLoginEvent(profile));
    } catch (error) {
      this.show(formProblems(error, this.report(error, { 401: messages.incorrect }).message, fields()));
      // The button was disabled under the pointer: put focus back where retrying starts.
      await this.updateComplete;
      const input = this.problems.fields.email && !this.problems.fields.password ? this.emailInput : this.passwordInput;
      input.focus();
      input.select();
    } finally {
      this.submitting = false;
    }
  }

  private async onForgot(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submitting) return;
    const client = this.client;
    if (!client) return;
    const email = this.emailInput.value.trim();

    this.errorMessage = '';
    this.problems = noProblems;
    this.submitting = true;
    try {
      const { message } = await client.auth.forgotPassword({ email });
      this.email = email;
      this.view = 'sent';
      this.statusMessage = inReadersLanguage(message, messages.resetRequested);
      // The form (and the focused button) is gone: keep focus inside the widget.
      await this.updateComplete;
      this.backButton?.focus();
    } catch (error) {
      this.show(formProblems(error, this.report(error).message, fields()));
      await this.updateComplete;
      this.emailInput.focus();
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
