import { html, nothing, type PropertyDeclarations } from 'lit';
import type { CaseflowPortal } from '../portal/portal.js';
import { CaseflowElement } from '../../base/element.js';
import { accountStyles } from './account.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  profile: 'Profile',
  logOut: 'Log out',
};

/**
 * The signed-in contact's name as a menu button (a disclosure): it opens a
 * small menu with their Profile and Log out. Log out calls the surrounding
 * portal's `logout()`, which ends the session and fires `caseflow-logout`. In
 * an admin preview there is no Log out (closing the tab ends the preview).
 * Renders nothing until the profile is known.
 *
 * Keyboard: Enter or Space opens and closes the menu; Escape closes it and
 * returns focus to the button; Tab moves through the menu and out of it,
 * closing it. A click outside closes it too.
 *
 * @tag caseflow-account
 * @csspart button - The button showing the contact's name; carries `aria-expanded`.
 * @csspart menu - The menu's list.
 * @csspart profile-link - The link to the profile page (with `profile-href`).
 * @csspart logout - The Log out button (not in an admin preview).
 * @csspart error - The message shown outside a <caseflow-portal>.
 * @event caseflow-logout - Fired by the portal once Log out ended the session.
 * @event caseflow-error - Inherited from the widget base; this widget reports no failure itself.
 * @cssprop --caseflow-color-surface - Background of the menu.
 * @cssprop --caseflow-color-primary-soft - Background of a hovered item.
 */
export class CaseflowAccount extends CaseflowElement {
  static override styles = accountStyles;

  static override properties: PropertyDeclarations = {
    profileHref: { attribute: 'profile-href' },
    open: { state: true },
    leaving: { state: true },
  };

  /** Where the contact's profile page is; without it the menu has no Profile link. */
  profileHref?: string;

  /** Whether the menu is open. */
  protected open = false;

  /** Log out was pressed: the button waits for the portal. */
  protected leaving = false;

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
