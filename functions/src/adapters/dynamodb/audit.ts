// use case --> (secondary adapter) --> DynamoDB
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord, ModerationStore } from '../../domain/ports';
import { batchGet } from './batch';
import { decodeCursor, encodeCursor } from './cursor';
import { keys } from './keys';
import { queryAll } from './query';
import type { TransactItems } from './transactions';

/**
 * Access patterns for the audit log:
 * - a process's log, newest first: AUDIT#<processId>, sort key the entry's ULID;
 * - one target's entries: the copy under AUDIT#T#<targetId>, filtered to the process asked about;
 * - by action and/or moderator: the same Queries with a FilterExpression (never a Scan). DynamoDB
 *   filters after it reads, so one request reads at most READ_BUDGET entries of the partition: a
 *   rare action far back gives short (even empty) pages, each with a cursor to read on from;
 * - who has written to a process's log (the moderator filter's choices): AUDITACTOR#<processId> /
 *   <actorId>, put with each entry (latest name wins);
 * - what a page's targets are called now: one BatchGet of ideas (title) and profiles (displayName).
 * Entries are only ever Put, with a condition that they do not exist: nothing updates or deletes them,
 * except the retention job, which takes a participant out of an erased process's entries (retention.ts).
 */

/** Entries one request may read past the filter before it answers with what it found and a cursor. */
export const READ_BUDGET = 1000;
/** Entries per Query when filtering: enough that a selective filter needs few round trips. */
const FILTERED_STEP = 200;

/** The writes that record one entry, for the transaction of the decision it records. */
export function auditPuts(table: string, audit: AuditRecord): TransactItems {
  return [
    { Put: { TableName: table, Item: { ...keys.audit(audit.processId, audit.id), type: 'audit', ...audit }, ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: table, Item: { ...keys.auditOfTarget(audit.targetId, audit.id), type: 'audit', ...audit }, ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: table, Item: { ...keys.auditActor(audit.processId, audit.actorId), type: 'auditActor', name: audit.actorName, at: audit.at } } },
  ];
}

/** `readBudget`: READ_BUDGET; a test makes it small to see short pages without writing a thousand entries. */
export function auditReader(client: DynamoDBDocumentClient, table: string, readBudget = READ_BUDGET): Pick<ModerationStore, 'log' | 'auditActors' | 'auditTargetNames'> {
  return {
    async log(processId, filter, limit, cursor) {
      const pk = filter.targetId ? keys.auditTargetPartition(filter.targetId) : keys.auditPartition(processId);
      const index = `audit:${pk}`;
      const conditions: string[] = [];
      const names: Record<string, string> = {};
      const values: Record<string, string> = { ':pk': pk };
      const where = (name: string, value: string | undefined) => {
        if (value === undefined) return;
        conditions.push(`#${name} = :${name}`);
        names[`#${name}`] = name;
        values[`:${name}`] = value;
      };
      // A target's entries are filtered to the process asked about.
      where('processId', filter.targetId ? processId : undefined);
      where('action', filter.action);
      where('actorId', filter.actorId);
      const filtered = conditions.length > 0;

      const found: Record<string, unknown>[] = [];
      let start = cursor ? decodeCursor(cursor, index, { pk }, ['pk', 'sk']) : undefined;
      let read = 0;
      for (;;) {
        // One entry beyond the page tells whether there is more, so the last page has no cursor.
        const need = limit + 1 - found.length;
        const page = await client.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            ...(filtered ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names } : {}),
            ExpressionAttributeValues: values,
            ScanIndexForward: false,
            Limit: filtered ? Math.min(Math.max(need, FILTERED_STEP), readBudget) : need,
            ExclusiveStartKey: start,
          }),
        );
        found.push(...(page.Items ?? []));
        read += page.ScannedCount ?? 0;
        start = page.LastEvaluatedKey as typeof start;
        if (found.length > limit) {
          const items = found.slice(0, limit);
          const last = items[limit - 1]!;
          return { items: items.map(toRecord), nextCursor: encodeCursor(index, { pk: last.pk as string, sk: last.sk as string }) };
        }
        if (!start) return { items: found.map(toRecord), nextCursor: null };
        if (read >= readBudget) return { items: found.map(toRecord), nextCursor: encodeCursor(index, start) };
      }
    },

    async auditActors(processId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditActorPartition(processId) },
      });
      return items.map((item) => ({ id: item.sk as string, name: item.name as string })).sort((a, b) => a.name.localeCompare(b.name, 'da'));
    },

    async auditTargetNames(ideaIds, userIds) {
      const ideaOf = new Map(ideaIds.map((id) => [keys.idea(id).pk, id]));
      const userOf = new Map(userIds.map((id) => [keys.profile(id).pk, id]));
      const wanted = [...ideaIds.map(keys.idea), ...userIds.map(keys.profile)];
      const found: Record<string, unknown>[] = [];
      for (let i = 0; i < wanted.length; i += 100) found.push(...(await batchGet(client, table, wanted.slice(i, i + 100), false, 'pk', 'title', 'displayName')));
      const ideaTitles = new Map<string, string>();
      const userNames = new Map<string, string>();
      for (const item of found) {
        const pk = item.pk as string;
        if (ideaOf.has(pk) && typeof item.title === 'string') ideaTitles.set(ideaOf.get(pk)!, item.title);
        if (userOf.has(pk) && typeof item.displayName === 'string') userNames.set(userOf.get(pk)!, item.displayName);
      }
      return { ideaTitles, userNames };
    },
  };
}

const toRecord = ({ pk: _pk, sk: _sk, type: _type, ...entry }: Record<string, unknown>) => entry as unknown as AuditRecord;
