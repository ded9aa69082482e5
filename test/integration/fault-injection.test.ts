import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import { userDirectory } from '#functions/adapters/cognito/user-directory';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { commentStore } from '#functions/adapters/dynamodb/comments';
import { ideaStore } from '#functions/adapters/dynamodb/ideas';
import { keys } from '#functions/adapters/dynamodb/keys';
import { moderationStore } from '#functions/adapters/dynamodb/moderation';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { userDataStore } from '#functions/adapters/dynamodb/user-data';
import { voteStore } from '#functions/adapters/dynamodb/votes';
import { notifier } from '#functions/adapters/ses/notifier';
import { siteUrl } from '#functions/adapters/ssm/site-url';
import { createComment } from '#functions/domain/comments';
import { moderateComment, moderateIdea } from '#functions/domain/moderation';
import { systemClock } from '#functions/domain/ports';
import { vote } from '#functions/domain/votes';
import { isUnavailable } from '#functions/lib/errors';
import { createLogger } from '#functions/lib/log';
import { localCredentials } from '#local/dynamodb';
import { REGION } from '#local/stack';
import { ideaMaker, table, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Faults between the read and the write, with the real use cases and adapters against DynamoDB Local:
 * the network to DynamoDB fails exactly at a use case's TransactWriteItems, either before it arrives
 * (nothing written; the SDK's retries fail too) or after it was applied (the answer lost, the SDK
 * retries with the same client token). A vote, a comment and a moderator's decision then leave the
 * counters equal to what they count, and a decision's audit entry exists exactly when the decision does.
 */
const TableName = mainTable.localName;

type Fault = 'none' | 'refused' | 'answer-lost';
type RealHandler = DynamoDBClient['config']['requestHandler'];

/**
 * A request handler in front of the real one: TransactWriteItems calls fail as `fault` says; every
 * other call (the use case's reads) goes through. 'refused' fails every attempt; 'answer-lost' only
 * the first, after DynamoDB Local has applied it (the SDK's retry carries the same client token).
 */
function faultyHandler(real: RealHandler) {
  const state = { fault: 'none' as Fault, transactions: 0, passFirst: 0 };
  const delegate = real as RealHandler & { updateHttpClientConfig(k: never, v: never): void; httpHandlerConfigs(): object };
  const handler = {
    metadata: real.metadata,
    updateHttpClientConfig: (k: never, v: never) => delegate.updateHttpClientConfig(k, v),
    httpHandlerConfigs: () => delegate.httpHandlerConfigs(),
    destroy: () => real.destroy?.(),
    async handle(request: Parameters<RealHandler['handle']>[0], options?: Parameters<RealHandler['handle']>[1]) {
      const isTransaction = request.headers['x-amz-target'] === 'DynamoDB_20120810.TransactWriteItems';
      if (!isTransaction || state.fault === 'none') return real.handle(request, options);
      // The first `passFirst` transactions of the use case go through: the fault hits a later step.
      if (state.passFirst > 0) return (state.passFirst--, real.handle(request, options));
      state.transactions++;
      if (state.fault === 'refused') throw Object.assign(new Error('connect ECONNREFUSED (injected)'), { code: 'ECONNREFUSED' });
      const response = await real.handle(request, options);
      // Read the body so the socket is free, then lose the answer, once.
      for await (const _ of response.response.body as AsyncIterable<unknown>) void _;
      state.fault = 'none';
      throw Object.assign(new Error('socket hang up (injected after the write)'), { code: 'ECONNRESET' });
    },
  };
  return { handler: handler as RealHandler, state };
}

let stack: TestStack;
let db: ReturnType<typeof table>;
let faults: ReturnType<typeof faultyHandler>['state'];
let deps: ReturnType<typeof buildDeps>;
let newIdea: ReturnType<typeof ideaMaker>;
let moderator: User;

/** The adapters as the handlers build them, on a client whose network to DynamoDB Local we break. */
function buildDeps(endpoint: string) {
  // The functions' own client (its timeouts and retries), with its request handler behind ours.
  const real = createDocumentClient(endpoint).config.requestHandler as RealHandler;
  const injected = faultyHandler(real);
  const base = new DynamoDBClient({ endpoint, region: REGION, credentials: localCredentials, maxAttempts: 3, requestHandler: injected.handler });
  const client = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  const ulid = monotonicFactory();
  const common = {
    ideas: ideaStore(client, TableName),
    processes: processStore(client, TableName),
    profiles: profileStore(client, TableName),
    comments: commentStore(client, TableName),
    clock: systemClock,
    newId: (now: Date) => ulid(now.getTime()),
    log: createLogger({ correlationId: 'fault-injection' }),
  };
  faults = injected.state;
  return {
    votes: { ...common, votes: voteStore(client, TableName) },
    comments: common,
    moderation: {
      ...common,
      moderation: moderationStore(client, TableName),
      userData: userDataStore(client, TableName),
      directory: userDirectory(),
      notifier: notifier(),
      siteUrl,
    },
  };
}

beforeAll(async () => {
  stack = await testStack();
  db = table(stack);
  deps = buildDeps(stack.info.dynamodbEndpoint);
  newIdea = ideaMaker(stack);
  moderator = await stack.user({ role: 'moderator', name: 'Moderator under fejl' });
}, 120_000);
afterAll(() => stack?.stop());
beforeEach(() => {
  faults.fault = 'none';
  faults.transactions = 0;
  faults.passFirst = 0;
});

const get = async (key: { pk: string; sk: string }) => (await db.client.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }))).Item;
const actorOf = (user: User, roles: ('moderator' | 'admin')[] = []) => ({ userId: user.userId, roles });

/** The idea's counters against its vote and comment items. */
async function expectIdeaCountsExact(ideaId: string) {
  const [idea, votes, threads, replies] = await Promise.all([get(keys.idea(ideaId)), db.votes(ideaId), db.partition(ideaId, 'COMMENT#'), db.partition(ideaId, 'REPLY#')]);
  const comments = [...threads, ...replies].filter((c) => c.type === 'comment' && c.state !== 'deleted');
  expect(idea?.voteCount ?? 0, 'voteCount = vote items').toBe(votes.length);
  expect(idea?.commentCount ?? 0, 'commentCount = comments').toBe(comments.length);
  return { votes: votes.length, comments: comments.length, idea: idea! };
}

/** The audit entries about a target (its per-target copies) and the process log's copies of them. */
async function auditOf(targetId: string, processId: string) {
  const page = await db.client.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditTargetPartition(targetId) }, ConsistentRead: true }));
  const entries = page.Items ?? [];
  const inLog = await Promise.all(entries.map((e) => get(keys.audit(processId, e.id as string))));
  expect(inLog.every(Boolean), "every target copy has the process log's entry").toBe(true);
  return entries;
}

async function expectUnavailable(work: Promise<unknown>) {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error, 'the use case failed').toBeDefined();
  expect(isUnavailable(error), `a 503, not a 500: ${String(error)}`).toBe(true);
}

describe('a vote', () => {
  it('refused at the write: 503, no vote item and no count', async () => {
    const { id } = await newIdea();
    const voter = await stack.user();
    faults.fault = 'refused';
    await expectUnavailable(vote(deps.votes, actorOf(voter), id));
    expect(faults.transactions).toBe(3);
    expect(await expectIdeaCountsExact(id)).toMatchObject({ votes: 0 });
  });

  it('applied but its answer lost: the vote counts once, and the voter is told so', async () => {
    const { id } = await newIdea();
    const voter = await stack.user();
    faults.fault = 'answer-lost';
    const state = await vote(deps.votes, actorOf(voter), id);
    expect(faults.transactions, 'the fault was injected').toBe(1);
    expect(state).toMatchObject({ voted: true, voteCount: 1 });
    expect(await expectIdeaCountsExact(id)).toMatchObject({ votes: 1 });
    expect((await get(keys.voteTally(voter.userId, 'ai-i-gentofte')))?.n).toBe(1);
  });
});

describe('a comment', () => {
  it('refused at the write: 503, no comment and no count', async () => {
    const { id } = await newIdea();
    const writer = await stack.user();
    faults.fault = 'refused';
    await expectUnavailable(createComment(deps.comments, actorOf(writer), id, { body: 'Skrevet mens nettet svigtede.' }));
    expect(await expectIdeaCountsExact(id)).toMatchObject({ comments: 0 });
  });

  it('applied but its answer lost: one comment, counted once, and the writer gets it back', async () => {
    const { id } = await newIdea();
    const writer = await stack.user();
    faults.fault = 'answer-lost';
    const comment = await createComment(deps.comments, actorOf(writer), id, { body: 'Svaret gik tabt, kommentaren ikke.' });
    expect(faults.transactions, 'the fault was injected').toBe(1);
    expect(comment.body).toBe('Svaret gik tabt, kommentaren ikke.');
    expect(await expectIdeaCountsExact(id)).toMatchObject({ comments: 1 });
  });
});

describe("a moderator's decision and its audit entry: together or neither", () => {
  it('hiding an idea, refused at the write: 503, still public, no audit entry', async () => {
    const { id } = await newIdea();
    faults.fault = 'refused';
    await expectUnavailable(moderateIdea(deps.moderation, actorOf(moderator, ['moderator']), id, { action: 'hide', reason: 'Personoplysninger i teksten.' }));
    expect((await get(keys.idea(id)))?.status).toBe('published');
    expect(await auditOf(id, 'ai-i-gentofte')).toHaveLength(0);
  });

  it('hiding an idea, applied but the answer lost: hidden, with exactly one audit entry, and the moderator sees it done', async () => {
    const { id } = await newIdea();
    faults.fault = 'answer-lost';
    const result = await moderateIdea(deps.moderation, actorOf(moderator, ['moderator']), id, { action: 'hide', reason: 'Personoplysninger i teksten.' });
    expect(faults.transactions, 'the fault was injected').toBe(1);
    expect(result.status).toBe('hidden');
    expect((await auditOf(id, 'ai-i-gentofte')).map((e) => e.action)).toEqual(['hide']);
  });

  it('hiding a comment, refused and then applied with the answer lost: one decision, one audit entry, counts exact', async () => {
    const { id } = await newIdea();
    const writer = await stack.user();
    const comment = await createComment(deps.comments, actorOf(writer), id, { body: 'En kommentar, der skal skjules.' });
    faults.fault = 'refused';
    await expectUnavailable(moderateComment(deps.moderation, actorOf(moderator, ['moderator']), comment.id, { action: 'hide', reason: 'Krænkende.' }));
    expect(await auditOf(comment.id, 'ai-i-gentofte')).toHaveLength(0);
    faults.fault = 'answer-lost';
    const hidden = await moderateComment(deps.moderation, actorOf(moderator, ['moderator']), comment.id, { action: 'hide', reason: 'Krænkende.' });
    expect(hidden.state).toBe('hidden');
    expect((await auditOf(comment.id, 'ai-i-gentofte')).map((e) => e.action)).toEqual(['comment-hide']);
    await expectIdeaCountsExact(id);
  });

  it('a merge whose vote carry is refused after the merge is stored: 503, counts exact on both ideas, and repeating the merge finishes it', async () => {
    const [source, target] = [await newIdea(), await newIdea()];
    const [onlySource, both] = [await stack.user(), await stack.user()];
    for (const [user, ideaId] of [[onlySource, source.id], [both, source.id], [both, target.id]] as const) await vote(deps.votes, actorOf(user), ideaId);
    const merge = { action: 'merge' as const, targetId: target.id, reason: 'Samme forslag.' };

    faults.fault = 'refused';
    faults.passFirst = 1;
    await expectUnavailable(moderateIdea(deps.moderation, actorOf(moderator, ['moderator']), source.id, merge));
    expect((await get(keys.idea(source.id)))?.status).toBe('merged');
    expect((await auditOf(source.id, 'ai-i-gentofte')).map((e) => e.action)).toEqual(['merge']);
    expect(await expectIdeaCountsExact(target.id)).toMatchObject({ votes: 1 });
    await expectIdeaCountsExact(source.id);

    faults.fault = 'none';
    await moderateIdea(deps.moderation, actorOf(moderator, ['moderator']), source.id, merge);
    expect(await expectIdeaCountsExact(target.id), 'each supporter once').toMatchObject({ votes: 2 });
    expect((await auditOf(source.id, 'ai-i-gentofte')).map((e) => e.action), 'the repeat adds no decision').toEqual(['merge']);
  });
});
