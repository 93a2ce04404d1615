import { html, nothing } from 'lit';
import { CaseflowElement } from '../../base/element.js';
import { msg } from '../../base/localize.js';
import { previewBannerStyles } from './preview-banner.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  previewAs: (name: string) => msg('Admin preview as {name}', { name }),
  openedBy: (admin: string) => msg('opened by {admin}; closing this tab ends it.', { admin }),
};

/**
 * A discreet notice that the portal is shown in an admin preview ("login as
 * client"): information only, no button. Renders nothing (and is `hidden`)
 * unless the session of the surrounding <caseflow-portal> is a preview.
 * Outside a portal it shows only a message saying so (part `error`).
 *
 * @tag caseflow-preview-banner
 * @csspart banner - The notice (`role="status"`).
 * @csspart title - "Admin preview as {name}".
 * @csspart detail - Who opened the preview.
 * @csspart error - The message shown outside a <caseflow-portal>.
 * @event caseflow-error - Inherited from the widget base; this widget calls no API, so it never fires it.
 * @cssprop --caseflow-preview-background - Background of the notice (default: a tint of `--caseflow-color-warning` on the surface).
 * @cssprop --caseflow-preview-border - Its dashed border colour (default: `--caseflow-color-warning`).
 * @cssprop --caseflow-preview-color - Its text colour (default: `--caseflow-color-text`).
 */
export class CaseflowPreviewBanner extends CaseflowElement {
  static override styles = previewBannerStyles;

  private get previewing(): boolean {
    return this.profile?.session.kind === 'preview';
  }

  // The hosted pages start it `hidden`; a misplaced banner must still say why it shows nothing.
  protected override willUpdate(): void {
    this.hidden = !this.outsidePortal && !this.previewing;
  }

  protected override render() {
    if (this.outsidePortal) return this.renderOutsidePortal();
    const profile = this.profile;
    if (!profile || !this.previewing) return nothing;
    const impersonator = profile.session.impersonator;
    return html`<p part="banner" class="banner" role="status">
      <strong part="title">${messages.previewAs(`${profile.contact.first_name} ${profile.contact.last_name}`)}</strong
      >${impersonator ? html`<span part="detail" class="detail"> · ${messages.openedBy(impersonator.name)}</span>` : nothing}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-preview-banner': CaseflowPreviewBanner;
  }
}
