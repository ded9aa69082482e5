import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { commentStore } from '#functions/adapters/dynamodb/comments';
import { responseStore } from '#functions/adapters/dynamodb/consultation-responses';
import { ideaStore } from '#functions/adapters/dynamodb/ideas';
import { moderationStore } from '#functions/adapters/dynamodb/moderation';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { userDataStore } from '#functions/adapters/dynamodb/user-data';
import { moderateUser, type ModerationDeps } from '#functions/domain/moderation';
import { runHideJob, type HideJob } from '#functions/domain/moderation/hide-job';
import { systemClock } from '#functions/domain/ports';
import { createLogger } from '#functions/lib/log';
import { userModerationResultSchema } from '#shared/schemas/moderation';
import { validIdea } from '../fixtures/ideas';
import { auditAll } from '../helpers/moderation';
import { commentMaker, ideaMaker, P, PROCESS, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Issue 17: "block and hide everything" runs off the request. The block request records the block and
 * hands the hiding to a job (SQS in AWS); the job hides each item by the ordinary audited decision,
 * once, however often it is delivered. The use cases run here against the test stack's DynamoDB
 * Local with the stores the functions use; the queue is the one part played by a recorder (SQS has no
 * local stand-in: the CDK test checks the queue, its dead-letter queue and the worker).
 */
let stack: TestStack;
let moderator: User;
let deps: ModerationDeps;
const queued: HideJob[] = [];
const mails: unknown[] = [];

beforeAll(async () => {
  stack = await testStack();
  moderator = await stack.user({ role: 'moderator', name: 'Mona Moderator' });
  const db = createDocumentClient(stack.info.dynamodbEndpoint);
  const table = mainTable.localName;
  deps = {
    moderation: moderationStore(db, table),
    ideas: ideaStore(db, table),
    comments: commentStore(db, table),
    profiles: profileStore(db, table),
    userData: userDataStore(db, table),
    responses: responseStore(db, table),
    // The author mails are not the subject here: no address, so none is sent.
    directory: { email: async () => undefined } as unknown as ModerationDeps['directory'],
    notifier: { send: async (m: unknown) => void mails.push(m) },
    siteUrl: async () => 'http://localhost',
    clock: systemClock,
    newId: (now: Date) => ulid(now.getTime()),
    log: createLogger({ job: 'test' }),
    hideJobs: { start: async (job: HideJob) => (queued.push(job), 'queued' as const) },
  };
}, 90_000);
afterAll(() => stack?.stop());

const actor = () => ({ userId: moderator.userId, roles: ['moderator' as const] });
const isPublic = async (id: string) => (await stack.api(`/ideas/${id}`)).status === 200;

async function abuserWithContent() {
  const abuser = await stack.user({ name: 'Spammer' });
  const newIdea = ideaMaker(stack);
  const ideas = [(await newIdea({ title: 'Spam-idé nummer et' })).id];
  // ideaMaker rotates authors: the abuser's own ideas are posted with their token.
  const own = await stack.api(`${P}/ideas`, { method: 'POST', token: abuser.token, body: validIdea({ title: 'Spam fra kontoen selv' }) });
  expect(own.status, JSON.stringify(own.json)).toBe(201);
  const comment = await commentMaker(stack)(ideas[0]!, 'Spam-kommentar fra kontoen', abuser);
  return { abuser, ideaId: own.json.id as string, commentId: comment.id as string, otherIdea: ideas[0]! };
}

describe('block with hideContent, with a queue', () => {
  it('records the block, queues the hiding and answers that it is under way, hiding nothing in the request', async () => {
    const { abuser, ideaId } = await abuserWithContent();
    queued.length = 0;
    const result = await moderateUser(deps, actor(), abuser.userId, { action: 'block', reason: 'Spam-konto', hideContent: true });
    expect(userModerationResultSchema.parse(result)).toEqual({ userId: abuser.userId, blocked: true, hidden: 0, hiding: 'pending' });
    expect(queued).toEqual([{ userId: abuser.userId, actorId: moderator.userId, reason: 'Spam-konto', blockedAt: expect.any(String) }]);
    expect((await stack.api('/me', { token: abuser.token })).json).toMatchObject({ blocked: true });
    // The request took nothing out of view: that is the job's work.
    expect(await isPublic(ideaId)).toBe(true);
  });

  it('the job hides everything once, each with its audit entry, however often it is delivered', async () => {
    const { abuser, ideaId, commentId, otherIdea } = await abuserWithContent();
    queued.length = 0;
    await moderateUser(deps, actor(), abuser.userId, { action: 'block', reason: 'Spam-konto', hideContent: true });
    const job = queued[0]!;

    expect(await runHideJob(deps, job)).toEqual({ hidden: 2 });
    expect(await isPublic(ideaId)).toBe(false);
    const thread = (await stack.api(`/ideas/${otherIdea}/comments`)).json.items.find((c: { id: string }) => c.id === commentId);
    expect(thread).toMatchObject({ state: 'hidden' });

    // SQS delivers at least once: a second delivery (and a third, at once) changes nothing.
    expect(await Promise.all([runHideJob(deps, job), runHideJob(deps, job)])).toEqual([{ hidden: 0 }, { hidden: 0 }]);
    for (const id of [ideaId, commentId]) {
      const log = await auditAll(stack, moderator.token, PROCESS, id);
      expect(log.map((e) => [e.action, e.reason, e.actorId])).toEqual([[id === ideaId ? 'hide' : 'comment-hide', 'Spam-konto', moderator.userId]]);
    }
  });

  it('leaves the content alone when the user was unblocked before the job ran', async () => {
    const { abuser, ideaId } = await abuserWithContent();
    queued.length = 0;
    await moderateUser(deps, actor(), abuser.userId, { action: 'block', reason: 'Spam-konto', hideContent: true });
    await moderateUser(deps, actor(), abuser.userId, { action: 'unblock', reason: 'Fejl: ikke spam' });
    expect(await runHideJob(deps, queued[0]!)).toEqual({ hidden: 0, skipped: 'unblocked' });
    expect(await isPublic(ideaId)).toBe(true);
  });
});
