import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '#shared/api/routes';
import { PLATFORM_LOG } from '#functions/domain/roles';
import type { AuditEntry } from '#shared/schemas/moderation';
import { commentMaker, type User } from '../helpers/participation';
import { addPreModeratedProcess, auditAll, decideComment, decideOk, ideaPoster, PRE } from '../helpers/moderation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The audit log (Danish administrative law: who decided what, when, why, and the state before and
 * after). Every action is done once in beforeAll; the tests read the log it left.
 */

const MAIN = 'ai-i-gentofte';

let stack: TestStack;
let moderator: User;
let admin: User;
const t: Record<string, string> = {};
/** Every audit entry we expect, in the order the actions were taken. */
const expected: { processId: string; action: string; targetId: string; reason?: string; before: string; after: string; actor: () => User }[] = [];

beforeAll(async () => {
  stack = await testStack();
  await addPreModeratedProcess(stack);
  [moderator, admin] = await Promise.all([stack.user({ role: 'moderator', name: 'Mona Moderator' }), stack.user({ role: 'admin', name: 'Adam Admin' })]);
  const postMain = ideaPoster(stack, MAIN);
  const postPre = ideaPoster(stack, PRE);
  const comment = commentMaker(stack);
  const mod = () => moderator;

  t.pending = (await postPre()).id;
  t.decided = (await postMain()).id;
  t.merged = (await postMain()).id;
  t.target = (await postMain()).id;
  t.status = (await postMain()).id;
  const commenter = await stack.user({ name: 'Kommentator' });
  t.comment = (await comment(t.target, 'En kommentar der skjules', commenter)).id;
  t.commenter = commenter.userId;
  const silent = await stack.user({ name: 'Læser uden indhold' });
  t.silent = silent.userId;
  const promoted = await stack.user({ name: 'Kommende moderator' });
  t.promoted = promoted.userId;

  const step = async (entry: (typeof expected)[number], act: () => Promise<unknown>) => {
    await act();
    expected.push(entry);
  };
  await step({ processId: PRE, action: 'publish', targetId: t.pending, reason: 'Overholder retningslinjerne', before: 'pending', after: 'published', actor: mod }, () =>
    decideOk(stack, moderator.token, t.pending!, { action: 'publish', reason: 'Overholder retningslinjerne' }),
  );
  await step({ processId: MAIN, action: 'hide', targetId: t.decided, reason: 'Indeholder et telefonnummer', before: 'published', after: 'hidden', actor: mod }, () =>
    decideOk(stack, moderator.token, t.decided!, { action: 'hide', reason: 'Indeholder et telefonnummer' }),
  );
  await step({ processId: MAIN, action: 'restore', targetId: t.decided, reason: 'Telefonnummeret er offentligt', before: 'hidden', after: 'published', actor: mod }, () =>
    decideOk(stack, moderator.token, t.decided!, { action: 'restore', reason: 'Telefonnummeret er offentligt' }),
  );
  await step({ processId: MAIN, action: 'reject', targetId: t.decided, reason: 'Handler ikke om AI', before: 'published', after: 'rejected', actor: mod }, () =>
    decideOk(stack, moderator.token, t.decided!, { action: 'reject', reason: 'Handler ikke om AI' }),
  );
  await step({ processId: MAIN, action: 'merge', targetId: t.merged, reason: 'Samme idé som en anden', before: 'published', after: 'merged', actor: mod }, () =>
    decideOk(stack, moderator.token, t.merged!, { action: 'merge', targetId: t.target, reason: 'Samme idé som en anden' }),
  );
  await step({ processId: MAIN, action: 'set-status', targetId: t.status, reason: 'Sendt til udvalget', before: 'published', after: 'under_review', actor: mod }, () =>
    decideOk(stack, moderator.token, t.status!, { action: 'set-status', status: 'under_review', reason: 'Sendt til udvalget' }),
  );
  await step({ processId: MAIN, action: 'comment-hide', targetId: t.comment, reason: 'Personangreb', before: 'visible', after: 'hidden', actor: mod }, async () =>
    expect((await decideComment(stack, moderator.token, t.comment!, { action: 'hide', reason: 'Personangreb' })).status).toBe(200),
  );
  await step({ processId: MAIN, action: 'comment-restore', targetId: t.comment, reason: 'Ikke et personangreb', before: 'hidden', after: 'visible', actor: mod }, async () =>
    expect((await decideComment(stack, moderator.token, t.comment!, { action: 'restore', reason: 'Ikke et personangreb' })).status).toBe(200),
  );
  // A user with content in the process: the block is logged with that process.
  await step({ processId: MAIN, action: 'block', targetId: t.commenter, reason: 'Gentagne personangreb', before: 'active', after: 'blocked', actor: mod }, async () =>
    expect((await stack.api(`/moderation/users/${t.commenter}`, { method: 'POST', token: moderator.token, body: { action: 'block', reason: 'Gentagne personangreb' } })).status).toBe(200),
  );
  await step({ processId: MAIN, action: 'unblock', targetId: t.commenter, reason: 'Karantænen er udløbet', before: 'blocked', after: 'active', actor: mod }, async () =>
    expect((await stack.api(`/moderation/users/${t.commenter}`, { method: 'POST', token: moderator.token, body: { action: 'unblock', reason: 'Karantænen er udløbet' } })).status).toBe(200),
  );
  // A user without content, and role changes: platform-wide entries.
  await step({ processId: PLATFORM_LOG, action: 'block', targetId: t.silent, reason: 'Spam-konto', before: 'active', after: 'blocked', actor: mod }, async () =>
    expect((await stack.api(`/moderation/users/${t.silent}`, { method: 'POST', token: moderator.token, body: { action: 'block', reason: 'Spam-konto' } })).status).toBe(200),
  );
  await step({ processId: PLATFORM_LOG, action: 'roles', targetId: t.promoted, before: '', after: 'moderator', actor: () => admin }, async () =>
    expect((await stack.api(`/users/${t.promoted}/roles`, { method: 'PUT', token: admin.token, body: { roles: ['moderator'] } })).status).toBe(200),
  );
}, 120_000);
afterAll(() => stack?.stop());

const entriesOf = async (processId: string) => auditAll(stack, moderator.token, processId);

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
      expect(entry.before, `before of ${want.action}`).toEqual(expect.any(String));
      expect(entry.after, `after of ${want.action}`).toEqual(expect.any(String));
      expect(entry.before).toContain(want.before);
      expect(entry.after).toContain(want.after);
      expect(entry.before).not.toBe(entry.after);
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
    const whole = await entriesOf(MAIN);
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
