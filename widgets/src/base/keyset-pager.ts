import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { List } from '../../../sdk/schemas/common.js';
import { CaseflowErrorEvent } from '../events/caseflow-error.js';
import { describeError, type ErrorDetail } from './errors.js';
import { renderStatus, type LoadState, type StatusMessages } from './status.js';

export interface PagerMessages extends Omit<StatusMessages, 'empty'> {
  loadMore: string;
  loadingMore: string;
  /** Replace the server's words for these HTTP statuses (sign in, plan upgrade). */
  statuses: Partial<Record<number, string>>;
}

/**
 * A keyset-paginated list for a widget: the rows fetched so far, the next
 * cursor, loading and error state, "Load more" and "Retry". Answers of a load
 * that a newer one replaced are dropped, and a failure is announced with
 * `caseflow-error` from the host.
 */
export class KeysetPager<T> {
  items: T[] = [];
  nextCursor: string | null = null;
  loading = false;
  /** The failure shown; the host may set its own (a refused payment, a missing portal). */
  error?: ErrorDetail;

  /** Cursor of the page that failed (null: the first), so Retry repeats exactly that. */
  #failedCursor: string | null = null;
  /** Increases with every load; an answer for an older one is dropped. */
  #generation = 0;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #fetchPage: (cursor: string | null) => PromiseLike<List<T>>;
  /** The words, asked for each time they are shown: the page's language may have changed. */
  readonly #messages: () => PagerMessages;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    fetchPage: (cursor: string | null) => PromiseLike<List<T>>,
    messages: () => PagerMessages,
  ) {
    this.#host = host;
    this.#fetchPage = fetchPage;
    this.#messages = messages;
  }

  get state(): LoadState {
    if (this.error) return 'error';
    if (this.loading) return 'loading';
    return this.items.length ? 'ready' : 'empty';
  }

  /** Reports a failure: shown by the list and announced with `caseflow-error`. */
  fail(error: unknown): void {
    this.error = describeError(error, this.#messages().statuses);
    this.#host.dispatchEvent(new CaseflowErrorEvent(this.error));
    this.#host.requestUpdate();
  }

  /** Loads the page after `cursor`; null starts over (new credentials must never show the old rows). */
  async load(cursor: string | null): Promise<void> {
    const generation = ++this.#generation;
    this.loading = true;
    this.error = undefined;
    if (cursor === null) {
      this.items = [];
      this.nextCursor = null;
    }
    this.#host.requestUpdate();
    try {
      const page = await this.#fetchPage(cursor);
      if (generation !== this.#generation) return;
      this.items = cursor ? [...this.items, ...page.data] : page.data;
      this.nextCursor = page.has_more ? page.next_cursor : null;
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#failedCursor = cursor;
      this.fail(error);
    } finally {
      if (generation === this.#generation) {
        this.loading = false;
        this.#host.requestUpdate();
      }
    }
  }

  loadMore = (): void => {
    if (!this.loading && this.nextCursor) void this.load(this.nextCursor);
  };

  retry = (): void => {
    void this.load(this.#failedCursor);
  };

  /** The loading message or `empty`, the failure with Retry when it can help, and "Load more" (part `load-more`). */
  status(empty: string) {
    const state = this.loading && this.items.length ? 'ready' : this.state;
    const messages = this.#messages();
    return html`
      ${renderStatus(state, this.error, { ...messages, empty }, this.retry)}
      ${
        this.nextCursor && !this.error
          ? html`<button part="load-more" class="secondary" type="button" @click=${this.loadMore}>
              ${this.loading ? messages.loadingMore : messages.loadMore}
            </button>`
          : nothing
      }
    `;
  }
}

/** A page size attribute as the API takes it: a whole number from 1 to 100 (default 25). */
export const pageSize = (limit: number): number => Math.min(100, Math.max(1, Math.trunc(limit) || 25));
