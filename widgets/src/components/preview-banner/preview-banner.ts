import { LitElement, html } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { PortalProfile } from '../../../../sdk/schemas/portal-auth.js';
import { profileContext } from '../../base/context.js';
import { previewBannerStyles } from './preview-banner.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  previewAs: (name: string) => `Admin preview as ${name}`,
  openedBy: (admin: string) => ` · opened by ${admin}; closing this tab ends it.`,
};

/**
 * A discreet notice that the portal is shown in an admin preview ("login as
 * client"): information only, no button. Renders nothing (and is `hidden`)
 * unless the session of the surrounding <caseflow-portal> is a preview.
 *
 * @tag caseflow-preview-banner
 * @csspart banner - The notice (`role="status"`).
 * @csspart detail - Who opened the preview.
 * @cssprop --caseflow-preview-background - Background of the notice.
 * @cssprop --caseflow-preview-border - Its dashed border colour.
 * @cssprop --caseflow-preview-color - Its text colour.
 */
export class CaseflowPreviewBanner extends LitElement {
  static override styles = previewBannerStyles;

  @consume({ context: profileContext, subscribe: true })
  @state()
  private profile?: PortalProfile;

  protected override willUpdate(): void {
    this.hidden = this.profile?.session.kind !== 'preview';
  }

  protected override render() {
    const profile = this.profile;
    if (!profile || profile.session.kind !== 'preview') return html``;
    const impersonator = profile.session.impersonator;
    return html`<p part="banner" class="banner" role="status">
      <strong>${messages.previewAs(`${profile.contact.first_name} ${profile.contact.last_name}`)}</strong
      >${impersonator ? html`<span part="detail" class="detail">${messages.openedBy(impersonator.name)}</span>` : ''}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-preview-banner': CaseflowPreviewBanner;
  }
}
