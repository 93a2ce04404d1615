import { html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { Language } from '../../../../sdk/i18n.js';
import type { PortalProfile } from '../../../../sdk/schemas/portal-auth.js';
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
import { applySavedLanguage, endonyms, isLanguage, LANGUAGES, shippedLanguage } from '../../shared/languages.js';
import { languageStyles } from '../../shared/language-styles.js';
import { newPasswordProblem, passwordMessages } from '../../shared/passwords.js';
import { inReadersLanguage } from '../../shared/server-words.js';
import { CaseflowPasswordChangedEvent } from '../../events/caseflow-password-changed.js';
import { profileStyles } from './profile.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  get details() {
    return msg('Your details');
  },
  get name() {
    return msg('Name');
  },
  get email() {
    return msg('Email');
  },
  get client() {
    return msg('Client');
  },
  get firm() {
    return msg('Firm');
  },
  get password() {
    return msg('Change password');
  },
  get currentPassword() {
    return msg('Current password');
  },
  get newPassword() {
    return msg('New password');
  },
  get repeatPassword() {
    return msg('Repeat the new password');
  },
  get currentMissing() {
    return msg('Enter your current password.');
  },
  get currentWrong() {
    return msg('Your current password is incorrect.');
  },
  get submit() {
    return msg('Change password');
  },
  get submitting() {
    return msg('Saving…');
  },
  get changed() {
    return msg('Your password has been changed. Your other sessions have been signed out.');
  },
  get preview() {
    return msg('You are previewing the portal as this contact: their password cannot be changed here.');
  },
  get loading() {
    return msg('Loading your profile…');
  },
  get language() {
    return msg('Language');
  },
  get languageLabel() {
    return msg('Language of the portal and your emails');
  },
  // The language first: a long firm name may be cut off in a narrow select, the language never.
  firmDefault: (firm: string, language: string) => msg('{language} (the default of {firm})', { firm, language }),
  get saveLanguage() {
    return msg('Save language');
  },
  get languageSaved() {
    return msg('Your language has been saved.');
  },
  get languageNotSaved() {
    return msg('Your language could not be saved. Please try again.');
  },
  get languagePreview() {
    return msg('You are previewing the portal as this contact: their language cannot be changed here.');
  },
};

type Field = 'current-password' | 'new-password' | 'repeat-password';
/** The form's inputs, in order, and the API's body fields they show. */
const fieldOrder: Field[] = ['current-password', 'new-password', 'repeat-password'];
const apiFields = (): Record<string, FieldSpec> => ({
  current_password: { id: 'current-password', label: messages.currentPassword },
  new_password: { id: 'new-password', label: messages.newPassword },
});

/**
 * The signed-in contact's details (name, email, client, firm), their language
 * and a form to change their password. A change of password ends the
 * contact's other sessions; this one goes on. The language (the firm's
 * default, or one of the five, each named in itself) is saved as the
 * contact's own (`PATCH /portal/me`) for the portal, their emails and PDFs;
 * the page then switches to it and `caseflow-language-changed` fires. In an
 * admin preview neither can be changed.
 *
 * @tag caseflow-profile
 * @csspart base - Wrapper; carries `data-state` (loading | ready).
 * @csspart details - The section with the contact's details.
 * @csspart heading - Each section's heading ("Your details", "Change password").
 * @csspart term - Each detail's label ("Name", "Email", "Client", "Firm").
 * @csspart value - Each detail's value; carries `data-field` (name | email | client | firm).
 * @csspart language - The language section.
 * @csspart language-form - Its form.
 * @csspart language-select - The choice of language (`lang` on each language's option).
 * @csspart language-submit - "Save language".
 * @csspart language-message - The region announcing the language was saved (`role="status"`).
 * @csspart language-error - The region announcing it was not (`aria-live="assertive"`).
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
 * @event caseflow-language-changed - The language was saved; `detail` is `{ language, saved: true }` (the language the page now shows).
 * @event caseflow-error - The change failed; `detail` is `{ code, message, status?, retryable }`.
 * @cssprop --caseflow-profile-max-width - Width of the widget (default 32rem).
 * @cssprop --caseflow-color-danger - Errors and the border of a refused field.
 * @cssprop --caseflow-color-muted - Labels, the hint and messages.
 */
export class CaseflowProfile extends CaseflowElement {
  static override styles = [profileStyles, languageStyles];

  @state() private submitting = false;
  @state() private errorMessage = '';
  @state() private statusMessage = '';
  @state() private problems: FormProblems = noProblems;
  @state() private savingLanguage = false;
  /** The language was just saved (announced in the language it switched to, once its catalog is in). */
  @state() private languageSaved = false;
  @state() private languageError = '';

  @query('form[part="form"]') private form?: HTMLFormElement;
  @query('#language') private languageSelect?: HTMLSelectElement;

  protected override render() {
    if (this.outsidePortal) return this.renderOutsidePortal();
    const profile = this.profile;
    return html`
      <div part="base" class="stack" data-state=${profile ? 'ready' : 'loading'}>
        ${profile ? this.renderDetails(profile) : nothing} ${profile ? this.renderLanguage(profile) : nothing}
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

  private renderLanguage(profile: PortalProfile) {
    const preview = profile.session.kind === 'preview';
    const chosen = profile.contact.language;
    const firmLanguage = shippedLanguage(profile.firm.locale);
    return html`
      <section part="language" aria-labelledby="language-heading">
        <h2 part="heading" id="language-heading">${messages.language}</h2>
        <form part="language-form" class="stack" @submit=${this.onSaveLanguage} novalidate>
          <div class="field">
            <label part="label" for="language">${messages.languageLabel}</label>
            <select
              part="language-select"
              id="language"
              name="language"
              ?disabled=${preview}
              aria-describedby=${preview ? 'language-preview' : 'language-error'}
            >
              <option value="" ?selected=${chosen === null}>
                ${messages.firmDefault(profile.firm.name, endonyms[firmLanguage])}
              </option>
              ${LANGUAGES.map(
                (language) =>
                  html`<option value=${language} lang=${language} ?selected=${chosen === language}>
                    ${endonyms[language]}
                  </option>`,
              )}
            </select>
          </div>
          ${
            preview
              ? html`<p class="message" id="language-preview">${messages.languagePreview}</p>`
              : html`<button part="language-submit" type="submit" ?disabled=${this.savingLanguage}>
                  ${this.savingLanguage ? messages.submitting : messages.saveLanguage}
                </button>`
          }
          <p part="language-error" id="language-error" class="error" aria-live="assertive">${this.languageError}</p>
          <p part="language-message" class="message" role="status">
            ${this.languageSaved ? messages.languageSaved : ''}
          </p>
        </form>
      </section>
    `;
  }

  /** Saves the chosen language (empty: the firm's default), then shows the page in the language it now gets. */
  private async onSaveLanguage(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    const value = this.languageSelect?.value;
    if (this.savingLanguage || !client || value === undefined) return;
    const language: Language | null = isLanguage(value) ? value : null;
    this.languageSaved = false;
    this.languageError = '';
    this.savingLanguage = true;
    try {
      applySavedLanguage(this, await client.updateProfile({ language }));
      this.languageSaved = true;
    } catch (error) {
      const detail = this.report(error);
      // An admin preview may not change the contact's settings: the API says 403.
      this.languageError = detail.status === 403 ? messages.languagePreview : messages.languageNotSaved;
    } finally {
      this.savingLanguage = false;
    }
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
          ? fieldProblem('current-password', inReadersLanguage(detail.message, messages.currentWrong))
          : formProblems(error, detail.message, apiFields()),
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
