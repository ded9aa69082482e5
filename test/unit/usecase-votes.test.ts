import { describe, expect, it } from 'vitest';
import { myVotes, unvote, vote } from '#functions/domain/votes';
import { defaultRateLimits } from '#shared/schemas/process';
import { aProcess, DURING_REVIEW, fakeWorld, PROCESS_ID } from '../fakes';

/** Votes on the in-memory ports: what a vote leaves stored, and the errors (with status) it refuses with. Each test: prepare, act, assess. */
function world() {
  const w = fakeWorld();
  const voter = w.given.user('voter');
  const idea = w.given.idea({ trendScore: 5 });
  return { ...w, voter, idea };
}

describe('vote', () => {
  it('stores one vote with the voter\'s participant type and counts it on the idea', async () => {
    const { deps, tables, voter, idea } = world();
    tables.profiles.get('voter')!.participantType = 'business';

    const state = await vote(deps, voter, idea.id);

    expect(state).toEqual({ voteCount: 1, voted: true });
    const stored = (await deps.votes.context(idea.id, voter.userId, true)).vote;
    expect(stored).toMatchObject({ ideaId: idea.id, userId: 'voter', processId: PROCESS_ID, participantType: 'business' });
    expect(tables.ideas.get(idea.id)).toMatchObject({ voteCount: 1, trendScore: 5 + stored!.weight });
    expect(stored!.weight).toBeGreaterThan(0);
  });

  it('is idempotent: a second vote by the same user changes nothing and answers the stored count', async () => {
    const { deps, tables, voter, idea } = world();
    await vote(deps, voter, idea.id);

    const again = await vote(deps, voter, idea.id);

    expect(again).toEqual({ voteCount: 1, voted: true });
    expect(tables.ideas.get(idea.id)!.voteCount).toBe(1);
    expect(tables.votes.size).toBe(1);
  });

  it('counts votes from different users', async () => {
    const { deps, given, voter, idea } = world();
    const other = given.user('other');

    await vote(deps, voter, idea.id);
    const second = await vote(deps, other, idea.id);

    expect(second.voteCount).toBe(2);
    expect(await deps.votes.count(idea.id)).toBe(2);
  });

  it.each([
    ['an unknown idea', undefined],
    ['a pending idea', { status: 'pending' as const }],
    ['a hidden idea', { status: 'hidden' as const }],
  ])('answers 404 for %s', async (_case, overrides) => {
    const { deps, given, voter } = world();
    const id = overrides ? given.idea(overrides).id : '01JD0000000000000000000000';

    await expect(vote(deps, voter, id)).rejects.toMatchObject({ status: 404 });
  });

  it('takes a vote on an idea held after flags: flags cannot freeze voting (issue 17)', async () => {
    const { deps, given, voter } = world();
    const held = given.idea({ status: 'published', held: true });

    await expect(vote(deps, voter, held.id)).resolves.toEqual({ voteCount: 1, voted: true });
  });

  it('refuses a public idea that is no longer published (409 voting-closed)', async () => {
    const { deps, given, tables, voter } = world();
    const idea = given.idea({ status: 'under_review' });

    await expect(vote(deps, voter, idea.id)).rejects.toMatchObject({ status: 409, slug: 'voting-closed' });
    expect(tables.votes.size).toBe(0);
  });

  it('refuses votes in a phase that takes none (409 voting-closed)', async () => {
    const { deps, clock, tables, voter, idea } = world();
    clock.set(DURING_REVIEW);

    await expect(vote(deps, voter, idea.id)).rejects.toMatchObject({ status: 409, slug: 'voting-closed' });
    expect(tables.ideas.get(idea.id)!.voteCount).toBe(0);
  });

  it('needs a profile (409 profile-required) and refuses a blocked voter (403)', async () => {
    const { deps, given, idea } = world();
    const blocked = given.user('blocked', [], { blocked: true });

    await expect(vote(deps, { userId: 'nobody', roles: [] }, idea.id)).rejects.toMatchObject({ status: 409, slug: 'profile-required' });
    await expect(vote(deps, blocked, idea.id)).rejects.toMatchObject({ status: 403 });
  });

  it('refuses votes over the per-minute limit with 429 and a retry-after, storing nothing, until the window passes', async () => {
    const { deps, given, clock, tables, voter } = world();
    given.process({ settings: { moderation: 'post', flagThreshold: 3, votesPerPerson: null, personalDataUntil: '2099-01-01T00:00:00.000Z', limits: { ...defaultRateLimits, votesPerMinute: 2 } } });
    const [a, b, c] = [given.idea(), given.idea(), given.idea()];
    await vote(deps, voter, a.id);
    await vote(deps, voter, b.id);

    await expect(vote(deps, voter, c.id)).rejects.toMatchObject({ status: 429, headers: { 'retry-after': expect.stringMatching(/^\d+$/) } });
    expect(tables.ideas.get(c.id)!.voteCount).toBe(0);

    clock.advance(60_000);
    await expect(vote(deps, voter, c.id)).resolves.toEqual({ voteCount: 1, voted: true });
  });

  it('lets the write decide when the idea closes between the read and the write (409, nothing stored)', async () => {
    const { deps, tables, voter, idea } = world();
    const read = deps.votes.context;
    deps.votes.context = async (...args) => {
      const context = await read(...args);
      tables.ideas.get(idea.id)!.status = 'under_review'; // the committee moves it meanwhile
      return context;
    };

    await expect(vote(deps, voter, idea.id)).rejects.toMatchObject({ status: 409, slug: 'voting-closed' });
    expect(tables.votes.size).toBe(0);
    expect(tables.ideas.get(idea.id)!.voteCount).toBe(0);
  });
});

describe('unvote', () => {
  it('takes the vote and exactly its trending weight back', async () => {
    const { deps, tables, voter, idea } = world();
    await vote(deps, voter, idea.id);

    const state = await unvote(deps, voter, idea.id);

    expect(state).toEqual({ voteCount: 0, voted: false });
    expect(tables.ideas.get(idea.id)).toMatchObject({ voteCount: 0, trendScore: 5 });
    expect((await deps.votes.context(idea.id, voter.userId, true)).vote).toBeUndefined();
  });

  it('is idempotent: without a vote it answers the count and changes nothing', async () => {
    const { deps, given, tables, voter, idea } = world();
    await vote(deps, given.user('other'), idea.id);

    const state = await unvote(deps, voter, idea.id);

    expect(state).toEqual({ voteCount: 1, voted: false });
    expect(tables.ideas.get(idea.id)!.voteCount).toBe(1);
  });

  it('refuses once voting has closed (409), keeping the vote', async () => {
    const { deps, clock, tables, voter, idea } = world();
    await vote(deps, voter, idea.id);
    clock.set(DURING_REVIEW);

    await expect(unvote(deps, voter, idea.id)).rejects.toMatchObject({ status: 409, slug: 'voting-closed' });
    expect(tables.ideas.get(idea.id)!.voteCount).toBe(1);
  });
});

describe('myVotes', () => {
  it('names, of the ideas asked about, those the user voted for', async () => {
    const { deps, given, voter, idea } = world();
    const other = given.idea();
    await vote(deps, voter, idea.id);

    expect(await myVotes(deps, voter, { ideaIds: [other.id, idea.id] })).toEqual({ voted: [idea.id] });
  });

  it('with a process, tells the votes left there: null without a limit, else the limit less the standing votes', async () => {
    const { deps, given, voter, idea } = world();
    expect(await myVotes(deps, voter, { ideaIds: [idea.id], processId: PROCESS_ID })).toEqual({ voted: [], votesLeft: null });

    given.process({ settings: { ...aProcess().settings, votesPerPerson: 3 } });
    await vote(deps, voter, idea.id);

    expect(await myVotes(deps, voter, { ideaIds: [idea.id], processId: PROCESS_ID })).toEqual({ voted: [idea.id], votesLeft: 2 });
    await expect(myVotes(deps, voter, { ideaIds: [idea.id], processId: 'intet-forloeb' })).rejects.toMatchObject({ status: 404 });
  });
});

describe('the vote rule (settings.votesPerPerson)', () => {
  function limited(max: number | null) {
    const w = world();
    w.given.process({ settings: { ...aProcess().settings, votesPerPerson: max } });
    return { ...w, ideas: [w.idea, w.given.idea(), w.given.idea()] };
  }

  it('lets a person vote for N ideas, telling the votes left, and refuses the next with 409 vote-limit in Danish, storing nothing', async () => {
    const { deps, tables, voter, ideas } = limited(2);

    expect(await vote(deps, voter, ideas[0]!.id)).toEqual({ voteCount: 1, voted: true, votesLeft: 1 });
    expect(await vote(deps, voter, ideas[1]!.id)).toEqual({ voteCount: 1, voted: true, votesLeft: 0 });
    await expect(vote(deps, voter, ideas[2]!.id)).rejects.toMatchObject({
      status: 409,
      slug: 'vote-limit',
      detail: 'Du har brugt alle dine 2 stemmer i dette forløb. Tag en stemme tilbage for at stemme på en anden idé.',
    });
    expect(tables.ideas.get(ideas[2]!.id)!.voteCount).toBe(0);
    expect(tables.votes.size).toBe(2);
  });

  it('counts a repeated vote once, and gives a vote back when one is taken back', async () => {
    const { deps, voter, ideas } = limited(1);
    await vote(deps, voter, ideas[0]!.id);
    expect(await vote(deps, voter, ideas[0]!.id)).toEqual({ voteCount: 1, voted: true, votesLeft: 0 });
    await expect(vote(deps, voter, ideas[1]!.id)).rejects.toMatchObject({ slug: 'vote-limit', detail: expect.stringContaining('din stemme') });

    expect(await unvote(deps, voter, ideas[0]!.id)).toEqual({ voteCount: 0, voted: false, votesLeft: 1 });
    expect(await vote(deps, voter, ideas[1]!.id)).toEqual({ voteCount: 1, voted: true, votesLeft: 0 });
  });

  it('is per person and per process', async () => {
    const { deps, given, voter, ideas } = limited(1);
    await vote(deps, voter, ideas[0]!.id);

    await expect(vote(deps, given.user('someone'), ideas[1]!.id)).resolves.toMatchObject({ voted: true, votesLeft: 0 });
    given.process({ id: 'andet-forloeb', settings: { ...aProcess().settings, votesPerPerson: 1 } });
    const elsewhere = given.idea({ processId: 'andet-forloeb' });
    await expect(vote(deps, voter, elsewhere.id)).resolves.toMatchObject({ voted: true, votesLeft: 0 });
  });

  it('counts votes cast before a limit was set, and never answers fewer than 0 left', async () => {
    const { deps, given, voter, ideas } = limited(null);
    expect(await vote(deps, voter, ideas[0]!.id)).toEqual({ voteCount: 1, voted: true });
    await vote(deps, voter, ideas[1]!.id);

    given.process({ settings: { ...aProcess().settings, votesPerPerson: 1 } });

    await expect(vote(deps, voter, ideas[2]!.id)).rejects.toMatchObject({ slug: 'vote-limit' });
    expect(await myVotes(deps, voter, { ideaIds: [ideas[0]!.id], processId: PROCESS_ID })).toMatchObject({ votesLeft: 0 });
  });
});
