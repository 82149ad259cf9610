/** Asks for a page now; a failure surfaces when the page is awaited, not as an unhandled rejection meanwhile. */
const ask = <T>(page: Promise<T>): Promise<T> => {
  page.catch(() => undefined);
  return page;
};

/**
 * The global log page by page, the next page already asked for while the caller works through
 * the current one: the server's work and the reader's overlap (the next cursor is known from the
 * last row, so the two queries share no connection state). A caller that stops early leaves one
 * page in flight, whose result nobody reads.
 */
export async function* pagedLog<T extends { checkpoint: string }>(
  readPage: (from: string | undefined, limit: number) => Promise<T[]>,
  from: string | undefined,
  batchSize: number,
): AsyncGenerator<T> {
  let next = ask(readPage(from, batchSize));
  for (;;) {
    const page = await next;
    const full = page.length === batchSize;
    if (full) next = ask(readPage(page[page.length - 1].checkpoint, batchSize));
    yield* page;
    if (!full) return;
  }
}
