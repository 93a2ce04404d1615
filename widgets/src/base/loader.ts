import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PortalClient } from '../../../sdk/portal-client.js';
import type { ErrorDetail } from './errors.js';
import type { LoadState } from './status.js';

export interface LoaderOptions<T> {
  /** The client to load with; nothing loads while there is none. */
  client: () => PortalClient | undefined;
  load: (client: PortalClient) => PromiseLike<T>;
  /** Values that start a new load when they change (the client always does). */
  args?: () => readonly unknown[];
  /** Whether a loaded value counts as empty (an empty list, say). */
  isEmpty?: (value: T) => boolean;
  /** Describes and announces a failure (the widget's `report`). */
  report: (error: unknown) => ErrorDetail;
}

/**
 * One value a widget loads: loading, ready, empty or failed. Loads again when
 * the client or an argument changes; an answer for an older load is dropped.
 */
export class Loader<T> implements ReactiveController {
  value?: T;
  error?: ErrorDetail;
  loading = false;

  private key?: readonly unknown[];
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LoaderOptions<T>,
  ) {
    host.addController(this);
  }

  get state(): LoadState {
    if (this.error) return 'error';
    if (this.loading || this.value === undefined) return 'loading';
    return this.options.isEmpty?.(this.value) ? 'empty' : 'ready';
  }

  hostUpdate(): void {
    const client = this.options.client();
    if (!client) return;
    const key = [client, ...(this.options.args?.() ?? [])];
    if (this.key && key.length === this.key.length && key.every((v, i) => v === this.key![i])) return;
    // Other credentials or arguments: the old value must not stay on screen while the new one loads.
    if (this.key) this.value = undefined;
    this.key = key;
    void this.run(client);
  }

  /** Shows a failure the widget met itself (a refused action), with Retry when it can help. */
  fail(error: unknown): void {
    this.error = this.options.report(error);
    this.host.requestUpdate();
  }

  retry = (): void => {
    const client = this.options.client();
    if (client) void this.run(client);
  };

  private async run(client: PortalClient): Promise<void> {
    const generation = ++this.generation;
    this.loading = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const value = await this.options.load(client);
      if (generation === this.generation) this.value = value;
    } catch (error) {
      if (generation === this.generation) this.error = this.options.report(error);
    } finally {
      if (generation === this.generation) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }
}
