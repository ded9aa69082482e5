/**
 * Polls `check` until it gives a value, or fails naming `what` after `withinMs`. For what reaches its
 * reader asynchronously by design, e.g. a write reaching search through the table's stream (issue 18):
 * a deadline, never a fixed sleep.
 */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, withinMs = 20_000, everyMs = 150): Promise<T> {
  const until = Date.now() + withinMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`not within ${withinMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Until the public search of a process (`?q=`) lists the idea: its write has reached the index. */
export async function untilSearchFinds(apiUrl: string, processId: string, q: string, ideaId: string): Promise<void> {
  await eventually(`search for "${q}" lists ${ideaId}`, async () => {
    const res = await fetch(`${apiUrl}/processes/${processId}/ideas?q=${encodeURIComponent(q)}`);
    const body = (await res.json()) as { items?: { id: string }[] };
    return body.items?.some((i) => i.id === ideaId) ? true : undefined;
  });
}
