import { html, nothing, type PropertyDeclarations } from 'lit';
import type { Language } from '../../../../sdk/i18n.js';
import type { CaseflowPortal } from '../portal/portal.js';
import { CaseflowElement } from '../../base/element.js';
import { msg } from '../../base/localize.js';
import { applySavedLanguage, endonyms, LANGUAGES, pageLanguage } from '../../shared/languages.js';
import { languageStyles } from '../../shared/language-styles.js';
import { accountStyles } from './account.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  get profile() {
    return msg('Profile');
  },
  get logOut() {
    return msg('Log out');
  },
  get language() {
    return msg('Language');
  },
  get notSaved() {
    return msg('Your language could not be saved. Please try again.');
  },
};

/**
 * The signed-in contact's name as a menu button (a disclosure): it opens a
 * small menu with their Profile, a Language group and Log out. Log out calls
 * the surrounding portal's `logout()`, which ends the session and fires
 * `caseflow-logout`. Choosing a language saves it as the contact's own
 * (`PATCH /portal/me`), switches the page to it and fires
 * `caseflow-language-changed`. In an admin preview there is neither Log out
 * (closing the tab ends the preview) nor Language (a preview changes nothing).
 * Renders nothing until the profile is known.
 *
 * Keyboard: Enter or Space opens and closes the menu; Escape closes it and
 * returns focus to the button; Tab moves through the menu and out of it,
 * closing it, stopping once in the Language group (on the page's language),
 * where the arrow keys move between the languages. A click outside closes it
 * too.
 *
 * @tag caseflow-account
 * @csspart button - The button showing the contact's name; carries `aria-expanded`.
 * @csspart menu - The menu's list.
 * @csspart profile-link - The link to the profile page (with `profile-href`).
 * @csspart languages - The Language group (not in an admin preview).
 * @csspart language - Each language, named in itself (`menuitemradio`, `aria-checked` on the page's language).
 * @csspart logout - The Log out button (not in an admin preview).
 * @csspart error - The message shown outside a <caseflow-portal>, and a language that could not be saved.
 * @event caseflow-logout - Fired by the portal once Log out ended the session.
 * @event caseflow-language-changed - A language was chosen and saved; `detail` is `{ language, saved: true }`.
 * @event caseflow-error - Saving the language failed; `detail` is `{ code, message, status?, retryable }`.
 * @cssprop --caseflow-color-surface - Background of the menu.
 * @cssprop --caseflow-color-primary-soft - Background of a hovered item.
 */
export class CaseflowAccount extends CaseflowElement {
  static override styles = [accountStyles, languageStyles];

  static override properties: PropertyDeclarations = {
    profileHref: { attribute: 'profile-href' },
    open: { state: true },
    leaving: { state: true },
    saving: { state: true },
    errorMessage: { state: true },
  };

  /** Where the contact's profile page is; without it the menu has no Profile link. */
  profileHref?: string;

  /** Whether the menu is open. */
  protected open = false;

  /** Log out was pressed: the button waits for the portal. */
  protected leaving = false;

  /** A language is being saved. */
  protected saving = false;

  /** Why the last language could not be saved. */
  protected errorMessage = '';

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this.closeOnOutsideClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('click', this.closeOnOutsideClick);
  }

  protected override render() {
    if (this.outsidePortal) return this.renderOutsidePortal();
    const profile = this.profile;
    if (!profile) return nothing;
    const preview = profile.session.kind === 'preview';
    const name = `${profile.contact.first_name} ${profile.contact.last_name}`;
    return html`<div @keydown=${this.onKeydown} @focusout=${this.onFocusout}>
      <button
        part="button"
        class="toggle"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="account-menu"
        @click=${this.toggle}
      >
        <span class="name">${name}</span><span class="chevron" aria-hidden="true"></span>
      </button>
      <ul part="menu" class="menu" id="account-menu" ?hidden=${!this.open}>
        ${
          this.profileHref
            ? html`<li><a part="profile-link" class="item" href=${this.profileHref}>${messages.profile}</a></li>`
            : nothing
        }
        ${preview ? nothing : this.renderLanguages()}
        ${
          preview
            ? nothing
            : html`<li>
                <button part="logout" class="item" type="button" ?disabled=${this.leaving} @click=${this.logOut}>
                  ${messages.logOut}
                </button>
              </li>`
        }
      </ul>
    </div>`;
  }

  private renderLanguages() {
    const current = pageLanguage(this);
    return html`<li class="separator">
      <div
        part="languages"
        class="languages"
        role="group"
        aria-labelledby="language-label"
        @keydown=${this.onLanguageKeydown}
      >
        <span class="group-label" id="language-label">${messages.language}</span>
        ${LANGUAGES.map(
          (language) =>
            html`<button
              part="language"
              class="item"
              type="button"
              role="menuitemradio"
              lang=${language}
              aria-checked=${language === current ? 'true' : 'false'}
              tabindex=${language === current ? '0' : '-1'}
              @click=${() => this.chooseLanguage(language)}
            >
              ${endonyms[language]}
            </button>`,
        )}
      </div>
      ${this.errorMessage ? html`<p part="error" class="error" role="alert">${this.errorMessage}</p>` : nothing}
    </li>`;
  }

  /** Up and Down move between the languages, wrapping around. */
  private onLanguageKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part="language"]')];
    const at = items.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  };

  /** Saves the language as the contact's own, then switches the page to it (one choice at a time). */
  private async chooseLanguage(language: Language): Promise<void> {
    const client = this.client;
    if (!client || this.saving) return;
    this.saving = true;
    this.errorMessage = '';
    try {
      applySavedLanguage(this, await client.updateProfile({ language }));
    } catch (error) {
      this.report(error);
      this.errorMessage = messages.notSaved;
    } finally {
      this.saving = false;
    }
  }

  private toggle = (): void => {
    this.open = !this.open;
  };

  private get button(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('[part="button"]');
  }

  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open) return;
    event.preventDefault();
    this.open = false;
    this.button?.focus();
  };

  /** Tab past the last item (or Shift+Tab before the button) closes the menu. */
  private onFocusout = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.renderRoot.contains(next)) this.open = false;
  };

  private closeOnOutsideClick = (event: MouseEvent): void => {
    if (this.open && !event.composedPath().includes(this)) this.open = false;
  };

  private logOut = async (): Promise<void> => {
    this.leaving = true;
    const portal: CaseflowPortal | null = this.closest('caseflow-portal');
    try {
      await portal?.logout();
    } catch {
      // Server unreachable: the portal has forgotten the session and fired
      // caseflow-logout anyway; the page decides where to go.
    } finally {
      this.leaving = false;
      this.open = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-account': CaseflowAccount;
  }
}
