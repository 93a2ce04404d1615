import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { PortalClient } from '../../../../sdk/portal-client.js';
import { StaffLinkClient } from '../../../../sdk/staff-link-client.js';
import type { SetPasswordResponse } from '../../../../sdk/schemas/portal-auth.js';
import type { ClientOptions } from '../../../../sdk/transport.js';
import { CaseflowElement } from '../../base/element.js';
import { msg } from '../../base/localize.js';
import {
  fieldMessage,
  fieldProblem,
  fieldState,
  firstInvalid,
  formProblems,
  noProblems,
  type FieldSpec,
  type FormProblems,
} from '../../shared/field-errors.js';
import { linkTokenFrom, newPasswordProblem, passwordMessages } from '../../shared/passwords.js';
import { linkInvalid } from '../../shared/server-words.js';
import { speakPageLanguage } from '../../shared/page-language.js';
import { CaseflowPasswordSetEvent, type PasswordSetDetail } from '../../events/caseflow-password-set.js';
import { setPasswordStyles } from './set-password.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  get newPassword() {
    return msg('New password');
  },
  get repeatPassword() {
    return msg('Repeat the new password');
  },
  get submit() {
    return msg('Set password');
  },
  get submitting() {
    return msg('Saving…');
  },
  get noToken() {
    return msg('This link is incomplete. Open it again from your email, or copy the whole address into your browser.');
  },
  // One sentence around its link: "{link}" is where the login page's link goes.
  get newClientLink() {
    return msg('Need a new link? Choose "Forgot password?" on the {link}.');
  },
  get newClientLinkText() {
    return msg('login page');
  },
  get newStaffLink() {
    return msg('Need a new link? Ask an administrator of your firm to send you a new invitation.');
  },
  get done() {
    return msg('Your password is set.');
  },
  get logIn() {
    return msg('Log in');
  },
  get doneStaff() {
    return msg('You can now sign in from the command line:');
  },
};

type Purpose = PasswordSetDetail['purpose'];

/** The form's inputs, in order; the API's `password` is the new password. */
const fieldOrder = ['new-password', 'repeat-password'] as const;
const apiFields = (): Record<string, FieldSpec> => ({ password: { id: 'new-password', label: messages.newPassword } });

/**
 * Sets a password with a single-use link: a contact's welcome or reset email,
 * or a staff invitation. The token comes from the page's fragment
 * (`#token=cfl_…`), which never reaches the server, so opening (or prefetching)
 * the page spends nothing: only submitting the form uses the link.
 *
 * It needs no session. Inside a <caseflow-portal> it uses the portal's client
 * for contacts (and speaks the portal's language); otherwise it calls
 * `base-url` (default: the page's origin), in English unless a portal on the
 * page has chosen a language.
 *
 * @tag caseflow-set-password
 * @csspart base - Wrapper; carries `data-state` (incomplete | form | spent | set).
 * @csspart form - The form.
 * @csspart label - Each field's label.
 * @csspart input - Both inputs.
 * @csspart new-password-input - The new password (also `input`).
 * @csspart repeat-password-input - The new password, repeated (also `input`).
 * @csspart hint - The password rules, stated up front.
 * @csspart field-error - A field's own message, beside it (its `aria-describedby`).
 * @csspart submit - The submit button.
 * @csspart error - The region announcing a problem (`aria-live="assertive"`): a missing token, a spent link, a refused password.
 * @csspart message - The region announcing success (`role="status"`).
 * @csspart help - What to do next: ask for a new link, log in, or run `caseflow login`.
 * @csspart login-link - The link to the login page (contacts only).
 * @event caseflow-password-set - The password is set; `detail` is `{ purpose, email }`.
 * @event caseflow-error - Setting it failed; `detail` is `{ code, message, status?, retryable }`.
 * @cssprop --caseflow-login-max-width - Width of the form (default 24rem).
 */
export class CaseflowSetPassword extends CaseflowElement {
  static override styles = setPasswordStyles;

  // The set-password pages have no session, so no portal: the widget makes its own client.
  protected override needsPortal = false;

  /** Which link this page serves: a contact's `welcome` or `reset` email, or a `staff` invitation. */
  @property() purpose: Purpose = 'welcome';

  /** Origin of the API when not inside a <caseflow-portal>; defaults to the page's origin. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** Firm slug sent as the Caseflow-Tenant header; needed only on the shared API host. */
  @property() tenant?: string;

  /** Where contacts log in, linked once the password is set. */
  @property({ attribute: 'login-url' }) loginUrl = '/clients/login';

  @state() private token?: string;
  @state() private linkSpent = false;
  @state() private setFor?: string;
  @state() private submitting = false;
  @state() private errorMessage = '';
  @state() private problems: FormProblems = noProblems;

  @query('form') private form?: HTMLFormElement;
  @query('[part~="login-link"]') private loginLink?: HTMLAnchorElement;

  override connectedCallback(): void {
    super.connectedCallback();
    speakPageLanguage();
    this.readToken();
    window.addEventListener('hashchange', this.readToken);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.readToken);
  }

  /** A new fragment is a new link: start over with it. */
  private readToken = (): void => {
    if (this.setFor !== undefined) return;
    this.token = linkTokenFrom(location.hash);
    this.linkSpent = false;
    this.problems = noProblems;
    this.errorMessage = '';
  };

  /** `incomplete`: no usable token; `form`: waiting for a password; `spent`: the server refused the link; `set`: done. */
  private get viewState(): 'incomplete' | 'form' | 'spent' | 'set' {
    if (this.setFor !== undefined) return 'set';
    if (!this.token) return 'incomplete';
    return this.linkSpent ? 'spent' : 'form';
  }

  protected override render() {
    const showForm = this.viewState === 'form';
    const error = this.viewState === 'incomplete' ? messages.noToken : this.errorMessage;
    return html`
      <div part="base" class="stack" data-state=${this.viewState}>
        ${showForm ? this.renderForm() : nothing}
        <p part="error" id="error" class="error" aria-live="assertive">${error}</p>
        <p part="message" class="message" role="status">${this.setFor !== undefined ? messages.done : ''}</p>
        ${this.renderHelp()}
      </div>
    `;
  }

  private renderForm() {
    return html`
      <form part="form" @submit=${this.onSubmit} novalidate>
        ${this.field('new-password', messages.newPassword, 'password-hint')}
        ${this.field('repeat-password', messages.repeatPassword)}
        <button part="submit" type="submit" ?disabled=${this.submitting}>
          ${this.submitting ? messages.submitting : messages.submit}
        </button>
      </form>
    `;
  }

  private field(name: (typeof fieldOrder)[number], label: string, hint?: string) {
    const { invalid, describedBy } = fieldState(this.problems, name, hint);
    return html`
      <div class="field">
        <label part="label" for=${name}>${label}</label>
        <input
          part="input ${name}-input"
          id=${name}
          name=${name}
          type="password"
          autocomplete="new-password"
          required
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
        />
        ${fieldMessage(this.problems, name)}
        ${hint ? html`<p part="hint" id="password-hint" class="hint">${passwordMessages.hint}</p>` : nothing}
      </div>
    `;
  }

  private renderHelp() {
    const staff = this.purpose === 'staff';
    if (this.setFor !== undefined) {
      return staff
        ? html`<p part="help">${messages.doneStaff} <code>caseflow login</code></p>`
        : html`<p part="help"><a part="login-link" href=${this.loginUrl}>${messages.logIn}</a></p>`;
    }
    if (this.token && !this.linkSpent) return nothing;
    return staff
      ? html`<p part="help">${messages.newStaffLink}</p>`
      : html`<p part="help">${this.renderNewClientLink()}</p>`;
  }

  /** The sentence with the login page's link where its translation puts `{link}`. */
  private renderNewClientLink() {
    const [before, after = ''] = messages.newClientLink.split('{link}');
    return html`${before}<a part="login-link" href=${this.loginUrl}>${messages.newClientLinkText}</a>${after}`;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const token = this.token;
    if (this.submitting || !token || !this.form) return;
    const data = new FormData(this.form);
    const password = String(data.get('new-password') ?? '');
    const repeat = String(data.get('repeat-password') ?? '');

    // Cleared first so the same problem twice is announced twice.
    this.errorMessage = '';
    this.problems = noProblems;
    await this.updateComplete;
    const problem = newPasswordProblem(password, repeat);
    if (problem) {
      await this.refuse(
        fieldProblem(problem === passwordMessages.mismatch ? 'repeat-password' : 'new-password', problem),
      );
      return;
    }

    this.submitting = true;
    try {
      const { email } = await this.send({ token, password });
      this.setFor = email;
      // The token is spent: take it out of the address bar and the tab's history.
      window.history.replaceState(window.history.state, '', location.pathname + location.search);
      this.dispatchEvent(new CaseflowPasswordSetEvent({ purpose: this.purpose, email }));
      await this.updateComplete;
      this.loginLink?.focus();
    } catch (error) {
      const detail = this.report(error);
      if (detail.code === 'link_invalid') {
        // Used, replaced by a newer link, or expired: the form can do nothing more.
        this.linkSpent = true;
        this.errorMessage = linkInvalid(detail.message);
        await this.updateComplete;
        this.loginLink?.focus();
      } else {
        await this.refuse(formProblems(error, detail.message, apiFields()));
      }
    } finally {
      this.submitting = false;
    }
  }

  /** Shows why the password was not accepted and puts focus where fixing it starts. */
  private async refuse(problems: FormProblems): Promise<void> {
    this.errorMessage = problems.summary;
    this.problems = problems;
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>(
      `#${firstInvalid(problems, fieldOrder) ?? 'new-password'}`,
    );
    input?.focus();
    input?.select();
  }

  /** Contacts go through the portal API, staff through the admin API; neither needs a session. */
  private send(body: { token: string; password: string }): Promise<SetPasswordResponse> {
    const options: ClientOptions = { baseUrl: this.baseUrl || location.origin };
    if (this.tenant) options.tenant = this.tenant;
    if (this.purpose === 'staff') return new StaffLinkClient(options).setPassword(body);
    return (this.client ?? new PortalClient(options)).auth.setPassword(body);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-set-password': CaseflowSetPassword;
  }
}
