import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PortalAnnouncement } from '../../../../sdk/schemas/announcements.js';
import { formatTimestampDate } from '../../../../sdk/format.js';
import { CaseflowElement } from '../../base/element.js';
import { msg } from '../../base/localize.js';
import { isolate } from '../../shared/languages.js';
import { describeError } from '../../base/errors.js';
import { Loader } from '../../base/loader.js';
import { renderStatus } from '../../base/status.js';
import { announcementsStyles } from './announcements.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  get loading() {
    return msg('Loading announcements…');
  },
  get empty() {
    return msg('No announcements from your firm yet.');
  },
  get unread() {
    return msg('New');
  },
  get markRead() {
    return msg('Mark as read');
  },
  published: (date: string) => msg('Published {date}', { date }),
  get all() {
    return msg('All announcements');
  },
};

/**
 * The firm's published announcements, newest first (the 100 most recent). An
 * unread one is marked "New" and has a "Mark as read" button. On a plan
 * without the portal it shows nothing (the navigation shows the upgrade prompt).
 * With `unread-only` (the hosted home page) it lists the unread ones and is
 * `hidden` while there are none, so it takes no room.
 *
 * @tag caseflow-announcements
 * @csspart base - Wrapper; carries `aria-busy` and `data-state` (loading | ready | empty | error).
 * @csspart list - The list.
 * @csspart item - Each announcement; carries `data-announcement-id` and `data-read` (true | false).
 * @csspart title - Each title (a heading).
 * @csspart unread - The "New" badge of an unread announcement.
 * @csspart meta - Each "Published {date}" line.
 * @csspart body - Each announcement's text.
 * @csspart mark-read - The "Mark as read" button of an unread announcement.
 * @csspart message - The loading and empty messages (`role="status"`).
 * @csspart error - The region announcing a failure (`aria-live="assertive"`).
 * @csspart retry - Retry, after a failure that trying again can help.
 * @csspart all-link - The link to every announcement (with `all-href`).
 * @event caseflow-error - A call failed; `detail` is `{ code, message, status?, retryable }`.
 * @cssprop --caseflow-color-link - Accent of unread announcements and their "New" badge.
 * @cssprop --caseflow-color-surface - Background of each announcement.
 * @cssprop --caseflow-radius-lg - Corner radius of each announcement.
 */
export class CaseflowAnnouncements extends CaseflowElement {
  static override styles = announcementsStyles;

  /** List only the unread announcements, and hide the whole widget while there are none. */
  @property({ type: Boolean, attribute: 'unread-only' }) unreadOnly = false;

  /** Where every announcement is listed; shown as a link under the list. */
  @property({ attribute: 'all-href' }) allHref?: string;

  /** The announcement being marked read. */
  @state() private marking?: string;
  /** The last one marked read here: the unread-only list keeps it until the next load. */
  @state() private lastRead?: string;

  private readonly announcements = new Loader<PortalAnnouncement[]>(this, {
    // The plan comes with the profile: nothing to load before it, nor on solo.
    client: () => (this.profile && this.profile.firm.plan !== 'solo' ? this.client : undefined),
    load: async (client) => (await client.announcements.list({ limit: 100 })).data,
    isEmpty: (list) => list.length === 0,
    report: (error) => this.reportUnlessPlan(error),
  });

  protected override willUpdate(): void {
    if (this.unreadOnly) this.hidden = !this.shownError() && !this.list()?.length;
  }

  protected override render() {
    if (this.outsidePortal) return this.renderOutsidePortal();
    if (this.profile?.firm.plan === 'solo') return nothing;
    const list = this.list();
    const error = this.shownError();
    const state = error ? 'error' : list && !list.length ? 'empty' : this.announcements.state;
    return html`
      <div part="base" class="base" aria-busy=${this.announcements.loading ? 'true' : 'false'} data-state=${state}>
        ${list?.length ? this.renderList(list) : nothing}
        ${
          this.allHref && list?.length
            ? html`<p class="all"><a part="all-link" href=${this.allHref}>${messages.all}</a></p>`
            : nothing
        }
        ${renderStatus(list?.length ? 'ready' : state, error, messages, this.announcements.retry)}
      </div>
    `;
  }

  private renderList(list: PortalAnnouncement[]) {
    const locale = this.effectiveLocale;
    return html`<ul part="list">
      ${list.map(
        (a) =>
          html`<li part="item" data-announcement-id=${a.id} data-read=${a.read_at ? 'true' : 'false'}>
            <h2 part="title">
              ${a.title}${a.read_at ? nothing : html`<span part="unread" class="badge">${messages.unread}</span>`}
            </h2>
            <p part="meta" class="meta">
              ${messages.published(isolate(this, formatTimestampDate(a.published_at, locale, this.timeZone), 'other'))}
            </p>
            <p part="body" class="body">${a.body}</p>
            ${
              a.read_at
                ? nothing
                : html`<button
                    part="mark-read"
                    class="secondary"
                    type="button"
                    ?disabled=${this.marking === a.id}
                    @click=${() => this.markRead(a.id)}
                  >
                    ${messages.markRead}
                  </button>`
            }
          </li>`,
      )}
    </ul>`;
  }

  /** What the widget lists: every announcement, or in the unread-only list those still to read. */
  private list(): PortalAnnouncement[] | undefined {
    const all = this.announcements.value;
    return this.unreadOnly ? all?.filter((a) => !a.read_at || a.id === this.lastRead) : all;
  }

  /** A plan without the portal is no failure here: the navigation shows the upgrade prompt. */
  private shownError() {
    const error = this.announcements.error;
    return error?.status === 402 ? undefined : error;
  }

  private reportUnlessPlan(error: unknown) {
    const detail = describeError(error);
    return detail.status === 402 ? detail : this.report(error);
  }

  private async markRead(id: string): Promise<void> {
    if (!this.client || this.marking) return;
    this.marking = id;
    this.announcements.error = undefined;
    try {
      const read = await this.client.announcements.markRead(id);
      this.lastRead = id;
      this.announcements.value = this.announcements.value?.map((a) => (a.id === id ? read : a));
    } catch (error) {
      this.announcements.fail(error);
    } finally {
      this.marking = undefined;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-announcements': CaseflowAnnouncements;
  }
}
