import type { List } from './schemas/common.js';

/**
 * The answer of a list call: await it for one page, or iterate it with
 * `for await` to walk every item across pages.
 */
export class ListPromise<T> implements PromiseLike<List<T>>, AsyncIterable<T> {
  private readonly first: Promise<List<T>>;

  /** The first page is asked for at once, like any promise's work. */
  constructor(private readonly fetchPage: (startingAfter: string | undefined) => Promise<List<T>>) {
    this.first = fetchPage(undefined);
    // Whoever awaits or iterates still gets the error; an ignored list is no unhandled rejection.
    this.first.catch(() => undefined);
  }

  private firstPage(): Promise<List<T>> {
    return this.first;
  }

  then<R1 = List<T>, R2 = never>(
    onfulfilled?: ((value: List<T>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.firstPage().then(onfulfilled, onrejected);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let page = await this.firstPage();
    for (;;) {
      yield* page.data;
      if (!page.has_more || !page.next_cursor) return;
      page = await this.fetchPage(page.next_cursor);
    }
  }

  /** Collects every item of every page (mind the size of what you ask for). */
  async toArray(): Promise<T[]> {
    const all: T[] = [];
    for await (const item of this) all.push(item);
    return all;
  }
}
