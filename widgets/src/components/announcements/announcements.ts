import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { PortalClient } from '../../../../sdk/portal-client.js';
import type { PortalAnnouncement } from '../../../../sdk/schemas/announcements.js';
import type { PortalProfile } from '../../../../sdk/schemas/portal-auth.js';
import { clientContext, profileContext } from '../../base/context.js';
import { describeError } from '../../base/errors.js';
import { usableLocale } from '../../base/locale.js';
import { CaseflowErrorEvent } from '../../events/caseflow-error.js';
import { announcementsStyles } from './announcements.styles.js';
import { formatTimestampDate } from '../../../../sdk/format.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  loading: 'Loading announcements…',
  empty: 'No announcements from your firm yet.',
  unread: 'New',
  markRead: 'Mark as read',
  published: (date: string) => `Published ${date}`,
  noPortal: 'This list must be placed inside <caseflow-portal>.',
  all: 'All announcements',
};

/**
 * The firm's published announcements, newest first (the 100 most recent). An
 * unread one is marked "New" and has a "Mark as read" button. On a plan
 * without the portal it shows nothing (the navigation shows the upgrade prompt).
 * With `unread-only` (the hosted home page) it lists the unread ones and is
 * `hidden` while there are none, so it takes no room.
 *
 * @tag caseflow-announcements
 * @csspart list - The list.
 * @csspart item - Each announcement; carries `data-announcement-id` and `data-read` (true | false).
 * @csspart title - Each title (a heading).
 * @csspart unread - The "New" badge of an unread announcement.
 * @csspart mark-read - The "Mark as read" button of an unread announcement.
 * @csspart message - The loading and empty messages (`role="status"`).
 * @csspart error - The region announcing a failure (`aria-live="assertive"`).
 * @csspart all-link - The link to every announcement (with `all-href`).
 * @event caseflow-error - A call failed; `detail` is `{ code, message, status? }`.
 * @cssprop --caseflow-color-primary - Accent of unread announcements.
 */
export class CaseflowAnnouncements extends LitElement {
  static override styles = announcementsStyles;

  /** BCP 47 locale for dates; defaults to the firm's locale. */
  @property() locale?: string;

  /** List only the unread announcements, and hide the whole widget while there are none. */
  @property({ type: Boolean, attribute: 'unread-only' }) unreadOnly = false;

  /** Where every announcement is listed; shown as a link under the list. */
  @property({ attribute: 'all-href' }) allHref?: string;

  @consume({ context: clientContext, subscribe: true })
  @state()
  private client?: PortalClient;

  @consume({ context: profileContext, subscribe: true })
  @state()
  private profile?: PortalProfile;

  @state() private announcements?: PortalAnnouncement[];
  @state() private error = '';
  @state() private marking?: string;
  @state() private lastRead?: string;

  protected override willUpdate(changed: PropertyValues): void {
    // The portal sets a new profile whenever its client changes: one load per session.
    if (changed.has('profile') && this.client && this.profile) {
      if (this.profile.firm.plan !== 'solo') void this.load(this.client);
    }
    if (this.unreadOnly) this.hidden = !this.error && !this.announcements?.some((a) => this.showsUnread(a));
  }

  private async load(client: PortalClient): Promise<void> {
    try {
      const page = await client.announcements.list({ limit: 100 });
      if (client === this.client) this.announcements = page.data;
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    const detail = describeError(error);
    if (detail.status === 402) return;
    this.error = detail.message;
    this.dispatchEvent(new CaseflowErrorEvent(detail));
  }

  private async markRead(id: string): Promise<void> {
    if (!this.client || this.marking) return;
    this.marking = id;
    this.error = '';
    try {
      const read = await this.client.announcements.markRead(id);
      this.lastRead = id;
      this.announcements = this.announcements?.map((a) => (a.id === id ? read : a));
    } catch (error) {
      this.fail(error);
    } finally {
      this.marking = undefined;
    }
  }

  /** In the unread-only list: unread, or just marked read here (it stays until the next load). */
  private showsUnread(a: PortalAnnouncement): boolean {
    return !a.read_at || a.id === this.lastRead;
  }

  protected override render() {
    if (!this.client) return html`<p part="error" class="error" aria-live="assertive">${messages.noPortal}</p>`;
    if (this.profile?.firm.plan === 'solo') return nothing;
    const list = this.unreadOnly ? this.announcements?.filter((a) => this.showsUnread(a)) : this.announcements;
    const locale = usableLocale(this.locale ?? this.profile?.firm.locale);
    const status = !list ? messages.loading : list.length === 0 ? messages.empty : '';
    return html`
      <p part="message" class="message" role="status">${status}</p>
      ${
        list?.length
          ? html`<ul part="list">
              ${list.map(
                (a) =>
                  html`<li part="item" data-announcement-id=${a.id} data-read=${a.read_at ? 'true' : 'false'}>
                    <h2 part="title">
                      ${a.title}${a.read_at ? nothing : html`<span part="unread" class="badge">${messages.unread}</span>`}
                    </h2>
                    <p class="meta">
                      ${messages.published(formatTimestampDate(a.published_at, locale, this.profile?.firm.timezone))}
                    </p>
                    <p class="body">${a.body}</p>
                    ${
                      a.read_at
                        ? nothing
                        : html`<button
                            part="mark-read"
                            type="button"
                            ?disabled=${this.marking === a.id}
                            @click=${() => this.markRead(a.id)}
                          >
                            ${messages.markRead}
                          </button>`
                    }
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${this.allHref && list?.length ? html`<p><a part="all-link" href=${this.allHref}>${messages.all}</a></p>` : nothing}
      <p part="error" class="error" aria-live="assertive">${this.error}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-announcements': CaseflowAnnouncements;
  }
}
