// handlers/search-projector --> (use case) --> SearchDocStore
import type { SearchChange, SearchDocStore } from '../ports/search';
import { changeTarget, searchChangeOf } from './documents';

/** One write to a table item, as the stream tells it: the item before and after (either absent), in stream order. */
export interface ItemWrite {
  /** The stream record's sequence number: what a failure names, and the change's version. */
  sequenceNumber: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/**
 * Projects a batch of writes onto the search documents (the primary course):
 * 1. each write becomes its search change (documents.ts), or none: not an idea or comment, or nothing
 *    searchable changed (votes);
 * 2. of several writes to one document in the batch only the last counts: it is the newest state;
 * 3. the store applies them, each versioned by its record's sequence number, so a replayed or late
 *    record never overwrites a newer document.
 * Returns the sequence number from which the batch must be tried again (the stream's partial batch
 * failure: every record from there on comes again, and applying one twice changes nothing), or
 * undefined when everything is stored.
 */
export async function projectWrites(store: SearchDocStore, writes: ItemWrite[], at: Date): Promise<{ retryFrom?: string; applied: number }> {
  const latest = new Map<string, { index: number; change: SearchChange }>();
  writes.forEach((write, index) => {
    const change = searchChangeOf(write.before, write.after);
    if (!change) return;
    const { kind, id } = changeTarget(change);
    const key = `${kind}#${id}`;
    // Map order is first insertion: delete first, so the entry moves to where its latest write is.
    latest.delete(key);
    latest.set(key, { index, change: { ...change, version: versionOf(write.sequenceNumber) } });
  });
  const pending = [...latest.values()];
  const failed: number[] = [];
  let applied = 0;
  await Promise.all(
    chunks(pending, 25).map(async (chunk) => {
      try {
        await store.apply(chunk.map((p) => p.change), at);
        applied += chunk.length;
      } catch {
        // Retried from the earliest write of any failed chunk: every write before that one is stored.
        failed.push(Math.min(...chunk.map((p) => p.index)));
      }
    }),
  );
  return failed.length === 0 ? { applied } : { applied, retryFrom: writes[Math.min(...failed)]!.sequenceNumber };
}

/**
 * Stream sequence numbers are decimal strings of varying length that grow with time for one item;
 * zero-padded to a fixed width they compare as text, which is what the store's condition does.
 */
export const versionOf = (sequenceNumber: string) => sequenceNumber.padStart(40, '0');

const chunks = <T>(list: T[], size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
