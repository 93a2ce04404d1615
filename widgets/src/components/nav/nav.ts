import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CaseflowElement } from '../../base/element.js';
import { msg } from '../../base/localize.js';
import { navStyles } from './nav.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  get label() {
    return msg('Client portal');
  },
  get menu() {
    return msg('Menu');
  },
  upgrade: (firm: string) =>
    msg("Your firm's plan does not include the client portal. Please ask {firm} to upgrade.", { firm }),
};

/** `pending`: the profile is not known yet; `ready`: sections filtered; `locked`: the plan has no portal. */
type NavState = 'pending' | 'ready' | 'locked';

/**
 * The portal's navigation: the page's own links, filtered for the signed-in
 * contact. A link (or any slotted element) with `data-section="invoices"` is
 * shown only when the contact has that permission (invoices, estimates,
 * contracts, proposals, documents, vault, matters); one without `data-section`
 * (a profile page) is always shown. Sectioned links stay hidden until the
 * profile is known. On a plan without the portal (`solo`), the sections give
 * way to an upgrade prompt.
 *
 * Below 48rem the links fold behind a menu button (`aria-expanded`,
 * `aria-controls`); Escape closes it and returns focus to the button. On wider
 * screens the links are always shown.
 *
 * The links are the page's, so their URLs are too: list only pages that exist.
 * Outside a <caseflow-portal> it shows only a message saying so (part `error`).
 *
 * @tag caseflow-nav
 * @slot - The links, e.g. `<a href="/clients/" data-section="invoices">Invoices</a>`; mark the current one with `aria-current="page"`.
 * @csspart base - The `<nav>` landmark; carries `data-state` (pending | ready | locked).
 * @csspart toggle - The menu button shown on narrow screens; carries `aria-expanded`.
 * @csspart links - The links' container (folded on narrow screens until the menu button opens it).
 * @csspart upgrade - The upgrade prompt shown on a plan without the portal.
 * @csspart error - The message shown outside a <caseflow-portal>.
 * @event caseflow-error - Inherited from the widget base; this widget calls no API, so it never fires it.
 * @cssprop --caseflow-color-primary - Accent of the upgrade prompt.
 * @cssprop --caseflow-color-surface - Background of the upgrade prompt.
 */
export class CaseflowNav extends CaseflowElement {
  static override styles = navStyles;

  /**
   * Accessible name of the navigation landmark; without it, "Client portal" in the page's language.
   * @type {string}
   */
  @property() label?: string;

  /** Whether the menu button has unfolded the links (narrow screens only). */
  @state() private open = false;

  private get navState(): NavState {
    if (!this.profile) return 'pending';
    return this.profile.firm.plan === 'solo' ? 'locked' : 'ready';
  }

  protected override render() {
    if (this.outsidePortal) return this.renderOutsidePortal();
    const state = this.navState;
    return html`
      <nav part="base" aria-label=${this.label ?? messages.label} data-state=${state}>
        ${
          state === 'locked'
            ? html`<p part="upgrade" class="upgrade">${messages.upgrade(this.profile!.firm.name)}</p>`
            : nothing
        }
        <button
          part="toggle"
          class="toggle"
          type="button"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="links"
          @click=${() => (this.open = !this.open)}
        >
          <span class="bars" aria-hidden="true"></span>${messages.menu}
        </button>
        <div part="links" class="links" id="links" data-open=${this.open ? 'true' : 'false'} @keydown=${this.onKeydown}>
          <slot @slotchange=${this.filterLinks}></slot>
        </div>
      </nav>
    `;
  }

  protected override updated(): void {
    this.filterLinks();
  }

  /** Escape in the unfolded menu folds it and gives focus back to the menu button. */
  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open) return;
    event.preventDefault();
    this.open = false;
    this.renderRoot.querySelector<HTMLButtonElement>('[part="toggle"]')?.focus();
  };

  /** Hides every slotted element whose section this contact may not use (all of them while unknown or locked). */
  private filterLinks = (): void => {
    const slot = this.renderRoot.querySelector('slot');
    if (!slot) return;
    const state = this.navState;
    const permitted = new Set<string>(this.profile?.permissions ?? []);
    for (const element of slot.assignedElements({ flatten: true })) {
      if (!(element instanceof HTMLElement)) continue;
      const section = element.dataset.section;
      element.hidden = section !== undefined && (state !== 'ready' || !permitted.has(section));
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-nav': CaseflowNav;
  }
}
