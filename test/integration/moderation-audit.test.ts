import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { auditReader } from '#functions/adapters/dynamodb/audit';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { routeList } from '#shared/api/routes';
import { PLATFORM_LOG } from '#functions/domain/roles';
import type { AuditState, CommentState } from '#shared/rules/audit';
import type { IdeaStatus } from '#shared/rules/values';
import type { AuditEntry } from '#shared/schemas/moderation';
import { commentMaker, type User } from '../helpers/participation';
import { addPreModeratedProcess, auditAll, decideComment, decideOk, ideaPoster, PRE } from '../helpers/moderation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The audit log (Danish administrative law: who decided what, when, why, and the state before and
 * after). Every action is done once in beforeAll; the tests read the log it left.
 */

const MAIN = 'ai-i-gentofte';
/** A log written the way an earlier version wrote entries. */
const OLD = 'gammel-log';

let stack: TestStack;
let moderator: User;
let admin: User;
const t: Record<string, string> = {};
const titles: Record<string, string> = {};
/** Every audit entry we expect, in the order the actions were taken. */
const expected: { processId: string; action: string; targetId: string; reason?: string; before: AuditState; after: AuditState; actor: () => User }[] = [];
const idea = (status: IdeaStatus): AuditState => ({ kind: 'idea', status, held: false });
const commentIn = (state: CommentState): AuditState => ({ kind: 'comment', state });
const account = (blocked: boolean): AuditState => ({ kind: 'account', blocked });

beforeAll(async () => {
  stack = await testStack();
  await addPreModeratedProcess(stack);
  [moderator, admin] = await Promise.all([stack.user({ role: 'moderator', name: 'Mona Moderator' }), stack.user({ role: 'admin', name: 'Adam Admin' })]);
  const postMain = ideaPoster(stack, MAIN);
  const postPre = ideaPoster(stack, PRE);
  const comment = commentMaker(stack);
  const mod = () => moderator;

  const titled = async (post: typeof postMain, key: string, title: string) => {
    t[key] = (await post({ title })).id;
    titles[key] = title;
  };
  await titled(postPre, 'pending', 'Forhåndsgodkendt idé om chatbot');
  await titled(postMain, 'decided', 'Idé der skjules, gendannes og afvises');
  await titled(postMain, 'merged', 'Dublet af idéen om hjemmepleje');
  await titled(postMain, 'target', 'AI i hjemmeplejen');
  await titled(postMain, 'status', 'Idé til udvalgets behandling');
  const commenter = await stack.user({ name: 'Kommentator' });
  t.comment = (await comment(t.target!, 'En kommentar der skjules', commenter)).id;
  t.commenter = commenter.userId;
  const silent = await stack.user({ name: 'Læser uden indhold' });
  t.silent = silent.userId;
  const promoted = await stack.user({ name: 'Kommende moderator' });
  await stack.setUpTotp(promoted); // a staff role needs an authenticator app
  t.promoted = promoted.userId;

  const step = async (entry: (typeof expected)[number], act: () => Promise<unknown>) => {
    await act();
    expected.push(entry);
  };
  await step({ processId: PRE, action: 'publish', targetId: t.pending!, reason: 'Overholder retningslinjerne', before: idea('pending'), after: idea('published'), actor: mod }, () =>
    decideOk(stack, moderator.token, t.pending!, { action: 'publish', reason: 'Overholder retningslinjerne' }),
  );
  await step({ processId: MAIN, action: 'hide', targetId: t.decided!, reason: 'Indeholder et telefonnummer', before: idea('published'), after: idea('hidden'), actor: mod }, () =>
    decideOk(stack, moderator.token, t.decided!, { action: 'hide', reason: 'Indeholder et telefonnummer' }),
  );
  await step({ processId: MAIN, action: 'restore', targetId: t.decided!, reason: 'Telefonnummeret er offentligt', before: idea('hidden'), after: idea('published'), actor: mod }, () =>
    decideOk(stack, moderator.token, t.decided!, { action: 'restore', reason: 'Telefonnummeret er offentligt' }),
  );
  await step({ processId: MAIN, action: 'reject', targetId: t.decided!, reason: 'Handler ikke om AI', before: idea('published'), after: idea('rejected'), actor: mod }, () =>
    decideOk(stack, moderator.token, t.decided!, { action: 'reject', reason: 'Handler ikke om AI' }),
  );
  await step({ processId: MAIN, action: 'merge', targetId: t.merged!, reason: 'Samme idé som en anden', before: idea('published'), after: idea('merged'), actor: mod }, () =>
    decideOk(stack, moderator.token, t.merged!, { action: 'merge', targetId: t.target, reason: 'Samme idé som en anden' }),
  );
  await step({ processId: MAIN, action: 'set-status', targetId: t.status!, reason: 'Sendt til udvalget', before: idea('published'), after: idea('under_review'), actor: mod }, () =>
    decideOk(stack, moderator.token, t.status!, { action: 'set-status', status: 'under_review', reason: 'Sendt til udvalget' }),
  );
  await step({ processId: MAIN, action: 'comment-hide', targetId: t.comment, reason: 'Personangreb', before: commentIn('visible'), after: commentIn('hidden'), actor: mod }, async () =>
    expect((await decideComment(stack, moderator.token, t.comment!, { action: 'hide', reason: 'Personangreb' })).status).toBe(200),
  );
  await step({ processId: MAIN, action: 'comment-restore', targetId: t.comment, reason: 'Ikke et personangreb', before: commentIn('hidden'), after: commentIn('visible'), actor: mod }, async () =>
    expect((await decideComment(stack, moderator.token, t.comment!, { action: 'restore', reason: 'Ikke et personangreb' })).status).toBe(200),
  );
  // A user with content in the process: the block is logged with that process.
  await step({ processId: MAIN, action: 'block', targetId: t.commenter, reason: 'Gentagne personangreb', before: account(false), after: account(true), actor: mod }, async () =>
    expect((await stack.api(`/moderation/users/${t.commenter}`, { method: 'POST', token: moderator.token, body: { action: 'block', reason: 'Gentagne personangreb' } })).status).toBe(200),
  );
  await step({ processId: MAIN, action: 'unblock', targetId: t.commenter, reason: 'Karantænen er udløbet', before: account(true), after: account(false), actor: mod }, async () =>
    expect((await stack.api(`/moderation/users/${t.commenter}`, { method: 'POST', token: moderator.token, body: { action: 'unblock', reason: 'Karantænen er udløbet' } })).status).toBe(200),
  );
  // A user without content, and role changes: platform-wide entries.
  await step({ processId: PLATFORM_LOG, action: 'block', targetId: t.silent, reason: 'Spam-konto', before: account(false), after: account(true), actor: mod }, async () =>
    expect((await stack.api(`/moderation/users/${t.silent}`, { method: 'POST', token: moderator.token, body: { action: 'block', reason: 'Spam-konto' } })).status).toBe(200),
  );
  await step({ processId: PLATFORM_LOG, action: 'roles', targetId: t.promoted, before: { kind: 'roles', roles: [] }, after: { kind: 'roles', roles: ['moderator'] }, actor: () => admin }, async () =>
    expect((await stack.api(`/users/${t.promoted}/roles`, { method: 'PUT', token: admin.token, body: { roles: ['moderator'] } })).status).toBe(200),
  );
}, 120_000);
afterAll(() => stack?.stop());

/** A log less the seeded process's own creation (the setup's import writes it, as 'Opsætning'): the decisions this file made. */
const entriesOf = async (processId: string) => (await auditAll(stack, moderator.token, processId)).filter((e) => e.actorId !== 'setup');

describe('every action', () => {
  it('appends one entry with who (id and display name), what, which target, why, and the state before and after', async () => {
    const logs: Record<string, AuditEntry[]> = {};
    for (const p of [MAIN, PRE, PLATFORM_LOG]) logs[p] = await entriesOf(p);
    const actions = new Set(expected.map((e) => e.action));
    expect([...actions].sort()).toEqual(['block', 'comment-hide', 'comment-restore', 'merge', 'publish', 'reject', 'restore', 'roles', 'set-status', 'unblock', 'hide'].sort());

    for (const want of expected) {
      const found = logs[want.processId]!.filter((e) => e.action === want.action && e.targetId === want.targetId);
      expect(found, `${want.action} on ${want.targetId} in ${want.processId}`).toHaveLength(1);
      const entry = found[0]!;
      const actor = want.actor();
      expect(entry).toMatchObject({ processId: want.processId, actorId: actor.userId, action: want.action, targetId: want.targetId });
      expect(entry.actorName).toBe(actor === admin ? 'Adam Admin' : 'Mona Moderator');
      if (want.reason) expect(entry.reason).toBe(want.reason);
      expect(entry.before, `before of ${want.action}`).toEqual(want.before);
      expect(entry.after, `after of ${want.action}`).toEqual(want.after);
      expect(Date.parse(entry.at)).toBeGreaterThan(Date.now() - 10 * 60_000);
    }
    // Nothing else was logged: one entry per action.
    expect(Object.values(logs).flat()).toHaveLength(expected.length);
  });

  it('keeps the name the moderator had when deciding', async () => {
    const renamed = await stack.api('/me', { method: 'PATCH', token: moderator.token, body: { displayName: 'Mona Nyt Navn', participantType: 'employee' } });
    expect(renamed.status, JSON.stringify(renamed.json)).toBe(200);
    const log = await entriesOf(MAIN);
    expect(new Set(log.filter((e) => e.actorId === moderator.userId).map((e) => e.actorName))).toEqual(new Set(['Mona Moderator']));
  });
});

describe('reading the log', () => {
  it('lists a process newest first', async () => {
    const log = await entriesOf(MAIN);
    const ids = log.map((e) => e.id);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(log.map((e) => e.at)).toEqual([...log.map((e) => e.at)].sort().reverse());
    const mainActions = expected.filter((e) => e.processId === MAIN).map((e) => `${e.action}:${e.targetId}`);
    expect(log.map((e) => `${e.action}:${e.targetId}`)).toEqual([...mainActions].reverse());
  });

  it('pages with a cursor: small pages add up to the whole log, with no entry twice', async () => {
    const whole = await auditAll(stack, moderator.token, MAIN);
    for (const limit of [1, 2, 3]) {
      const paged = await auditAll(stack, moderator.token, MAIN, undefined, limit);
      expect(paged.map((e) => e.id), `limit ${limit}`).toEqual(whole.map((e) => e.id));
    }
    const first = await stack.api(`/moderation/log?processId=${MAIN}&limit=2`, { token: moderator.token });
    expect(first.json.items).toHaveLength(2);
    expect(first.json.nextCursor).toEqual(expect.any(String));
  });

  it('filters to one target with targetId (and to the process asked about)', async () => {
    const decided = await auditAll(stack, moderator.token, MAIN, t.decided);
    expect(decided.map((e) => e.action)).toEqual(['reject', 'restore', 'hide']);
    expect(new Set(decided.map((e) => e.targetId))).toEqual(new Set([t.decided]));
    const comment = await auditAll(stack, moderator.token, MAIN, t.comment);
    expect(comment.map((e) => e.action)).toEqual(['comment-restore', 'comment-hide']);
    // The pending idea's entries belong to the other process.
    expect(await auditAll(stack, moderator.token, MAIN, t.pending)).toEqual([]);
    expect((await auditAll(stack, moderator.token, PRE, t.pending)).map((e) => e.action)).toEqual(['publish']);
    // Paged by target as well.
    expect((await auditAll(stack, moderator.token, MAIN, t.decided, 1)).map((e) => e.id)).toEqual(decided.map((e) => e.id));
  });

  it('refuses a cursor from another log (400), not a 5xx', async () => {
    const first = await stack.api(`/moderation/log?processId=${MAIN}&limit=1`, { token: moderator.token });
    const cursor = first.json.nextCursor as string;
    const other = await stack.api(`/moderation/log?processId=${PRE}&limit=1&cursor=${encodeURIComponent(cursor)}`, { token: moderator.token });
    expect(other.status, JSON.stringify(other.json)).toBe(400);
    const garbage = await stack.api(`/moderation/log?processId=${MAIN}&cursor=not-a-cursor`, { token: moderator.token });
    expect(garbage.status, JSON.stringify(garbage.json)).toBe(400);
  });
});

describe('names instead of ids', () => {
  it('names each target as it is called now: an idea by its title, a comment by its idea, a user by their name', async () => {
    const log = [...(await entriesOf(MAIN)), ...(await entriesOf(PRE)), ...(await entriesOf(PLATFORM_LOG))];
    for (const key of ['pending', 'decided', 'merged', 'status']) {
      for (const entry of log.filter((e) => e.targetId === t[key])) expect(entry, `${entry.action} on ${key}`).toMatchObject({ targetTitle: titles[key], ideaId: t[key] });
    }
    for (const entry of log.filter((e) => e.targetKind === 'comment')) expect(entry).toMatchObject({ targetTitle: titles.target, ideaId: t.target });
    expect(log.filter((e) => e.targetId === t.commenter).map((e) => e.targetTitle)).toEqual(['Kommentator', 'Kommentator']);
    expect(log.find((e) => e.targetId === t.promoted)).toMatchObject({ targetTitle: 'Kommende moderator' });
    expect(log.filter((e) => e.targetKind === 'user').every((e) => e.ideaId === undefined)).toBe(true);
  });

  it('reads entries written before states were structured and before targets were named', async () => {
    // As an earlier version wrote them: states as strings, no idea on a comment's entry.
    const client = createDocumentClient(stack.info.dynamodbEndpoint);
    const old = { processId: OLD, at: '2026-11-01T10:00:00.000Z', actorId: moderator.userId, actorName: 'Mona Moderator', type: 'audit' };
    const items = [
      { ...old, id: '01JC0000000000000000000001', action: 'hide', targetKind: 'idea', targetId: t.target, reason: 'Personoplysninger', before: 'published (afventer moderator)', after: 'hidden' },
      { ...old, id: '01JC0000000000000000000002', action: 'comment-hide', targetKind: 'comment', targetId: t.comment, reason: 'Personangreb', before: 'held', after: 'hidden' },
      { ...old, id: '01JC0000000000000000000003', action: 'block', targetKind: 'user', targetId: t.commenter, reason: 'Spam', before: 'active', after: 'blocked' },
    ];
    for (const item of items) await client.send(new PutCommand({ TableName: mainTable.localName, Item: { pk: `AUDIT#${OLD}`, sk: item.id, ...item } }));

    const log = await entriesOf(OLD);

    expect(log.map((e) => [e.action, e.before, e.after, e.targetTitle, e.ideaId])).toEqual([
      ['block', { kind: 'account', blocked: false }, { kind: 'account', blocked: true }, 'Kommentator', undefined],
      ['comment-hide', { kind: 'comment', state: 'held' }, { kind: 'comment', state: 'hidden' }, undefined, undefined],
      ['hide', { kind: 'idea', status: 'published', held: true }, { kind: 'idea', status: 'hidden', held: false }, titles.target, t.target],
    ]);
  });
});

describe('filters', () => {
  it('filters by action, by moderator and by both, over every page', async () => {
    const main = await entriesOf(MAIN);
    for (const action of ['hide', 'restore', 'block', 'merge']) {
      const want = main.filter((e) => e.action === action).map((e) => e.id);
      expect(want.length, action).toBeGreaterThan(0);
      for (const limit of [1, 100]) expect((await auditAll(stack, moderator.token, MAIN, undefined, limit, { action })).map((e) => e.id), `${action}, limit ${limit}`).toEqual(want);
    }
    expect((await auditAll(stack, moderator.token, MAIN, undefined, 2, { actorId: moderator.userId })).map((e) => e.id)).toEqual(main.map((e) => e.id));
    expect(await auditAll(stack, moderator.token, MAIN, undefined, 2, { actorId: admin.userId })).toEqual([]);
    const platform = await auditAll(stack, moderator.token, PLATFORM_LOG, undefined, 100, { action: 'roles', actorId: admin.userId });
    expect(platform.map((e) => e.targetId)).toEqual([t.promoted]);
    expect(await auditAll(stack, moderator.token, PLATFORM_LOG, undefined, 100, { action: 'roles', actorId: moderator.userId })).toEqual([]);
    // With a target too: the comment's hide only.
    expect((await auditAll(stack, moderator.token, MAIN, t.comment, 1, { action: 'comment-hide' })).map((e) => e.action)).toEqual(['comment-hide']);
  });

  it('lists who has decided in the log, for the moderator filter', async () => {
    const page = async (processId: string) => (await stack.api(`/moderation/log?processId=${processId}&limit=1`, { token: moderator.token })).json;
    expect((await page(MAIN)).actors).toEqual(
      expect.arrayContaining([
        { id: 'setup', name: 'Opsætning' },
        { id: moderator.userId, name: 'Mona Moderator' },
      ]),
    );
    expect((await page(MAIN)).actors).toHaveLength(2);
    expect((await page(PLATFORM_LOG)).actors).toEqual(
      expect.arrayContaining([
        { id: admin.userId, name: 'Adam Admin' },
        { id: moderator.userId, name: 'Mona Moderator' },
      ]),
    );
    expect((await page('findes-ikke')).actors).toEqual([]);
  });

  it('reads a bounded stretch per request: a selective filter gives short or empty pages whose cursors still reach every match', async () => {
    // The store itself with a budget of 3 entries a request, so the log of this test is "long".
    const reader = auditReader(createDocumentClient(stack.info.dynamodbEndpoint), mainTable.localName, 3);
    const want = (await entriesOf(MAIN)).filter((e) => e.action === 'hide').map((e) => e.id);
    const pages: number[] = [];
    const found: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await reader.log(MAIN, { action: 'hide' }, 50, cursor);
      pages.push(page.items.length);
      found.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
      expect(pages.length).toBeLessThan(50);
    } while (cursor);
    expect(found).toEqual(want);
    expect(pages.filter((n) => n === 0).length, `page sizes ${pages.join(',')}`).toBeGreaterThan(0);
    // Unfiltered, a page is exactly the limit, and the last one has no cursor.
    const whole = await reader.log(MAIN, {}, 100);
    expect(whole.nextCursor).toBeNull();
    expect((await reader.log(MAIN, {}, whole.items.length)).nextCursor).toBeNull();
    expect((await reader.log(MAIN, {}, whole.items.length - 1)).nextCursor).toEqual(expect.any(String));
  });

  it('refuses bad filters with a 400 problem naming the field, and unknown parameters', async () => {
    const bad: [string, string][] = [
      ['action=delete-everything', 'action'],
      ['action=', 'action'],
      ['actorId=a%20b', 'actorId'],
      ['actorId=..%2Fx', 'actorId'],
      [`actorId=${'a'.repeat(65)}`, 'actorId'],
      ['moderator=x', ''],
    ];
    for (const [query, field] of bad) {
      const r = await stack.api(`/moderation/log?processId=${MAIN}&${query}`, { token: moderator.token });
      expect(r.status, `${query}: ${JSON.stringify(r.json)}`).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      if (field) expect(JSON.stringify(r.json.errors ?? r.json), query).toContain(field);
    }
  });
});

describe('append only', () => {
  it('has no route that changes or deletes log entries', () => {
    const writes = routeList.filter((r) => r.path.startsWith('/api/moderation/log') && r.method !== 'GET');
    expect(writes.filter((r) => r.method !== 'ANY')).toEqual([]);
    expect(routeList.some((r) => r.path.includes('/audit'))).toBe(false);
  });

  it('answers writes to the log with 404 or 405, and the log stays as it was', async () => {
    const before = await entriesOf(MAIN);
    const [first] = before;
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of [`/moderation/log?processId=${MAIN}`, `/moderation/log/${first!.id}`]) {
        const r = await stack.api(path, { method, token: moderator.token, body: { action: 'publish', reason: 'forfalsket' } });
        expect([404, 405], `${method} ${path}: ${r.status}`).toContain(r.status);
        expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
    }
    expect(await entriesOf(MAIN)).toEqual(before);
  });
});
