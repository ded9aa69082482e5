// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord, CommentRecord, FlagRecord, IdeaChange, IdeaRecord, ModerationStore, QueueEntry } from '../../domain/ports';
import { auditPuts as auditPutsOf, auditReader } from './audit';
import { decodeCursor, encodeCursor } from './cursor';
import { fromItem as ideaFromItem, ideaIndexAttributes } from './ideas';
import { keys } from './keys';
import { countAll, queryAll } from './query';
import { transact, type TransactItems } from './transactions';
import { carryVotes } from './vote-carry';

/**
 * Access patterns for moderation:
 * - the queue of a process by kind, oldest first: index `queue`, gsiQueue = PROC#<id>#QUEUE#<kind>;
 * - counts of both queues: the same Queries with Select COUNT;
 * - the flags on a target (reasons only are shown): Query the idea partition, FLAG#IDEA# / FLAG#COMMENT#<id>#;
 * - the audit log: written here in the transaction of each decision, read in audit.ts.
 */
const LEAVE_ATTEMPTS = 5;

/**
 * The merged idea onto the target's list. A merge needs a public target (gsiList is set only on
 * public ideas); a restore also takes a target that is itself merged on (a chain).
 */
function joinMerged(table: string, source: IdeaRecord, targetId: string, at: string, restoring: boolean): TransactItems[number] {
  return {
    Update: {
      TableName: table,
      Key: keys.idea(targetId),
      UpdateExpression: 'SET mergedFrom = list_append(if_not_exists(mergedFrom, :empty), :ids), updatedAt = :now',
      ConditionExpression: `${restoring ? '(attribute_exists(gsiList) OR #status = :merged)' : 'attribute_exists(gsiList)'} AND processId = :pid`,
      ...(restoring ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
      ExpressionAttributeValues: { ':empty': [], ':ids': [source.id], ':now': at, ':pid': source.processId, ...(restoring ? { ':merged': 'merged' } : {}) },
    },
  };
}

/** The merged idea off the target's list, by its position now (nothing to do when it is not listed). */
async function leaveMerged(client: DynamoDBDocumentClient, table: string, sourceId: string, targetId: string, at: string): Promise<TransactItems[number] | undefined> {
  const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.idea(targetId), ProjectionExpression: 'mergedFrom', ConsistentRead: true }));
  const listed = Array.isArray(Item?.mergedFrom) ? (Item.mergedFrom as string[]) : [];
  const position = listed.indexOf(sourceId);
  if (position < 0) return undefined;
  return {
    Update: {
      TableName: table,
      Key: keys.idea(targetId),
      UpdateExpression: `REMOVE mergedFrom[${position}] SET updatedAt = :now`,
      ConditionExpression: `mergedFrom[${position}] = :id`,
      ExpressionAttributeValues: { ':id': sourceId, ':now': at },
    },
  };
}

export function moderationStore(client: DynamoDBDocumentClient, table: string): ModerationStore {
  const auditPuts = (audit: AuditRecord) => auditPutsOf(table, audit);

  return {
    ...auditReader(client, table),

    async queue(processId, kind, limit, cursor) {
      const partition = keys.queue(processId, kind);
      const keyNames = ['pk', 'sk', 'gsiQueue', 'queuedAt'];
      const page = await client.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'queue',
          KeyConditionExpression: 'gsiQueue = :q',
          ExpressionAttributeValues: { ':q': partition },
          ScanIndexForward: true,
          Limit: limit + 1,
          ExclusiveStartKey: cursor ? decodeCursor(cursor, 'queue', { gsiQueue: partition }, keyNames) : undefined,
        }),
      );
      const found = page.Items ?? [];
      const items = found.slice(0, limit);
      const last = items[items.length - 1];
      return {
        items: items.map(
          (item): QueueEntry =>
            item.type === 'comment'
              ? { kind: 'comment', comment: item as unknown as CommentRecord, queuedAt: item.queuedAt as string }
              : { kind: 'idea', idea: ideaFromItem(item), queuedAt: item.queuedAt as string },
        ),
        nextCursor: found.length > limit && last ? encodeCursor('queue', Object.fromEntries(keyNames.map((k) => [k, last[k] as string]))) : null,
      };
    },

    async queueCounts(processId) {
      const count = (partition: string) =>
        countAll(client, {
          TableName: table,
          IndexName: 'queue',
          KeyConditionExpression: 'gsiQueue = :q',
          ExpressionAttributeValues: { ':q': partition },
        });
      const [pending, flagged, responses] = await Promise.all([
        count(keys.queue(processId, 'pending')),
        count(keys.queue(processId, 'flagged')),
        count(keys.consultResponseQueue(processId)),
      ]);
      return { pending, flagged, responses };
    },

    async flagsOn(ideaId, commentId, since) {
      const prefix = keys.flag(ideaId, { commentId }, '').sk;
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ...(since ? { FilterExpression: 'createdAt >= :since' } : {}),
        ExpressionAttributeValues: { ':pk': keys.idea(ideaId).pk, ':prefix': prefix, ...(since ? { ':since': since } : {}) },
      });
      return items as unknown as FlagRecord[];
    },

    async changeIdea(expected, change, audit, now, link) {
      const at = now.toISOString();
      const set: Record<string, unknown> = { status: change.status, updatedAt: at };
      const remove: string[] = [];
      const optional = (name: keyof IdeaChange, value: unknown) => {
        if (value === undefined) return;
        if (value === null || value === '') remove.push(name);
        else set[name] = value;
      };
      optional('previousStatus', change.previousStatus);
      optional('moderationReason', change.moderationReason);
      optional('mergedInto', change.mergedInto);
      optional('officialAnswer', change.officialAnswer);
      optional('answerDeadline', change.answerDeadline);
      if (change.held) set.held = true;
      else remove.push('held');
      if (change.resetFlags) Object.assign(set, { flagCount: 0, flagsResetAt: at });
      const index = ideaIndexAttributes({ ...expected, status: change.status, held: change.held }, at);
      Object.assign(set, index.set);
      remove.push(...index.remove);

      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      const setParts = Object.entries(set).map(([k, v], i) => {
        names[`#s${i}`] = k;
        values[`:s${i}`] = v;
        return `#s${i} = :s${i}`;
      });
      const removeParts = remove.map((k, i) => {
        names[`#r${i}`] = k;
        return `#r${i}`;
      });
      names['#expStatus'] = 'status';
      names['#held'] = 'held';
      values[':expStatus'] = expected.status;
      const decision: TransactItems = [
        {
          Update: {
            TableName: table,
            Key: keys.idea(expected.id),
            UpdateExpression: `SET ${setParts.join(', ')}${removeParts.length ? ` REMOVE ${removeParts.join(', ')}` : ''}`,
            // Still in the state the moderator decided on: two moderators acting at once cannot both win.
            ConditionExpression: `#expStatus = :expStatus AND ${expected.held ? 'attribute_exists(#held)' : 'attribute_not_exists(#held)'}`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
        ...auditPuts(audit),
      ];
      if (!link || 'join' in link) return (await transact(client, [...decision, ...(link ? [joinMerged(table, expected, link.join, at, !!link.restoring)] : [])])).ok;
      // Leaving the list removes the entry by its position, read just before: another idea leaving
      // the same list meanwhile moves it, which fails only the list's condition, so read again.
      for (let attempt = 0; attempt < LEAVE_ATTEMPTS; attempt++) {
        const leave = await leaveMerged(client, table, expected.id, link.leave, at);
        const outcome = await transact(client, [...decision, ...(leave ? [leave] : [])]);
        if (outcome.ok || !outcome.failed[decision.length]) return outcome.ok;
      }
      return false;
    },

    carryVotes: (source, targetId, now, deadline) => carryVotes(client, table, source, targetId, now, deadline),

    async changeComment(expected, state, audit, now) {
      const outcome = await transact(client, [
        {
          Update: {
            TableName: table,
            Key: keys.comment(expected.ideaId, expected.id, expected.parentId),
            UpdateExpression: `SET #state = :state, updatedAt = :now${state === 'visible' ? ', flagCount = :zero, flagsResetAt = :now' : ''} REMOVE gsiQueue, queuedAt`,
            ConditionExpression: '#state = :expected',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':state': state, ':now': now.toISOString(), ':expected': expected.state, ...(state === 'visible' ? { ':zero': 0 } : {}) },
          },
        },
        ...auditPuts(audit),
      ]);
      return outcome.ok;
    },

    async setBlocked(userId, blocked, audit) {
      const outcome = await transact(client, [
        {
          Update: {
            TableName: table,
            Key: keys.profile(userId),
            UpdateExpression: blocked ? 'SET blocked = :true' : 'REMOVE blocked',
            ConditionExpression: 'attribute_exists(pk)',
            ...(blocked ? { ExpressionAttributeValues: { ':true': true } } : {}),
          },
        },
        ...auditPuts(audit),
      ]);
      return outcome.ok;
    },

    async appendAudit(audit) {
      await transact(client, auditPuts(audit));
    },

    async overdue(processId, today) {
      const items = await queryAll(client, {
        TableName: table,
        IndexName: 'listNew',
        KeyConditionExpression: 'gsiList = :p',
        FilterExpression: 'answerDeadline < :today AND attribute_not_exists(officialAnswer)',
        ExpressionAttributeValues: { ':p': keys.processList(processId), ':today': today },
      });
      return items.map(ideaFromItem) as IdeaRecord[];
    },
  };
}
