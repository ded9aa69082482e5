import { describe, expect, it } from 'vitest';
import { FORMER_PARTICIPANT } from '#functions/domain/my-data';
import type { AuditRecord, FlagRecord, RetentionStore, VoteRecord } from '#functions/domain/ports';
import { ERASED_SUBJECT, eraseExpiredProcesses, RETENTION_ACTOR } from '#functions/domain/retention';
import { aProcess, fakeWorld, PROCESS_ID } from '../fakes';
import { fakeRetentionStore } from '../fakes/retention';
import { flagKey, tallyKey, voteKey } from '../fakes/tables';

/**
 * The retention job on the in-memory ports: a process past its retention date with ideas in several
 * states, comments and replies, votes and flags by two participants and a moderator's block of one of
 * them; and a second process whose date has not come. Each test: prepare, act, assess.
 */
const UNTIL = '2028-01-01T00:00:00.000Z';
const AFTER = new Date('2028-01-02T03:00:00.000Z');
const OTHER = 'andet-forloeb';

function world(options: { store?: (store: RetentionStore) => RetentionStore } = {}) {
  const w = fakeWorld();
  const expired = w.given.process({ settings: { ...aProcess().settings, personalDataUntil: UNTIL } });
  w.given.process({ id: OTHER, settings: { ...aProcess().settings, personalDataUntil: '2099-01-01T00:00:00.000Z' } });
  const store = fakeRetentionStore(w.tables);
  const deps = { ...w.deps, retention: options.store ? options.store(store) : store };

  const ideas = [
    w.given.idea({ authorId: 'anna-id', authorUsername: 'anna-login', authorName: 'Anna Andersen', voteCount: 2, commentCount: 2 }),
    w.given.idea({ authorId: 'bo-id', authorUsername: 'bo-login', authorName: 'Bo Bertelsen', status: 'hidden', voteCount: 1, moderationReason: 'Reklame' }),
    w.given.idea({ authorId: 'bo-id', authorName: 'Bo Bertelsen', status: 'pending' }),
    w.given.idea({ authorId: 'anna-id', authorName: 'Anna Andersen', status: 'rejected', officialAnswer: 'Ligger uden for kommissoriet' }),
  ];
  const theirs = w.given.idea({ processId: OTHER, authorId: 'anna-id', authorName: 'Anna Andersen', voteCount: 1 });

  const comment = w.given.comment(ideas[0]!.id, 'bo-id', { authorName: 'Bo Bertelsen', body: 'God idé', stance: 'for' });
  const reply = w.given.comment(ideas[0]!.id, 'anna-id', { authorName: 'Anna Andersen', parentId: comment.id, body: 'Tak' });
  const held = w.given.comment(ideas[1]!.id, 'anna-id', { authorName: 'Anna Andersen', state: 'held' });
  const gone = w.given.comment(ideas[0]!.id, 'bo-id', { state: 'deleted' });
  delete (w.tables.comments.get(gone.id) as Partial<typeof gone>).authorId;
  delete (w.tables.comments.get(gone.id) as Partial<typeof gone>).authorName;
  w.given.comment(theirs.id, 'bo-id', { authorName: 'Bo Bertelsen' });

  const vote = (ideaId: string, userId: string, processId = PROCESS_ID): VoteRecord => ({ ideaId, userId, processId, participantType: 'citizen', weight: 1, createdAt: '2027-01-01T00:00:00.000Z' });
  for (const v of [vote(ideas[0]!.id, 'anna-id'), vote(ideas[0]!.id, 'bo-id'), vote(ideas[1]!.id, 'anna-id'), vote(theirs.id, 'bo-id', OTHER)]) w.tables.votes.set(voteKey(v.ideaId, v.userId), v);
  // Anna's two standing votes, Bo's one, and a tally at 0 left by a vote taken back; Bo's in the other process.
  for (const [key, n] of [[tallyKey('anna-id', PROCESS_ID), 2], [tallyKey('bo-id', PROCESS_ID), 1], [tallyKey('carl-id', PROCESS_ID), 0], [tallyKey('bo-id', OTHER), 1]] as const) w.tables.voteTallies.set(key, n);
  const flag = (ideaId: string, userId: string, commentId?: string, processId = PROCESS_ID): FlagRecord => ({ ideaId, userId, processId, reason: 'spam', createdAt: '2027-01-01T00:00:00.000Z', ...(commentId ? { commentId } : {}) });
  for (const f of [flag(ideas[1]!.id, 'anna-id'), flag(ideas[0]!.id, 'anna-id', comment.id), flag(theirs.id, 'anna-id', undefined, OTHER)]) w.tables.flags.set(flagKey(f.ideaId, f.commentId, f.userId), f);

  const entry = (id: string, overrides: Partial<AuditRecord>): AuditRecord => ({ id, processId: PROCESS_ID, at: '2027-02-01T00:00:00.000Z', actorId: 'mod', actorName: 'Mona Moderator', action: 'hide', targetKind: 'idea', targetId: ideas[1]!.id, reason: 'Reklame', ...overrides });
  const audit = [
    entry('01J0000000000000000000000A', {}),
    entry('01J0000000000000000000000B', { action: 'block', targetKind: 'user', targetId: 'bo-id', reason: 'Gentagen reklame' }),
    entry('01J0000000000000000000000C', { processId: OTHER, action: 'block', targetKind: 'user', targetId: 'anna-id' }),
  ];
  for (const a of audit) w.tables.audit.set(a.id, a);
  return { ...w, deps, expired, ideas, theirs, comment, reply, held, gone, audit };
}

/** Everything the tables hold, as one string, to look for names and ids in. */
const everything = (w: ReturnType<typeof world>, processId: string) =>
  JSON.stringify([
    [...w.tables.ideas.values()].filter((i) => i.processId === processId),
    [...w.tables.comments.values()].filter((c) => c.processId === processId),
    [...w.tables.votes.values()].filter((v) => v.processId === processId),
    [...w.tables.flags.values()].filter((f) => f.processId === processId),
    [...w.tables.audit.values()].filter((a) => a.processId === processId && a.targetKind === 'user'),
    [...w.tables.voteTallies.keys()].filter((k) => k.endsWith(tallyKey('', processId))),
  ]);

describe('eraseExpiredProcesses', () => {
  it('takes every participant out of a process past its date, in any status, and keeps texts and counts', async () => {
    const w = world();

    const run = await eraseExpiredProcesses(w.deps, AFTER);

    expect(run.failed).toEqual([]);
    expect(run.erased).toEqual([{ processId: PROCESS_ID, ideas: 4, comments: 3, votes: 3, flags: 2, tallies: 3, surveyMarkers: 0, auditEntries: 1 }]);
    for (const trace of ['anna-id', 'bo-id', 'carl-id', 'anna-login', 'bo-login', 'Andersen', 'Bertelsen']) expect(everything(w, PROCESS_ID)).not.toContain(trace);
    for (const idea of w.ideas) {
      const stored = w.tables.ideas.get(idea.id)!;
      expect(stored).not.toHaveProperty('authorId');
      expect(stored).not.toHaveProperty('authorUsername');
      expect(stored).toMatchObject({ authorName: FORMER_PARTICIPANT, title: idea.title, body: idea.body, status: idea.status, voteCount: idea.voteCount, commentCount: idea.commentCount, authorType: 'citizen' });
    }
    expect(w.tables.ideas.get(w.ideas[1]!.id)).toMatchObject({ moderationReason: 'Reklame' });
    expect(w.tables.ideas.get(w.ideas[3]!.id)).toMatchObject({ officialAnswer: 'Ligger uden for kommissoriet' });
    for (const c of [w.comment, w.reply, w.held]) {
      expect(w.tables.comments.get(c.id)).toMatchObject({ authorName: FORMER_PARTICIPANT, body: c.body, state: c.state });
      expect(w.tables.comments.get(c.id)).not.toHaveProperty('authorId');
    }
    expect(w.tables.comments.get(w.comment.id)).toMatchObject({ stance: 'for' });
    expect(w.tables.comments.get(w.gone.id)).toEqual(expect.not.objectContaining({ authorName: expect.anything() }));
    // The moderator's decisions stay, with the moderator; the blocked participant is no longer named.
    expect(w.tables.audit.get(w.audit[0]!.id)).toEqual(w.audit[0]);
    expect(w.tables.audit.get(w.audit[1]!.id)).toEqual({ ...w.audit[1], targetId: ERASED_SUBJECT });
  });

  it('marks the process erased with an audit entry by the retention date, not by a person', async () => {
    const w = world();

    await eraseExpiredProcesses(w.deps, AFTER);

    expect(w.tables.processes.get(PROCESS_ID)).toMatchObject({ personalDataErasedAt: AFTER.toISOString(), updatedAt: AFTER.toISOString() });
    const erase = [...w.tables.audit.values()].filter((a) => a.action === 'process-erase');
    expect(erase).toEqual([
      expect.objectContaining({ processId: PROCESS_ID, at: AFTER.toISOString(), actorId: RETENTION_ACTOR.id, actorName: 'Opbevaringsfrist', targetKind: 'process', targetId: PROCESS_ID }),
    ]);
    expect(erase[0]!.reason).toMatch(/^Opbevaringsfristen for persondata er udløbet/);
  });

  it('leaves a process whose date has not come exactly as it was', async () => {
    const w = world();
    const before = everything(w, OTHER);

    await eraseExpiredProcesses(w.deps, AFTER);

    expect(everything(w, OTHER)).toBe(before);
    expect(before).toContain('Andersen');
    expect(w.tables.processes.get(OTHER)).not.toHaveProperty('personalDataErasedAt');
    expect(w.tables.audit.get(w.audit[2]!.id)).toEqual(w.audit[2]);
  });

  it('erases at the retention date itself, and not a millisecond before', async () => {
    const early = world();
    expect((await eraseExpiredProcesses(early.deps, new Date(Date.parse(UNTIL) - 1))).erased).toEqual([]);
    expect(early.tables.votes.size).toBe(4);

    const onTime = world();
    expect((await eraseExpiredProcesses(onTime.deps, new Date(UNTIL))).erased.map((r) => r.processId)).toEqual([PROCESS_ID]);
  });

  it('skips a process it has erased: a second run changes nothing and writes no second entry', async () => {
    const w = world();
    await eraseExpiredProcesses(w.deps, AFTER);
    const after = structuredClone(w.tables);

    const second = await eraseExpiredProcesses(w.deps, new Date(AFTER.getTime() + 86_400_000));

    expect(second).toEqual({ erased: [], failed: [] });
    expect(w.tables).toEqual(after);
  });

  it('finishes on the next run what a run cut short left, with the same result as one whole run', async () => {
    let calls = 0;
    const cut = world({
      // The third comment fails, as if the Lambda function ran out of time there.
      store: (store) => ({ ...store, anonymizeComment: async (c, name) => (++calls === 3 ? Promise.reject(new Error('Task timed out')) : store.anonymizeComment(c, name)) }),
    });
    const whole = world();

    const first = await eraseExpiredProcesses(cut.deps, AFTER);
    expect(first.erased).toEqual([]);
    expect(first.failed).toEqual([{ processId: PROCESS_ID, error: new Error('Task timed out') }]);
    expect(cut.tables.processes.get(PROCESS_ID)).not.toHaveProperty('personalDataErasedAt');
    expect(everything(cut, PROCESS_ID)).toContain('Andersen');

    await eraseExpiredProcesses(cut.deps, AFTER);
    await eraseExpiredProcesses(whole.deps, AFTER);
    expect(cut.tables).toEqual(whole.tables);
  });

  it('erases the other due processes when one fails', async () => {
    const w = world({
      store: (store) => ({ ...store, ideaIds: async (id) => (id === PROCESS_ID ? Promise.reject(new Error('throttled')) : store.ideaIds(id)) }),
    });
    const third = w.given.process({ id: 'tredje-forloeb', settings: { ...aProcess().settings, personalDataUntil: UNTIL } });
    const idea = w.given.idea({ processId: third.id, authorId: 'anna-id', authorName: 'Anna Andersen' });

    const run = await eraseExpiredProcesses(w.deps, AFTER);

    expect(run.failed.map((f) => f.processId)).toEqual([PROCESS_ID]);
    expect(run.erased.map((r) => r.processId)).toEqual([third.id]);
    expect(w.tables.ideas.get(idea.id)).toMatchObject({ authorName: FORMER_PARTICIPANT });
    expect(w.tables.processes.get(third.id)?.personalDataErasedAt).toBe(AFTER.toISOString());
  });
});
