import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { tables } from '#functions/adapters/dynamodb/tables';
import { runDigests } from '#local/digests';
import { eventRecords, HOUR } from '../helpers/event-records';
import { joinFollowGroup, respond, respondableProcess } from '../helpers/consultation-responses';
import { decideOk } from '../helpers/moderation';
import { P, PROCESS, type User } from '../helpers/participation';
import { aRecommendation, createRecommendation, processWithIdeas, setStatus } from '../helpers/recommendations';
import { register } from '../helpers/assisted-persons';
import { localDate } from '#functions/lib/copenhagen-time';
import { validIdea } from '../fixtures/ideas';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Erasure complete (issue 17, deliver 6): after DELETE /api/me no item of any table holds the
 * person's user id (the sub), sign-in name, display name or e-mail. A person who did everything
 * (idea, comment, vote, flag, survey answer, consultation response, event sign-up, follow and mail
 * settings, a digest mailed, rate-limit counters, blocked by a moderator; a staff member who wrote to
 * the audit log, a recommendation and its progress update) deletes the account; then every item of
 * every table is read (a Scan here in the test only) and searched for any of the four.
 */
let stack: TestStack;
let admin: User;
let moderator: User;
let other: User;

beforeAll(async () => {
  stack = await testStack();
  [admin, moderator, other] = await Promise.all([
    stack.user({ role: 'admin', name: 'Administrator Alma' }),
    stack.user({ role: 'moderator', name: 'Moderator Mona' }),
    stack.user({ name: 'Anden Borger' }),
  ]);
}, 120_000);
afterAll(() => stack?.stop());

/** Every item of every table of the local stack. */
async function everyItem(): Promise<Record<string, unknown>[]> {
  const client = createDocumentClient(stack.info.dynamodbEndpoint);
  const items: Record<string, unknown>[] = [];
  for (const table of tables) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName: table.localName, ExclusiveStartKey: start, ConsistentRead: true }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return items;
}

/** The items that still hold any of the values, each as `pk | sk: the attributes holding it`. */
async function leaks(values: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const item of await everyItem()) {
    const holding = Object.entries(item)
      .filter(([, v]) => values.some((value) => JSON.stringify(v).toLowerCase().includes(value.toLowerCase())))
      .map(([k]) => k);
    if (holding.length) found.push(`${String(item.pk)} | ${String(item.sk)}: ${holding.join(', ')}`);
  }
  return found;
}

/**
 * The leaks after an erasure: none at once in the items themselves; the search documents (issue 18)
 * follow the items through the table's stream, so they are waited for, a few seconds at most.
 */
async function leaksAfterErasure(values: string[]): Promise<string[]> {
  const searchDocument = (leak: string) => leak.startsWith('SEARCH#');
  expect((await leaks(values)).filter((l) => !searchDocument(l))).toEqual([]);
  const until = Date.now() + 10_000;
  for (;;) {
    const found = await leaks(values);
    if (found.length === 0 || Date.now() > until) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const ok = (r: { status: number; json: unknown }, status = 200) => expect(r.status, JSON.stringify(r.json)).toBe(status);
const identity = (u: User, name: string) => [u.userId, u.email, name];

describe('DELETE /api/me leaves nothing that names the person', () => {
  it('a citizen who did everything, and was blocked, is gone from every item of every table', async () => {
    const name = 'Sletmig Fuldstændigsen';
    const me = await stack.user({ name });
    // Ideas, a comment, a vote, a flag and an explicit follow in the default process.
    const mine = (await stack.api(`${P}/ideas`, { method: 'POST', token: me.token, body: validIdea({ title: 'Min idé om AI i biblioteket' }) })).json;
    const hiddenOne = (await stack.api(`${P}/ideas`, { method: 'POST', token: me.token, body: validIdea({ title: 'Min anden idé om AI i skolen' }) })).json;
    const theirs = (await stack.api(`${P}/ideas`, { method: 'POST', token: other.token, body: validIdea({ title: 'En andens idé om AI i hjemmeplejen' }) })).json;
    ok(await stack.api(`/ideas/${theirs.id}/vote`, { method: 'PUT', token: me.token }));
    const myComment = (await stack.api(`/ideas/${theirs.id}/comments`, { method: 'POST', token: me.token, body: { body: 'Min kommentar til idéen' } })).json;
    // A reply to my comment: a follow event addressed to me alone.
    ok(await stack.api(`/ideas/${theirs.id}/comments`, { method: 'POST', token: other.token, body: { body: 'Et svar til dig', parentId: myComment.id } }), 201);
    ok(await stack.api(`/ideas/${theirs.id}/flags`, { method: 'POST', token: me.token, body: { reason: 'off_topic' } }), 201);
    ok(await stack.api(`/ideas/${theirs.id}/follow`, { method: 'PUT', token: me.token }));
    ok(await stack.api('/me/mail-settings', { method: 'PUT', token: me.token, body: { digest: 'daily' } }));
    // A survey answer (its marker) in a process with a survey.
    await processWithIdeas(stack, 'slet-skema', admin, moderator, other, 0);
    ok(await stack.api('/processes/slet-skema/survey/answers', { method: 'POST', token: me.token, body: { answers: { stol: 4, hvorfor: 'Fordi det hjælper' } } }), 201);
    // A consultation response, in the invited round too (a membership).
    const { joinToken } = await respondableProcess(stack, admin, 'slet-hoering');
    await joinFollowGroup(stack, 'slet-hoering', me, joinToken);
    ok(await respond(stack, 'slet-hoering', me, { paragraphNo: 1, position: 'disagree', comment: 'Hvem har ansvaret?' }), 201);
    // An event sign-up with the name and address the organisers see.
    const make = eventRecords(stack);
    const event = await make.event(PROCESS, 'slet-temadag', 3 * 24 * HOUR, { capacity: 5 });
    await make.signUp(event, me, name, { note: 'Jeg kommer på cykel' });
    // A moderator's status with an answer on the idea I follow: the digest run mails me (MAILLOG).
    await decideOk(stack, moderator.token, theirs.id, { action: 'set-status', status: 'under_review', officialAnswer: 'Vi ser på den.' });
    await runDigests();
    // Decisions about me: one idea hidden, then a block.
    await decideOk(stack, moderator.token, hiddenOne.id, { action: 'hide', reason: 'Indeholder personoplysninger om en nabo' });
    ok(await stack.api(`/moderation/users/${me.userId}`, { method: 'POST', token: moderator.token, body: { action: 'block', reason: 'Gentagne personangreb i kommentarer' } }));

    // Before: the person is all over the table (so the search below can find them at all).
    expect((await leaks(identity(me, name))).length).toBeGreaterThan(10);

    ok(await stack.api('/me', { method: 'DELETE', token: me.token }), 204);

    expect(await leaksAfterErasure(identity(me, name))).toEqual([]);
    // The idea stays, anonymous; the decision about the person stays in the log, under a pseudonym.
    expect((await stack.api(`/ideas/${mine.id}`)).json).toMatchObject({ authorName: 'Tidligere deltager' });
    const log = (await stack.api(`/moderation/log?processId=${PROCESS}&limit=100`, { token: admin.token })).json.items as { action: string; targetId: string; reason?: string }[];
    const block = log.find((e) => e.action === 'block' && e.reason === 'Gentagne personangreb i kommentarer');
    expect(block).toBeDefined();
    expect(block!.targetId).not.toBe(me.userId);
    expect(block!.targetId).toMatch(/^pseudonym-[0-9a-f]{16,}$/);
  }, 180_000);

  it('a staff member who decided, recommended and reported progress is gone too; the decisions stay under a pseudonym', async () => {
    const name = 'Udvalgsmedlem Slettesen';
    const staff = await stack.user({ role: 'committee', name });
    const mod = await stack.user({ role: 'moderator', name: 'Moderator Slettesen' });
    const assistant = await stack.user({ role: 'assistant', name: 'Assistent Slettesen' });
    const ideas = await processWithIdeas(stack, 'slet-udvalg', admin, moderator, other, 1);
    // The moderator's decision (an audit actor) and the committee member's recommendation with progress.
    await decideOk(stack, mod.token, ideas[0]!, { action: 'set-status', status: 'under_review', officialAnswer: 'Vi kigger på den.' });
    const rec = await createRecommendation(stack, 'slet-udvalg', staff, aRecommendation([ideas[0]!]));
    const adopted = await setStatus(stack, 'slet-udvalg', staff, rec, 'adopted', 'Vedtaget.');
    const R = `/processes/slet-udvalg/recommendations/${adopted.id}`;
    ok(await stack.api(`${R}/initiative`, { method: 'PUT', token: staff.token, body: { owner: 'Digitalisering og IT', startsOn: '2026-01-01', endsOn: '2028-12-31', state: 'in-progress' } }));
    ok(await stack.api(`${R}/progress`, { method: 'POST', token: staff.token, body: { on: localDate(new Date()), text: 'Vi er gået i gang.' } }), 201);
    // The committee member freezes the annex; the assistant registers a citizen at Borgerservice.
    ok(await stack.api('/processes/slet-udvalg/annex/versions', { method: 'POST', token: staff.token, body: { journalNumber: '00.01.00-P20-1-26' } }), 201);
    await register(stack, 'slet-udvalg', assistant);
    expect((await leaks(identity(staff, name))).length).toBeGreaterThan(0);
    expect((await leaks(identity(assistant, 'Assistent Slettesen'))).length).toBeGreaterThan(0);
    expect((await leaks(identity(mod, 'Moderator Slettesen'))).length).toBeGreaterThan(0);

    ok(await stack.api('/me', { method: 'DELETE', token: staff.token }), 204);
    ok(await stack.api('/me', { method: 'DELETE', token: mod.token }), 204);
    ok(await stack.api('/me', { method: 'DELETE', token: assistant.token }), 204);

    expect(await leaksAfterErasure([...identity(staff, name), ...identity(mod, 'Moderator Slettesen'), ...identity(assistant, 'Assistent Slettesen')])).toEqual([]);
    const annex = (await stack.api('/processes/slet-udvalg/annex/versions', { token: admin.token })).json;
    expect(annex.items ?? annex).toEqual([expect.objectContaining({ version: 1, frozenByName: 'Tidligere medarbejder' })]);
    // The progress update stays, by a role rather than a name; the log keeps both acts, each actor under one stable pseudonym.
    const after = (await stack.api(R)).json;
    expect(after.progress).toEqual([expect.objectContaining({ text: 'Vi er gået i gang.', authorName: 'Tidligere medarbejder' })]);
    const log = (await stack.api('/moderation/log?processId=slet-udvalg&limit=100', { token: admin.token })).json.items as { action: string; actorId: string; actorName: string }[];
    const byStaff = log.filter((e) => ['recommendation-create', 'recommendation-status', 'initiative-set'].includes(e.action));
    expect(byStaff.length).toBeGreaterThanOrEqual(2);
    expect(new Set(byStaff.map((e) => e.actorId)).size).toBe(1);
    expect(byStaff[0]!.actorId).toMatch(/^pseudonym-[0-9a-f]{16,}$/);
    expect(byStaff[0]!.actorName).toBe('Tidligere medarbejder');
  }, 180_000);
});
