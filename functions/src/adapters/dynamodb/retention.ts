// use case --> (secondary adapter) --> DynamoDB
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AssistedRetentionStore, AuditRecord, CommentRecord, FlagRecord, IdeaContents, RetentionStore, VoteRecord } from '../../domain/ports';
import { auditPuts } from './audit';
import { batchDelete } from './batch';
import { fromItem as ideaFromItem } from './ideas';
import { ideaVotes } from './idea-votes';
import { keys } from './keys';
import { queryAll } from './query';
import { transact } from './transactions';

/**
 * Access patterns of the retention job (no Scan anywhere):
 * - every idea of a process, any status: the byProcess index (gsiProcess = PROC#<processId>),
 *   projecting the id; every idea carries gsiProcess from its creation on;
 * - an idea with its comments, replies and flags: one Query of its partition IDEA#<ideaId>, and its
 *   votes: one Query of each vote bucket (idea-votes.ts), told apart by `type`, read consistently so
 *   a resumed run sees what the last one left;
 * - votes and flags: BatchWriteItem deletes, 25 at a time (batch.ts), counters untouched;
 * - the vote-rule tallies (USER#<userId> / TALLY#<processId>): the byProcess index, partition
 *   TALLY#<processId> (set by every vote, so a tally at 0 is found too), then BatchWriteItem deletes;
 * - a comment: UpdateItem on its key, taking the author's id and name off;
 * - the process's audit entries about participants: a Query of AUDIT#<processId> filtered to user
 *   targets not yet erased; each is rewritten, and its copy under AUDIT#T#<userId> deleted, in one
 *   transaction. The only change the audit log ever sees after it is written: the law that keeps the
 *   record asks for the erasure too;
 * - the mark: UpdateItem on the process, with the job's audit entry, in one transaction;
 * - the assisted citizens: one Query of ASSISTED#<processId>, then BatchWriteItem deletes of their
 *   profiles (USER#assisted-<personId> / PROFILE) and claim-code pointers (CLAIM#<hash>), the
 *   citizens last, so a run cut short finds them (and what they point to) again.
 */
export function retentionStore(client: DynamoDBDocumentClient, table: string): RetentionStore & AssistedRetentionStore {
  return {
    async ideaIds(processId) {
      const items = await queryAll(client, {
        TableName: table,
        IndexName: 'byProcess',
        KeyConditionExpression: 'gsiProcess = :p',
        ExpressionAttributeNames: { '#id': 'id' },
        ExpressionAttributeValues: { ':p': keys.processIdeas(processId) },
        ProjectionExpression: '#id',
      });
      return items.map((i) => i.id as string);
    },

    async contents(ideaId) {
      const [own, votes] = await Promise.all([
        queryAll(client, { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.idea(ideaId).pk }, ConsistentRead: true }),
        ideaVotes(client, table, ideaId, { ConsistentRead: true }),
      ]);
      const items = [...own, ...votes];
      const contents: IdeaContents = { comments: [], votes: [], flags: [] };
      for (const item of items) {
        if (item.type === 'idea') contents.idea = ideaFromItem(item);
        else if (item.type === 'comment') contents.comments.push(record<CommentRecord>(item));
        else if (item.type === 'vote') contents.votes.push(record<VoteRecord>(item));
        else if (item.type === 'flag') contents.flags.push(record<FlagRecord>(item));
      }
      return contents;
    },

    async deleteRecords({ votes, flags }) {
      await batchDelete(client, table, [...votes.map((v) => keys.vote(v.ideaId, v.userId)), ...flags.map((f) => keys.flag(f.ideaId, f, f.userId))]);
    },

    async deleteSurveyMarkers(processId) {
      const items = await queryAll(client, { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.surveyRespondents(processId) }, ProjectionExpression: 'pk, sk' });
      await batchDelete(client, table, items.map((i) => ({ pk: i.pk as string, sk: i.sk as string })));
      return items.length;
    },

    async deleteTallies(processId) {
      const items = await queryAll(client, {
        TableName: table,
        IndexName: 'byProcess',
        KeyConditionExpression: 'gsiProcess = :t',
        ExpressionAttributeValues: { ':t': keys.processTallies(processId) },
        ProjectionExpression: 'pk, sk',
      });
      await batchDelete(client, table, items.map((i) => ({ pk: i.pk as string, sk: i.sk as string })));
      return items.length;
    },

    async deleteAssistedPersons(processId) {
      const persons = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :person)',
        ExpressionAttributeValues: { ':pk': keys.assistedPersons(processId), ':person': keys.assistedPersonPrefix },
        ProjectionExpression: 'pk, sk, userId, claimCodeHashes',
        ConsistentRead: true,
      });
      const pointers = persons.flatMap((p) => [keys.profile(String(p.userId)), ...((p.claimCodeHashes as string[] | undefined) ?? []).map(keys.claimCode)]);
      await batchDelete(client, table, pointers);
      await batchDelete(client, table, persons.map((p) => ({ pk: String(p.pk), sk: String(p.sk) })));
      return persons.length;
    },

    async anonymizeComment(comment, placeholderName) {
      await client.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.comment(comment.ideaId, comment.id, comment.parentId),
          // Out of the byUser index too: the comment is no longer the author's.
          UpdateExpression: 'SET authorName = :name REMOVE authorId, gsiUser, gsiUserSk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':name': placeholderName },
        }),
      );
    },

    async auditSubjects(processId, erasedId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: 'targetKind = :user AND targetId <> :erased',
        ExpressionAttributeValues: { ':pk': keys.auditPartition(processId), ':user': 'user', ':erased': erasedId },
        ConsistentRead: true,
      });
      return items.map((item) => record<AuditRecord>(item));
    },

    async forgetAuditSubject(entry, erasedId) {
      const outcome = await transact(client, [
        {
          Update: {
            TableName: table,
            Key: keys.audit(entry.processId, entry.id),
            UpdateExpression: 'SET targetId = :erased',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':erased': erasedId },
          },
        },
        { Delete: { TableName: table, Key: keys.auditOfTarget(entry.targetId, entry.id) } },
      ]);
      if (!outcome.ok) throw new Error(`audit entry ${entry.id} of ${entry.processId} is gone`);
    },

    async markErased(processId, audit) {
      const outcome = await transact(client, [
        {
          Update: {
            TableName: table,
            Key: keys.process(processId),
            // updatedAt moves too, so an admin's edit of the process as it was before is refused as stale.
            UpdateExpression: 'SET personalDataErasedAt = :at, updatedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(personalDataErasedAt)',
            ExpressionAttributeValues: { ':at': audit.at },
          },
        },
        ...auditPuts(table, audit),
      ]);
      return outcome.ok;
    },
  };
}

/** An item as its record, without the table's own attributes. */
function record<T>({ pk: _pk, sk: _sk, type: _type, gsiUser: _u, gsiUserSk: _s, gsiQueue: _q, queuedAt: _a, ...rest }: Record<string, unknown>): T {
  return rest as T;
}
