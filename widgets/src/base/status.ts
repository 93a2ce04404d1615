import { html, nothing } from 'lit';
import type { ErrorDetail } from './errors.js';
import { msg } from './localize.js';

/** What a widget is doing, exposed as `data-state` on its `base` part for styling and tests. */
export type LoadState = 'loading' | 'ready' | 'empty' | 'error';

export interface StatusMessages {
  loading: string;
  empty: string;
}

/**
 * The three live regions every loading widget shows: the loading or empty
 * message (`role="status"`), the failure (`aria-live="assertive"`), and Retry
 * only when trying again can help. The regions stay in the page when empty, so
 * screen readers already track them when their first message arrives.
 */
export function renderStatus(
  state: LoadState,
  error: ErrorDetail | undefined,
  messages: StatusMessages,
  retry: () => void,
) {
  return html`
    <p part="message" class="message" role="status">
      ${state === 'loading' ? messages.loading : state === 'empty' ? messages.empty : ''}
    </p>
    <p part="error" class="error" aria-live="assertive">${error?.message ?? ''}</p>
    ${
      error?.retryable
        ? html`<button part="retry" class="secondary" type="button" @click=${retry}>${msg('Retry')}</button>`
        : nothing
    }
  `;
}
