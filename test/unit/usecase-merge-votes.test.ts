import { describe, expect, it } from 'vitest';
import { getIdea } from '#functions/domain/ideas';
import { moderateIdea } from '#functions/domain/moderation';
import { myVotedIdeas } from '#functions/domain/my-votes';
import { myVotes, unvote, vote } from '#functions/domain/votes';
import { exactSum } from '#functions/adapters/dynamodb/vote-carry';
import { aProcess, fakeWorld, PROCESS_ID } from '../fakes';
import { tallyKey, voteKey } from '../fakes/tables';

/**
 * Merged ideas counted once in public: what a merge does to votes (carried to the target, each
 * supporter once, the vote rule's tallies kept), and the list of one's votes that says where a vote
 * on a merged idea went. On the in-memory ports; each test: prepare, act, assess.
 */
function world(votesPerPerson: number | null = null) {
  const w = fakeWorld();
  w.given.process({ settings: { ...aProcess().settings, votesPerPerson } });
  const moderator = w.given.user('mod', ['moderator']);
  const [ann, bo, cy] = ['ann', 'bo', 'cy'].map((id) => w.given.user(id));
  const merge = (sourceId: string, targetId: string) => moderateIdea(w.deps, moderator, sourceId, { action: 'merge', targetId, reason: 'Samme forslag som en anden idé.' });
  return { ...w, moderator, ann: ann!, bo: bo!, cy: cy!, merge };
}

const reason = 'Samme forslag som en anden idé.';

describe('a merge carries votes to the target', () => {
  it('counts each supporter once on the target, with the carried votes\' weights, and marks the source done', async () => {
    const w = world();
    const [source, target] = [w.given.idea({ title: 'Kilde' }), w.given.idea({ title: 'Mål', trendScore: 1 })];
    await vote(w.deps, w.ann, source.id);
    await vote(w.deps, w.bo, source.id);
    await vote(w.deps, w.bo, target.id);
    const annWeight = w.tables.votes.get(voteKey(source.id, 'ann'))!.weight;
    const trendBefore = w.tables.ideas.get(target.id)!.trendScore;

    await w.merge(source.id, target.id);

    expect(w.tables.ideas.get(target.id)).toMatchObject({ voteCount: 2, trendScore: trendBefore + annWeight });
    await expect(getIdea(w.deps, target.id)).resolves.toMatchObject({ voteCount: 2 });
    expect(w.tables.votes.get(voteKey(target.id, 'ann'))).toMatchObject({ carriedFrom: source.id, participantType: 'citizen', weight: annWeight });
    expect(w.tables.votes.get(voteKey(target.id, 'bo'))!.carriedFrom).toBeUndefined();
    expect(w.tables.votes.get(voteKey(source.id, 'ann'))!.movedTo).toBe(target.id);
    expect(w.tables.ideas.get(source.id)!.votesCarriedAt).toBe(w.clock.now().toISOString());
    // The merged idea's page does not show the server's bookkeeping.
    expect(await getIdea(w.deps, source.id)).not.toHaveProperty('votesCarriedAt');
  });

  it('carries nothing twice when the carry runs again', async () => {
    const w = world();
    const [source, target] = [w.given.idea(), w.given.idea()];
    await vote(w.deps, w.ann, source.id);
    await w.merge(source.id, target.id);

    await w.deps.moderation.carryVotes(w.tables.ideas.get(source.id)!, target.id, w.clock.now(), Date.now() + 1000);

    expect(w.tables.ideas.get(target.id)!.voteCount).toBe(1);
    expect([...w.tables.votes.values()].filter((v) => v.ideaId === target.id)).toHaveLength(1);
  });

  it('follows chains: C into B, then B into A counts everyone once on A', async () => {
    const w = world();
    const [a, b, c] = [w.given.idea(), w.given.idea(), w.given.idea()];
    await vote(w.deps, w.ann, c.id);
    await vote(w.deps, w.bo, c.id);
    await vote(w.deps, w.bo, b.id);
    await vote(w.deps, w.cy, a.id);
    await vote(w.deps, w.ann, a.id);

    await w.merge(c.id, b.id);
    await w.merge(b.id, a.id);

    expect(w.tables.ideas.get(b.id)!.voteCount).toBe(2);
    expect(w.tables.ideas.get(a.id)!.voteCount).toBe(3);
    expect(new Set([...w.tables.votes.values()].filter((v) => v.ideaId === a.id).map((v) => v.userId))).toEqual(new Set(['ann', 'bo', 'cy']));
  });

  it('costs nobody a vote of the vote rule: a carried vote keeps its place, a double vote is given back', async () => {
    const w = world(2);
    const [source, target, third] = [w.given.idea(), w.given.idea(), w.given.idea()];
    await vote(w.deps, w.ann, source.id);
    await vote(w.deps, w.bo, source.id);
    await vote(w.deps, w.bo, target.id);

    await w.merge(source.id, target.id);

    expect(w.tables.voteTallies.get(tallyKey('ann', PROCESS_ID))).toBe(1);
    expect(w.tables.voteTallies.get(tallyKey('bo', PROCESS_ID))).toBe(1);
    await expect(vote(w.deps, w.bo, third.id)).resolves.toMatchObject({ voted: true, votesLeft: 0 });
  });

  it('lets a voter take a carried vote back on the target, which gives it back to them', async () => {
    const w = world(1);
    const [source, target, other] = [w.given.idea(), w.given.idea(), w.given.idea()];
    await vote(w.deps, w.ann, source.id);
    await w.merge(source.id, target.id);

    expect(await myVotes(w.deps, w.ann, { ideaIds: [target.id], processId: PROCESS_ID })).toEqual({ voted: [target.id], votesLeft: 0 });
    expect(await unvote(w.deps, w.ann, target.id)).toEqual({ voteCount: 0, voted: false, votesLeft: 1 });
    await expect(vote(w.deps, w.ann, other.id)).resolves.toMatchObject({ voted: true });
  });

  it('finishes a carry that stopped half-way when the moderator merges again (503 first, then 200, audited once)', async () => {
    const w = world();
    const [source, target] = [w.given.idea(), w.given.idea()];
    await vote(w.deps, w.ann, source.id);
    const carry = w.deps.moderation.carryVotes;
    w.deps.moderation.carryVotes = async () => 'unfinished';

    await expect(w.merge(source.id, target.id)).rejects.toMatchObject({ status: 503, slug: 'merge-unfinished' });
    expect(w.tables.ideas.get(source.id)!.status).toBe('merged');
    expect(w.tables.ideas.get(target.id)!.voteCount).toBe(0);

    w.deps.moderation.carryVotes = carry;
    await expect(w.merge(source.id, target.id)).resolves.toMatchObject({ status: 'merged', mergedInto: target.id });
    expect(w.tables.ideas.get(target.id)!.voteCount).toBe(1);
    expect([...w.tables.audit.values()].filter((e) => e.action === 'merge')).toHaveLength(1);
    // Once every vote is carried, merging again is the usual refusal.
    await expect(w.merge(source.id, target.id)).rejects.toMatchObject({ status: 409, slug: 'invalid-transition' });
  });

  it('tells the moderator when the target was merged itself meanwhile (409)', async () => {
    const w = world();
    const [source, target] = [w.given.idea(), w.given.idea()];
    w.deps.moderation.carryVotes = async () => 'target-closed';

    await expect(moderateIdea(w.deps, w.moderator, source.id, { action: 'merge', targetId: target.id, reason })).rejects.toMatchObject({ status: 409, slug: 'merge-target-merged' });
  });
});

describe('myVotedIdeas', () => {
  it('lists the ideas I voted for, newest vote first, a merged one with where its vote counts now', async () => {
    const w = world();
    const [source, target, plain] = [w.given.idea({ title: 'Kilde' }), w.given.idea({ title: 'Mål' }), w.given.idea({ title: 'Anden idé' })];
    await vote(w.deps, w.ann, source.id);
    w.clock.advance(60_000);
    await vote(w.deps, w.ann, plain.id);
    await w.merge(source.id, target.id);

    const list = await myVotedIdeas(w.deps.votes, w.ann, { limit: 50 });

    expect(list).toEqual({
      items: [
        { ideaId: plain.id, processId: PROCESS_ID, title: 'Anden idé', status: 'published', votedAt: expect.any(String) },
        { ideaId: source.id, processId: PROCESS_ID, title: 'Kilde', status: 'merged', votedAt: expect.any(String), countsFor: { ideaId: target.id, title: 'Mål' } },
      ],
      nextCursor: null,
    });
  });

  it('names the end of a chain of merges, and nothing once the vote there is taken back', async () => {
    const w = world();
    const [a, b, c] = [w.given.idea({ title: 'A' }), w.given.idea({ title: 'B' }), w.given.idea({ title: 'C' })];
    await vote(w.deps, w.ann, c.id);
    await w.merge(c.id, b.id);
    await w.merge(b.id, a.id);

    expect((await myVotedIdeas(w.deps.votes, w.ann, { limit: 50 })).items).toMatchObject([{ ideaId: c.id, countsFor: { ideaId: a.id, title: 'A' } }]);

    await unvote(w.deps, w.ann, a.id);
    expect((await myVotedIdeas(w.deps.votes, w.ann, { limit: 50 })).items[0]).not.toHaveProperty('countsFor');
  });

  it('leaves out the title of an idea no longer public, filters by process and pages with a cursor', async () => {
    const w = world();
    const hidden = w.given.idea({ title: 'Navngiver en sagsbehandler' });
    const shown = w.given.idea({ title: 'Synlig' });
    await vote(w.deps, w.ann, hidden.id);
    w.clock.advance(1000);
    await vote(w.deps, w.ann, shown.id);
    w.tables.ideas.get(hidden.id)!.status = 'hidden';

    const first = await myVotedIdeas(w.deps.votes, w.ann, { limit: 1, processId: PROCESS_ID });
    const second = await myVotedIdeas(w.deps.votes, w.ann, { limit: 1, processId: PROCESS_ID, cursor: first.nextCursor! });

    expect(first.items.map((i) => i.title)).toEqual(['Synlig']);
    expect(second).toEqual({ items: [expect.objectContaining({ ideaId: hidden.id, title: '', status: 'hidden' })], nextCursor: null });
    expect((await myVotedIdeas(w.deps.votes, w.ann, { limit: 50, processId: 'andet-forloeb' })).items).toEqual([]);
  });
});

describe('exactSum (trending weights carried in one addition)', () => {
  it('adds six-decimal weights without a floating-point residue', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(exactSum([0.1, 0.2])).toBe('0.3');
    expect(exactSum([1.000001, 2.5, 64.123456])).toBe('67.623457');
    expect(exactSum([3])).toBe('3');
    expect(exactSum([])).toBe('0');
  });
});
