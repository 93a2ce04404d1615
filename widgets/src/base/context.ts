import type { PortalClient } from '../../../sdk/portal-client.js';
import type { PortalProfile } from '../../../sdk/schemas/portal-auth.js';

// The community context protocol (webcomponents-cg/community-protocols, "context"),
// the one @lit/context speaks, in the few lines the portal and the widget base
// need: the portal answers `context-request` events, a widget sends one while
// connecting and is called again whenever the value changes. @lit/context itself
// costs four times as much in every widget's download; its `@consume` still
// works against this provider, since both speak the same events.

/**
 * A context key, typed by the value it carries (the same shape as @lit/context's
 * `Context<symbol, T>`). Registered symbols (Symbol.for), so two copies of the
 * bundle on one page still talk to each other's <caseflow-portal>.
 */
export type Context<T> = symbol & { __context__: T };

/** The API client of the nearest <caseflow-portal>; replaced when its auth changes. */
export const clientContext = Symbol.for('caseflow.client') as Context<PortalClient | undefined>;

/** The signed-in contact, client and firm (locale, currency), once known. */
export const profileContext = Symbol.for('caseflow.profile') as Context<PortalProfile | undefined>;

type Callback<T> = (value: T, unsubscribe?: () => void) => void;

/** The protocol's request: bubbles and crosses shadow roots until the nearest provider of `context` answers. */
export class ContextRequestEvent<T> extends Event {
  constructor(
    readonly context: Context<T>,
    readonly contextTarget: Element,
    readonly callback: Callback<T>,
    readonly subscribe?: boolean,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}

/** Provides `value` to the requests from inside `host`; `set` calls every subscriber again. */
export class ContextProvider<T> {
  readonly #subscribers = new Map<Callback<T>, () => void>();

  constructor(
    host: Element,
    context: Context<T>,
    public value: T,
  ) {
    host.addEventListener('context-request', (event) => {
      const request = event as ContextRequestEvent<T>;
      if (request.context !== context || request.contextTarget === host) return;
      event.stopPropagation();
      const { callback } = request;
      if (!request.subscribe) return callback(this.value);
      if (!this.#subscribers.has(callback)) this.#subscribers.set(callback, () => this.#subscribers.delete(callback));
      callback(this.value, this.#subscribers.get(callback));
    });
  }

  set(value: T): void {
    if (value === this.value) return;
    this.value = value;
    for (const [callback, unsubscribe] of this.#subscribers) callback(value, unsubscribe);
  }
}

/**
 * Asks the nearest provider of `context` for its value, now and on every change
 * (synchronously: a provider already connected answers before this returns).
 * Returns the unsubscribe function, for when `host` disconnects.
 */
export function consume<T>(host: Element, context: Context<T>, set: (value: T) => void): () => void {
  let unsubscribe: (() => void) | undefined;
  host.dispatchEvent(
    new ContextRequestEvent<T>(
      context,
      host,
      (value, next) => {
        // Another provider answered (re-parented): leave the old one.
        if (unsubscribe !== next) unsubscribe?.();
        unsubscribe = next;
        set(value);
      },
      true,
    ),
  );
  return () => unsubscribe?.();
}
