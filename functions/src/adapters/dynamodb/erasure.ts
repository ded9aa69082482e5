// use case --> (secondary adapter) --> DynamoDB
import { DeleteCommand, GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ErasureStore } from '../../domain/ports';
import { keys } from './keys';
import { queryAll } from './query';
import { transact } from './transactions';

/**
 * Access patterns of an account's erasure beyond the byUser index (never a Scan):
 * - the user's own partitions, RATE#<userId> and MAILLOG#<userId>: a Query each, then Deletes;
 * - the audit entries about the user: their copies under AUDIT#T#<userId>, a Query; each is moved to
 *   AUDIT#T#<pseudonym> and its entry in AUDIT#<processId> gets the pseudonym, in one transaction;
 * - per process (the PROCESSES partition, plus `platform`, the log of decisions about accounts with
 *   nothing in a process): a Query of its log, its recommendations, its annex versions, its assisted
 *   citizens and its follow feed, each filtered to the user's id. Account deletion is rare and the
 *   processes few (tens), so reading them whole beats an index the other writes would have to keep.
 * Entries are otherwise only ever Put (audit.ts); this and the retention job are the only updates.
 */
export function erasureStore(client: DynamoDBDocumentClient, table: string): ErasureStore {
  const del = (key: { pk: string; sk: string }) => client.send(new DeleteCommand({ TableName: table, Key: key }));
  const keysOf = (items: Record<string, unknown>[]) => items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) }));
  /** A partition's items; with `filter`, those whose attributes it names hold the user's id (`:u`). */
  const partition = (pk: string, only?: { userId: string; filter: string }, projection?: string) =>
    queryAll(client, {
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ...(only ? { FilterExpression: only.filter } : {}),
      ...(projection ? { ProjectionExpression: projection } : {}),
      ExpressionAttributeValues: { ':pk': pk, ...(only ? { ':u': only.userId } : {}) },
      ConsistentRead: true,
    });

  /**
   * Sets attributes (a dotted name reaches into a map: `consent.assistantId`) of an item that must
   * exist; false when it does not (a target's copy the retention job removed).
   */
  async function set(key: { pk: string; sk: string }, values: Record<string, string>): Promise<boolean> {
    const paths = Object.keys(values);
    const names: Record<string, string> = {};
    for (const part of paths.flatMap((p) => p.split('.'))) names[`#${part}`] = part;
    const update = `SET ${paths.map((p, i) => `${p.split('.').map((part) => `#${part}`).join('.')} = :v${i}`).join(', ')}`;
    try {
      await client.send(
        new UpdateCommand({
          TableName: table,
          Key: key,
          UpdateExpression: update,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: Object.fromEntries(paths.map((p, i) => [`:v${i}`, values[p]])),
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  /** The records of one process that name the user as their maker. */
  async function processRecords(processId: string, userId: string, pseudonym: string, formerName: string): Promise<number> {
    let changed = 0;
    for (const item of await partition(keys.recommendations(processId), { userId, filter: 'createdBy = :u OR authorId = :u' })) {
      const key = { pk: String(item.pk), sk: String(item.sk) };
      await set(key, item.createdBy === userId ? { createdBy: pseudonym } : { authorId: pseudonym, authorName: formerName });
      changed++;
    }
    for (const item of await partition(keys.annexVersions(processId), { userId, filter: 'frozenBy = :u' })) {
      await set({ pk: String(item.pk), sk: String(item.sk) }, { frozenBy: pseudonym, frozenByName: formerName });
      changed++;
    }
    // An assisted citizen: the assistant who registered them and took their consent, or the account that claimed them.
    for (const item of await partition(keys.assistedPersons(processId), { userId, filter: 'createdBy = :u OR claimedBy = :u OR consent.assistantId = :u' })) {
      const consent = item.consent as { assistantId?: string } | undefined;
      await set({ pk: String(item.pk), sk: String(item.sk) }, {
        ...(item.createdBy === userId ? { createdBy: pseudonym } : {}),
        ...(item.claimedBy === userId ? { claimedBy: pseudonym } : {}),
        ...(consent?.assistantId === userId ? { 'consent.assistantId': pseudonym, 'consent.assistantName': formerName } : {}),
      });
      changed++;
    }
    // Follow events: the one who caused one is kept out of its mails (a pseudonym does that as well);
    // one addressed to the user alone (a reply to their comment) has no reader left.
    for (const item of await partition(keys.feed(processId), { userId, filter: 'actorId = :u OR toUserId = :u' })) {
      const key = { pk: String(item.pk), sk: String(item.sk) };
      if (item.toUserId === userId) await del(key);
      else await set(key, { actorId: pseudonym });
      changed++;
    }
    return changed;
  }

  return {
    async deleteOwnPartitions(userId) {
      const items = [...(await partition(keys.rateCounters(userId), undefined, 'pk, sk')), ...(await partition(keys.mailRecords(userId), undefined, 'pk, sk'))];
      for (const key of keysOf(items)) await del(key);
      return items.length;
    },

    async pseudonymise(userId, pseudonym, formerName) {
      let changed = 0;
      // Decisions about the user: the entry keeps its place in the process's log, its copy moves.
      for (const copy of await partition(keys.auditTargetPartition(userId))) {
        const { pk: _pk, sk: _sk, ...entry } = copy;
        const processId = String(entry.processId);
        const id = String(entry.id);
        const moved = { ...entry, targetId: pseudonym, ...(entry.actorId === userId ? { actorId: pseudonym, actorName: formerName } : {}) };
        const outcome = await transact(client, [
          { Update: { TableName: table, Key: keys.audit(processId, id), UpdateExpression: 'SET targetId = :p', ExpressionAttributeValues: { ':p': pseudonym } } },
          { Put: { TableName: table, Item: { ...keys.auditOfTarget(pseudonym, id), ...moved } } },
          { Delete: { TableName: table, Key: keys.auditOfTarget(userId, id) } },
        ]);
        if (!outcome.ok) throw new Error(`audit entry ${id} of ${processId} could not be moved to its pseudonym`);
        changed++;
      }
      const processIds = ['platform', ...(await partition(keys.processPartition, undefined, 'sk')).map((p) => String(p.sk).slice('PROC#'.length))];
      for (const processId of processIds) {
        // Decisions by the user: the entry and its target's copy name the pseudonym and a role, not the person.
        for (const entry of await partition(keys.auditPartition(processId), { userId, filter: 'actorId = :u' })) {
          await set(keys.audit(processId, String(entry.id)), { actorId: pseudonym, actorName: formerName });
          await set(keys.auditOfTarget(String(entry.targetId), String(entry.id)), { actorId: pseudonym, actorName: formerName });
          changed++;
        }
        const { Item: actor } = await client.send(new GetCommand({ TableName: table, Key: keys.auditActor(processId, userId), ConsistentRead: true }));
        if (actor) {
          // The moderator filter's choice: one entry for the pseudonym, named by the role.
          await client.send(
            new UpdateCommand({
              TableName: table,
              Key: keys.auditActor(processId, pseudonym),
              UpdateExpression: 'SET #n = :n, #at = if_not_exists(#at, :at)',
              ExpressionAttributeNames: { '#n': 'name', '#at': 'at' },
              ExpressionAttributeValues: { ':n': formerName, ':at': actor.at ?? new Date().toISOString() },
            }),
          );
          await del(keys.auditActor(processId, userId));
          changed++;
        }
        changed += await processRecords(processId, userId, pseudonym, formerName);
      }
      return changed;
    },
  };
}
