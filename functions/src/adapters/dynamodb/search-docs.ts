// (projector, search cache) --> (secondary adapter) --> DynamoDB
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SearchChange, SearchDoc, SearchDocStore, SearchKind } from '../../domain/ports/search';
import { changeTarget, searchKindOf } from '../../domain/search/documents';
import { batchGet } from './batch';
import { keys } from './keys';
import { queryAll } from './query';

/**
 * Search documents and their change log (issue 18), written by the stream projector alone:
 * - a process's documents of one kind: one partition, SEARCH#<processId>#<ideas|comments>, sk <id>,
 *   the document in `doc` with the `version` that wrote it; a cold index reads it whole (`all`);
 * - the change log beside it, SEARCHLOG#<processId>#<kind>, sk <at>#<id>: only the id, so a warm index
 *   reads the few changes since its last look with one Query and BatchGets their current documents.
 *   The log holds no text and no names, so erasure leaves nothing behind in it; entries expire after
 *   LOG_DAYS (the table's TTL), and a reader further back than that is told to load everything again.
 * - a removed item's document becomes a tombstone (removed, version, expiring with the log), so a late
 *   record of the item, older than its removal, cannot bring the document back.
 *
 * Each change writes its log entry first, then its document on condition that the stored version is
 * older. A failure between the two leaves a log entry for an unchanged document (a reader fetches it
 * for nothing) and the projector writes both again; the other order could lose the entry for good.
 */
export const LOG_DAYS = 2;
const LOG_SECONDS = LOG_DAYS * 24 * 3600;
/** A reader asking from less than this before the log's end of life reloads anyway: clocks differ. */
const LOG_MARGIN_MS = 10 * 60 * 1000;
/** More changes than this since a reader's last look: loading everything again is cheaper than the log. */
export const MAX_LOG_ENTRIES = 2000;
/** Writes in flight at once for a batch of changes (one item's changes come deduplicated by the projector). */
const CONCURRENCY = 16;

export function searchDocStore(client: DynamoDBDocumentClient, table: string, clock: () => Date = () => new Date()): SearchDocStore {
  async function applyOne(change: SearchChange, at: string, expiresAt: number): Promise<void> {
    const { kind, id, processId } = changeTarget(change);
    const partition = searchKindOf(kind);
    await client.send(new PutCommand({ TableName: table, Item: { ...keys.searchLogEntry(processId, partition, at, id), id, expiresAt } }));
    const item = 'doc' in change ? { doc: change.doc } : { removed: true, expiresAt };
    const newer = change.version === undefined ? {} : {
      // Newer than the stored document's version (an unversioned write stored '', older than any), or no document yet.
      ConditionExpression: 'attribute_not_exists(#v) OR #v < :v',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':v': change.version },
    };
    try {
      await client.send(
        new PutCommand({ TableName: table, Item: { ...keys.searchDoc(processId, partition, id), ...item, version: change.version ?? '' }, ...newer }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  return {
    async apply(changes, at) {
      const stamp = at.toISOString();
      const expiresAt = Math.floor(at.getTime() / 1000) + LOG_SECONDS;
      for (let i = 0; i < changes.length; i += CONCURRENCY) {
        await Promise.all(changes.slice(i, i + CONCURRENCY).map((c) => applyOne(c, stamp, expiresAt)));
      }
    },

    async all(processId, kind) {
      const loadedAt = clock().toISOString();
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        // Tombstones stay in the partition until they expire; the index never needs them.
        FilterExpression: 'attribute_not_exists(removed)',
        ProjectionExpression: '#doc',
        ExpressionAttributeNames: { '#doc': 'doc' },
        ExpressionAttributeValues: { ':pk': keys.searchDocs(processId, kind) },
      });
      return { docs: items.map((i) => i.doc as SearchDoc), loadedAt };
    },

    async changesSince(processId, kind, since) {
      const now = clock();
      const readAt = now.toISOString();
      const logReachesBack = new Date(now.getTime() - LOG_SECONDS * 1000 + LOG_MARGIN_MS).toISOString();
      if (since < logReachesBack) return { changes: [], readAt, complete: false };
      const entries = await queryAll(
        client,
        {
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND sk >= :since',
          // Strongly consistent: an entry written before this read began is in it.
          ConsistentRead: true,
          ProjectionExpression: 'id',
          ExpressionAttributeValues: { ':pk': keys.searchLog(processId, kind), ':since': since },
        },
        MAX_LOG_ENTRIES + 1,
      );
      if (entries.length > MAX_LOG_ENTRIES) return { changes: [], readAt, complete: false };
      return { changes: await currentDocs(processId, kind, lastSeenOrder(entries.map((e) => e.id as string))), readAt, complete: true };
    },
  };

  /** The documents as they are now, in the order given; a missing document or a tombstone is a removal. */
  async function currentDocs(processId: string, kind: SearchKind, ids: string[]): Promise<SearchChange[]> {
    const found = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < ids.length; i += 100) {
      const batch = ids.slice(i, i + 100).map((id) => keys.searchDoc(processId, kind, id));
      for (const item of await batchGet(client, table, batch, true, 'sk', 'doc', 'removed')) found.set(item.sk as string, item);
    }
    const docKind = kind === 'ideas' ? 'idea' : 'comment';
    return ids.map((id) => {
      const doc = found.get(id)?.doc as SearchDoc | undefined;
      return doc ? { doc } : { removed: { kind: docKind, id, processId } };
    });
  }
}

/** Each id once, where it last appears: the log is oldest first, so the order is that of each id's latest change. */
function lastSeenOrder(ids: string[]): string[] {
  const order = new Map<string, true>();
  for (const id of ids) {
    order.delete(id);
    order.set(id, true);
  }
  return [...order.keys()];
}
