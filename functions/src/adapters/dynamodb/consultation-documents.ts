// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { draftSchema, versionSchema, type Draft, type Version } from '#shared/schemas/consultation';
import type { DocumentStore, Invitation, StoredDocument, StoredSetup } from '../../domain/consultation/document-ports';
import type { ConsultationReads } from '../../domain/consultation/ports';
import { auditPuts } from './audit';
import { batchDelete, batchGet } from './batch';
import { keys } from './keys';
import { queryAll } from './query';
import { transact } from './transactions';

/** Invitations written at once: enough to store 500 in a few seconds, few enough not to throttle the table. */
const PARALLEL_PUTS = 10;

/**
 * The documents side of a process's consultation (see keys.ts). Access patterns:
 * - the setup (reference list, rounds): one item CONSULT#<processId> / SETUP;
 * - the process's documents: Query CONSULT#<processId> begins_with DOC# (a handful per process);
 * - a document's draft and versions: DOC#<processId>#<documentId> / DRAFT and V#<version:5>; the
 *   version list is a Query of the V# range projecting only number and time;
 * - a round's members: CMEMBERS#<processId> / <roundId>#<userId>, counted per round by a Query;
 *   each member is in the byUser index too (account deletion);
 * - e-mail invitations: CINVITES#<processId> / <roundId>#<address>, read by Get (a person signing in)
 *   or BatchGet (an admin inviting), and the whole partition by the retention job.
 * Writes that an admin makes go with their audit entry in one transaction, conditioned on the
 * version the admin read (optimistic concurrency).
 */
export function documentStore(client: DynamoDBDocumentClient, table: string): DocumentStore {
  const get = async (key: { pk: string; sk: string }) => (await client.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

  return {
    ...consultationReads(client, table),

    async setup(processId) {
      const item = await get(keys.consultSetup(processId));
      return item ? (strip(item) as unknown as StoredSetup) : undefined;
    },

    async saveSetup(setup, expectedUpdatedAt, audit) {
      const outcome = await transact(client, [
        {
          Put: {
            TableName: table,
            Item: { ...keys.consultSetup(setup.processId), type: 'consultSetup', ...defined(setup) },
            ConditionExpression: expectedUpdatedAt === undefined ? 'attribute_not_exists(pk)' : 'updatedAt = :expected',
            ...(expectedUpdatedAt === undefined ? {} : { ExpressionAttributeValues: { ':expected': expectedUpdatedAt } }),
          },
        },
        ...auditPuts(table, audit),
      ]);
      if (outcome.ok) return 'saved';
      if (outcome.failed[0]) return 'stale';
      throw new Error('audit entry exists');
    },

    async memberCounts(processId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.roundMembers(processId) },
        ProjectionExpression: 'roundId',
      });
      const counts = new Map<string, number>();
      for (const i of items) counts.set(String(i.roundId), (counts.get(String(i.roundId)) ?? 0) + 1);
      return counts;
    },

    async addMember(processId, roundId, userId, at, invitation) {
      const member = {
        Put: {
          TableName: table,
          Item: { ...keys.roundMember(processId, roundId, userId), type: 'roundMember', processId, roundId, userId, joinedAt: at, gsiUser: keys.userItems(userId), gsiUserSk: keys.userRoundMember(processId, roundId) },
        },
      };
      if (!invitation) {
        await client.send(new PutCommand(member.Put));
        return;
      }
      await transact(client, [
        member,
        {
          Update: {
            TableName: table,
            Key: keys.roundInvitation(processId, roundId, invitation),
            UpdateExpression: 'SET userId = :u',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':u': userId },
          },
        },
      ]);
    },

    async invitation(processId, roundId, email) {
      const item = await get(keys.roundInvitation(processId, roundId, email));
      return item ? toInvitation(item) : undefined;
    },

    async invitations(processId, roundId, emails) {
      const found: Invitation[] = [];
      for (let i = 0; i < emails.length; i += 100) {
        const page = await batchGet(client, table, emails.slice(i, i + 100).map((e) => keys.roundInvitation(processId, roundId, e)), true);
        found.push(...page.map(toInvitation));
      }
      return found;
    },

    async putInvitations(processId, roundId, emails, at, audit) {
      const outcome = await transact(client, auditPuts(table, audit));
      if (!outcome.ok) throw new Error('audit entry exists');
      // A Put each (a renewed invitation is simply replaced), PARALLEL_PUTS at a time: up to 500 addresses must fit in one request.
      for (let i = 0; i < emails.length; i += PARALLEL_PUTS) {
        await Promise.all(
          emails.slice(i, i + PARALLEL_PUTS).map((email) =>
            client.send(new PutCommand({ TableName: table, Item: { ...keys.roundInvitation(processId, roundId, email), type: 'roundInvitation', processId, roundId, email, invitedAt: at } })),
          ),
        );
      }
    },

    async createDocument(document, draft, audit) {
      const outcome = await transact(client, [
        { Put: { TableName: table, Item: documentItem(document), ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: table, Item: draftItem(document.processId, draft) } },
        ...auditPuts(table, audit),
      ]);
      if (outcome.ok) return 'created';
      if (outcome.failed[0]) return 'exists';
      throw new Error('audit entry exists');
    },

    async draft(processId, documentId) {
      const item = await get(keys.consultDraft(processId, documentId));
      return item ? draftSchema.parse(strip(item)) : undefined;
    },

    async saveDraft(processId, draft, expectedUpdatedAt, audit) {
      const outcome = await transact(client, [
        {
          Put: {
            TableName: table,
            Item: draftItem(processId, draft),
            ConditionExpression: 'updatedAt = :expected',
            ExpressionAttributeValues: { ':expected': expectedUpdatedAt },
          },
        },
        {
          Update: {
            TableName: table,
            Key: keys.consultDocument(processId, draft.documentId),
            UpdateExpression: draft.summary ? 'SET title = :t, summary = :s, updatedAt = :u' : 'SET title = :t, updatedAt = :u REMOVE summary',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':t': draft.title, ':u': draft.updatedAt, ...(draft.summary ? { ':s': draft.summary } : {}) },
          },
        },
        ...auditPuts(table, audit),
      ]);
      if (outcome.ok) return 'saved';
      if (outcome.failed[0] || outcome.failed[1]) return 'stale';
      throw new Error('audit entry exists');
    },

    async publish(processId, document, version, draft, draftUpdatedAt, audit) {
      const outcome = await transact(client, [
        { Put: { TableName: table, Item: { ...keys.consultVersion(processId, version.documentId, version.version), type: 'consultVersion', processId, ...defined(version) }, ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Put: {
            TableName: table,
            Item: documentItem(document),
            ConditionExpression: 'currentVersion = :previous',
            ExpressionAttributeValues: { ':previous': version.version - 1 },
          },
        },
        { Put: { TableName: table, Item: draftItem(processId, draft), ConditionExpression: 'updatedAt = :expected', ExpressionAttributeValues: { ':expected': draftUpdatedAt } } },
        ...auditPuts(table, audit),
      ]);
      if (outcome.ok) return 'published';
      if (outcome.failed.slice(0, 3).some(Boolean)) return 'stale';
      throw new Error('audit entry exists');
    },

    async versions(processId, documentId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':pk': keys.consultDraft(processId, documentId).pk, ':v': keys.consultVersionPrefix },
        ProjectionExpression: '#v, publishedAt',
      });
      return items.map((i) => ({ version: Number(i.version), publishedAt: String(i.publishedAt) }));
    },
  };

  function documentItem(document: StoredDocument) {
    return { ...keys.consultDocument(document.processId, document.id), type: 'consultDocument', ...defined(document) };
  }
  function draftItem(processId: string, draft: Draft) {
    return { ...keys.consultDraft(processId, draft.documentId), type: 'consultDraft', ...defined(draft) };
  }
}

/**
 * The reads the responses side needs (domain/consultation/ports.ts). `isMember` here knows only the
 * stored members; an e-mail invitation becomes a member item when its person's standing is first
 * asked through the use cases (domain/consultation/members.ts `withInvitations`), which the
 * responses side should wrap these reads in.
 */
export function consultationReads(client: DynamoDBDocumentClient, table: string): ConsultationReads & Pick<DocumentStore, 'document' | 'documents'> {
  const get = async (key: { pk: string; sk: string }) => (await client.send(new GetCommand({ TableName: table, Key: key }))).Item;
  return {
    // Without an invited round's token in clear: these reads serve public pages too (the admin's store reads it).
    async setup(processId) {
      const item = await get(keys.consultSetup(processId));
      if (!item) return undefined;
      const setup = strip(item) as unknown as StoredSetup;
      return { ...setup, rounds: setup.rounds.map(({ inviteToken: _token, ...round }) => round) };
    },
    async isMember(processId, roundId, userId) {
      return (await get(keys.roundMember(processId, roundId, userId))) !== undefined;
    },
    async document(processId, documentId) {
      const item = await get(keys.consultDocument(processId, documentId));
      return item ? toDocument(item) : undefined;
    },
    async documents(processId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :doc)',
        ExpressionAttributeValues: { ':pk': keys.consultation(processId), ':doc': keys.consultDocumentPrefix },
      });
      return items.map(toDocument).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async version(processId, documentId, version): Promise<Version | undefined> {
      const item = await get(keys.consultVersion(processId, documentId, version));
      return item ? versionSchema.parse(strip(item)) : undefined;
    },
  };
}

const strip = (item: Record<string, unknown>) => {
  const { pk: _pk, sk: _sk, type: _type, ...rest } = item;
  return rest;
};
const toDocument = (item: Record<string, unknown>): StoredDocument => {
  const { pk: _pk, sk: _sk, type: _type, ...rest } = item;
  return { publishedNos: [], ...rest } as unknown as StoredDocument;
};
const toInvitation = (item: Record<string, unknown>): Invitation => ({
  email: String(item.email),
  invitedAt: String(item.invitedAt),
  ...(typeof item.userId === 'string' ? { userId: item.userId } : {}),
});
/** Without undefined values, which the DocumentClient refuses to marshal. */
const defined = <T extends object>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Who took part in a process's invited rounds, for the retention job and account deletion: the
 * members (joined by link or by invitation) and the invited e-mail addresses. Each process keeps them
 * in two partitions of their own, so erasing them is two Queries and batch deletes, never a Scan.
 */
export function roundPeople(client: DynamoDBDocumentClient, table: string) {
  const keysIn = (pk: string) => queryAll(client, { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ProjectionExpression: 'pk, sk' });
  return {
    /** Deletes every member and invitation of the process's rounds; how many there were. */
    async deleteRoundPeople(processId: string): Promise<number> {
      const found = [...(await keysIn(keys.roundMembers(processId))), ...(await keysIn(keys.roundInvitations(processId)))] as Record<string, string>[];
      await batchDelete(client, table, found);
      return found.length;
    },
    /** The keys of a user's round memberships (the byUser index), for deleting the account. */
    async membershipKeys(userId: string): Promise<Record<string, string>[]> {
      return (await queryAll(client, {
        TableName: table,
        IndexName: 'byUser',
        KeyConditionExpression: 'gsiUser = :u AND begins_with(gsiUserSk, :m)',
        ExpressionAttributeValues: { ':u': keys.userItems(userId), ':m': keys.userRoundMemberPrefix },
        ProjectionExpression: 'pk, sk',
      })) as Record<string, string>[];
    },
  };
}
