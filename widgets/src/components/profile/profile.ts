import { html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { PortalProfile } from '../../../../sdk/schemas/portal-auth.js';
import { CaseflowElement } from '../../base/element.js';
import {
  fieldMessage,
  fieldProblem,
  fieldState,
  firstInvalid,
  formProblems,
  noProblems,
  type FormProblems,
} from '../../shared/field-errors.js';
import { newPasswordProblem, passwordMessages } from '../../shared/passwords.js';
import { CaseflowPasswordChangedEvent } from '../../events/caseflow-password-changed.js';
import { profileStyles } from './profile.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  details: 'Your details',
  name: 'Name',
  email: 'Email',
  client: 'Client',
  firm: 'Firm',
  password: 'Change password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  repeatPassword: 'Repeat the new password',
  currentMissing: 'Enter your current password.',
  submit: 'Change password',
  submitting: 'Saving…',
  changed: 'Your password has been changed. Your other sessions have been signed out.',
  preview: 'You are previewing the portal as this contact: their password cannot be changed here.',
  loading: 'Loading your profile…',
};

type Field = 'current-password' | 'new-password' | 'repeat-password';
/** The form's inputs, in order, and the API's body fields they show. */
const fieldOrder: Field[] = ['current-password', 'new-password', 'repeat-password'];
const apiFields = { current_password: 'current-password', new_password: 'new-password' };

/**
 * The signed-in contact's details (name, email, client, firm) and a form to
 * change their password. A change ends the contact's other sessions; this one
 * goes on.
 *
 * @tag caseflow-profile
 * @csspart base - Wrapper; carries `data-state` (loading | ready).
 * @csspart details - The section with the contact's details.
 * @csspart heading - Each section's heading ("Your details", "Change password").
 * @csspart term - Each detail's label ("Name", "Email", "Client", "Firm").
 * @csspart value - Each detail's value; carries `data-field` (name | email | client | firm).
 * @csspart password - The change-password section.
 * @csspart form - The change-password form.
 * @csspart label - Each field's label.
 * @csspart input - Every input.
 * @csspart current-password-input - The current password (also `input`).
 * @csspart new-password-input - The new password (also `input`).
 * @csspart repeat-password-input - The new password, repeated (also `input`).
 * @csspart hint - The password rules, stated up front.
 * @csspart field-error - A field's own message, beside it (its `aria-describedby`).
 * @csspart submit - The submit button.
 * @csspart error - The region announcing a failure (`aria-live="assertive"`).
 * @csspart message - The region announcing success and loading (`role="status"`).
 * @csspart preview - In an admin's preview, why the password cannot be changed here.
 * @event caseflow-password-changed - The password was changed. No detail.
 * @event caseflow-error - The change failed; `detail` is `{ code, message, status?, retryable }`.
 * @cssprop --caseflow-profile-max-width - Width of the widget (default 32rem).
 * @cssprop --caseflow-color-danger - Errors and the border of a refused field.
 * @cssprop --caseflow-color-muted - Labels, the hint and messages.
 */
export class CaseflowProfile extends CaseflowElement {
  static override styles = profileStyles;

  @state() private submitting = false;
  @state() private errorMessage = '';
  @state() private statusMessage = '';
  @state() private problems: FormProblems = noProblems;

  @query('form') private form?: HTMLFormElement;

  protected override render() {
    if (this.outsidePortal) return this.renderOutsidePortal();
    const profile = this.profile;
    return html`
      <div part="base" class="stack" data-state=${profile ? 'ready' : 'loading'}>
        ${profile ? this.renderDetails(profile) : nothing}
        ${profile && profile.session.kind !== 'preview' ? this.renderPasswordForm() : nothing}
        ${
          profile?.session.kind === 'preview'
            ? html`<p part="preview" class="message">${messages.preview}</p>`
            : nothing
        }
        <p part="message" class="message" role="status">${profile ? this.statusMessage : messages.loading}</p>
      </div>
    `;
  }

  private renderDetails(profile: PortalProfile) {
    const detail = (field: string, label: string, value: string) => html`
      <dt part="term">${label}</dt>
      <dd part="value" data-field=${field}>${value}</dd>
    `;
    return html`
      <section part="details" aria-labelledby="details-heading">
        <h2 part="heading" id="details-heading">${messages.details}</h2>
        <dl>
          ${detail('name', messages.name, `${profile.contact.first_name} ${profile.contact.last_name}`.trim())}
          ${detail('email', messages.email, profile.contact.email)}
          ${detail('client', messages.client, profile.client.name)} ${detail('firm', messages.firm, profile.firm.name)}
        </dl>
      </section>
    `;
  }

  private renderPasswordForm() {
    return html`
      <section part="password" aria-labelledby="password-heading">
        <h2 part="heading" id="password-heading">${messages.password}</h2>
        <form part="form" @submit=${this.onSubmit} novalidate>
          ${this.field('current-password', messages.currentPassword, 'current-password')}
          ${this.field('new-password', messages.newPassword, 'new-password', 'password-hint')}
          ${this.field('repeat-password', messages.repeatPassword, 'new-password')}
          <p part="error" id="error" class="error" aria-live="assertive">${this.errorMessage}</p>
          <button part="submit" type="submit" ?disabled=${this.submitting}>
            ${this.submitting ? messages.submitting : messages.submit}
          </button>
          <!-- For password managers: the account whose password this is. -->
          <input type="email" autocomplete="username" .value=${this.profile?.contact.email ?? ''} hidden readonly />
        </form>
      </section>
    `;
  }

  private field(name: Field, label: string, autocomplete: string, hint?: string) {
    const { invalid, describedBy } = fieldState(this.problems, name, hint);
    return html`
      <div class="field">
        <label part="label" for=${name}>${label}</label>
        <input
          part="input ${name}-input"
          id=${name}
          name=${name}
          type="password"
          autocomplete=${autocomplete}
          required
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
        />
        ${fieldMessage(this.problems, name)}
        ${hint ? html`<p part="hint" id="password-hint" class="hint">${passwordMessages.hint}</p>` : nothing}
      </div>
    `;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    if (this.submitting || !client || !this.form) return;
    const data = new FormData(this.form);
    const current = String(data.get('current-password') ?? '');
    const password = String(data.get('new-password') ?? '');
    const repeat = String(data.get('repeat-password') ?? '');

    // Cleared first so the same message twice is announced twice.
    this.errorMessage = '';
    this.statusMessage = '';
    this.problems = noProblems;
    await this.updateComplete;
    if (!current) {
      await this.refuse(fieldProblem('current-password', messages.currentMissing));
      return;
    }
    const problem = newPasswordProblem(password, repeat);
    if (problem) {
      await this.refuse(
        fieldProblem(problem === passwordMessages.mismatch ? 'repeat-password' : 'new-password', problem),
      );
      return;
    }

    this.submitting = true;
    try {
      await client.auth.changePassword({ current_password: current, new_password: password });
      this.form.reset();
      this.statusMessage = messages.changed;
      this.dispatchEvent(new CaseflowPasswordChangedEvent());
    } catch (error) {
      const detail = this.report(error);
      // A wrong current password is the current password's own problem.
      await this.refuse(
        detail.code === 'invalid_current_password'
          ? fieldProblem('current-password', detail.message)
          : formProblems(error, detail.message, apiFields),
      );
    } finally {
      this.submitting = false;
    }
  }

  /** Shows why the change was refused and puts focus where fixing it starts. */
  private async refuse(problems: FormProblems): Promise<void> {
    this.errorMessage = problems.summary;
    this.problems = problems;
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>(
      `#${firstInvalid(problems, fieldOrder) ?? 'current-password'}`,
    );
    input?.focus();
    input?.select();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-profile': CaseflowProfile;
  }
}
