import { describe, expect, it } from 'vitest';
import { claimCodeHash } from '#functions/domain/assisted/claim-codes';
import { claimAssisted, claimSummary, CLAIM_LIMIT, type ClaimDeps } from '#functions/domain/assisted/claim';
import { claimSurvey } from '#functions/domain/assisted/claim-survey';
import { claimVotes } from '#functions/domain/assisted/claim-votes';
import type { AssistedPersonRecord, ClaimStore, ClaimVote } from '#functions/domain/assisted/ports';
import type { AuditRecord } from '#functions/domain/ports';
import { TooManyRequestsError } from '#functions/lib/errors';
import { gentofteAt } from '../fakes/records';

/**
 * The claim's decisions on a scripted store (the transactions themselves are tested against DynamoDB
 * Local in test/integration/assisted-claim.test.ts): which votes move and which are dropped, the
 * survey answer, and the refusals with their status, each leaving nothing written.
 */
const CODE = '7K3M-Q9PX-2DRT';
const NOW = new Date('2026-12-01T12:00:00Z');
const account = { userId: 'konto-1', roles: [], username: 'konto-1-login' };

const aVote = (ideaId: string, createdAt: string): ClaimVote => ({ ideaId, userId: 'assisted-P1', processId: 'ai-i-gentofte', participantType: 'citizen', weight: 1, createdAt });

function scripted(over: Partial<ClaimStore> = {}, person: Partial<AssistedPersonRecord> = {}) {
  const calls: string[] = [];
  const audits: AuditRecord[] = [];
  const record: AssistedPersonRecord = {
    id: 'P1', processId: 'ai-i-gentofte', userId: 'assisted-P1', name: 'Else', participantType: 'citizen',
    consent: { at: NOW.toISOString(), version: 'v', assistantId: 'a', assistantName: 'A', channel: 'paper' },
    claimCodeHashes: [claimCodeHash(CODE)!], createdAt: NOW.toISOString(), createdBy: 'a', ...person,
  };
  const log = (name: string) => calls.push(name);
  const store: ClaimStore = {
    attempt: async () => void log('attempt'),
    byCode: async (hash) => (log('byCode'), hash === claimCodeHash(CODE) ? { processId: 'ai-i-gentofte', personId: 'P1' } : undefined),
    person: async () => record,
    reserve: async () => (log('reserve'), 'reserved'),
    ideasOf: async () => [{ pk: 'IDEA#1', sk: 'IDEA' }],
    commentsOf: async () => [],
    votesOf: async () => [],
    moveAuthor: async () => (log('moveAuthor'), true),
    hasVote: async () => false,
    moveVote: async (v) => (log(`move ${v.ideaId}`), 'moved'),
    dropVote: async (v) => (log(`drop ${v.ideaId}`), true),
    surveyMarker: async () => undefined,
    moveSurveyMarker: async () => 'moved',
    dropSurveyAnswer: async () => true,
    finish: async (_p, _a, audit) => (log('finish'), audits.push(audit), true),
    ...over,
  };
  const deps: ClaimDeps = {
    claims: store,
    processes: { get: async () => gentofteAt(NOW) },
    profiles: { get: async (id) => (id === account.userId ? { userId: id, displayName: 'Else på nettet', participantType: 'citizen', createdAt: '', updatedAt: '' } : undefined) },
    clock: { now: () => NOW },
    newId: () => 'AUDIT1',
  };
  return { deps, store, calls, audits };
}

describe('claimVotes', () => {
  it('moves votes oldest first, drops a vote for an idea the account voted for, and one the store refuses as a double or past the rule', async () => {
    const { store, calls } = scripted({
      votesOf: async () => [aVote('c', '2026-11-03'), aVote('a', '2026-11-01'), aVote('b', '2026-11-02'), aVote('d', '2026-11-04'), aVote('e', '2026-11-05')],
      hasVote: async (ideaId) => ideaId === 'b',
      moveVote: async (v) => (calls.push(`move ${v.ideaId}`), v.ideaId === 'c' ? 'voted' : v.ideaId === 'd' ? 'limit' : 'moved'),
    });
    expect(await claimVotes(store, 'assisted-P1', 'konto-1', 3)).toEqual({ votes: 2, votesDropped: 3 });
    expect(calls).toEqual(['move a', 'drop b', 'move c', 'drop c', 'move d', 'drop d', 'move e']);
  });

  it('leaves a vote that is gone already, and counts no drop that found nothing', async () => {
    const { store, calls } = scripted({
      votesOf: async () => [aVote('a', '1'), aVote('b', '2')],
      hasVote: async (ideaId) => ideaId === 'b',
      moveVote: async () => 'gone',
      dropVote: async () => false,
    });
    expect(await claimVotes(store, 'assisted-P1', 'konto-1', null)).toEqual({ votes: 0, votesDropped: 0 });
    expect(calls).toEqual([]);
  });
});

describe('claimSurvey', () => {
  it('moves the marker when the account has not answered; removes the assisted answer when it has; nothing without a marker', async () => {
    const marker = { answerId: 'A1', textIds: ['T1'] };
    let dropped: unknown;
    const moved = scripted({ surveyMarker: async () => marker });
    expect(await claimSurvey(moved.store, 'p', 'assisted-P1', 'konto-1')).toEqual({ surveyAnswers: 1, surveyAnswersDropped: 0 });
    const answered = scripted({ surveyMarker: async () => marker, moveSurveyMarker: async () => 'answered', dropSurveyAnswer: async (...args) => ((dropped = args), true) });
    expect(await claimSurvey(answered.store, 'p', 'assisted-P1', 'konto-1')).toEqual({ surveyAnswers: 0, surveyAnswersDropped: 1 });
    expect(dropped).toEqual(['p', 'assisted-P1', marker]);
    const none = scripted({ moveSurveyMarker: async () => { throw new Error('not called'); } });
    expect(await claimSurvey(none.store, 'p', 'assisted-P1', 'konto-1')).toEqual({ surveyAnswers: 0, surveyAnswersDropped: 0 });
  });
});

describe('claimAssisted', () => {
  it('counts the attempt, moves, then finishes with the audit entry naming the account and the person', async () => {
    const { deps, calls, audits } = scripted();
    const result = await claimAssisted(deps, account, CODE.toLowerCase().replace(/-/g, ' '));
    expect(result).toMatchObject({ processId: 'ai-i-gentofte', ideas: 1, comments: 0, votes: 0, votesDropped: 0, surveyAnswers: 0, surveyAnswersDropped: 0 });
    expect(calls).toEqual(['attempt', 'byCode', 'reserve', 'moveAuthor', 'finish']);
    expect(audits).toEqual([
      expect.objectContaining({ actorId: 'konto-1', actorName: 'Else på nettet', action: 'assisted-claim', targetKind: 'assisted-person', targetId: 'P1', processId: 'ai-i-gentofte' }),
    ]);
    expect(CLAIM_LIMIT).toEqual({ action: 'claim', max: 10, windowSeconds: 3600 });
  });

  it('answers a malformed and an unknown code alike with 404, reserving nothing', async () => {
    for (const code of ['ikke en kode', 'AAAA-BBBB-CCCC']) {
      const { deps, calls } = scripted();
      await expect(claimAssisted(deps, account, code)).rejects.toMatchObject({ status: 404, detail: expect.stringMatching(/^Koden findes ikke/) });
      expect(calls.filter((c) => c !== 'attempt' && c !== 'byCode')).toEqual([]);
    }
  });

  it('refuses a person claimed by another account, or finished by this one, with 409', async () => {
    const other = scripted({}, { claimedBy: 'konto-2', claimedAt: NOW.toISOString() });
    await expect(claimAssisted(other.deps, account, CODE)).rejects.toMatchObject({ status: 409, slug: 'claimed' });
    const mine = scripted({}, { claimedBy: 'konto-1', claimedAt: NOW.toISOString() });
    await expect(claimAssisted(mine.deps, account, CODE)).rejects.toMatchObject({ status: 409, slug: 'claimed-by-you' });
    const raced = scripted({ reserve: async () => 'taken' });
    await expect(claimAssisted(raced.deps, account, CODE)).rejects.toMatchObject({ status: 409, slug: 'claimed' });
    for (const s of [other, mine, raced]) expect(s.calls).not.toContain('moveAuthor');
  });

  it('finishes a claim this account started (reserved, not finished)', async () => {
    const { deps, calls } = scripted({}, { claimedBy: 'konto-1' });
    await claimAssisted(deps, account, CODE);
    expect(calls).toContain('finish');
  });

  it('needs a profile, and stops at the rate limit before the code is looked up', async () => {
    const { deps, calls } = scripted();
    await expect(claimAssisted(deps, { ...account, userId: 'uden-profil' }, CODE)).rejects.toMatchObject({ status: 409, slug: 'profile-required' });
    expect(calls).toEqual([]);
    const limited = scripted({ attempt: async () => { throw new TooManyRequestsError(60); } });
    await expect(claimAssisted(limited.deps, account, CODE)).rejects.toMatchObject({ status: 429 });
    expect(limited.calls).toEqual([]);
  });
});

describe('claimSummary', () => {
  it('says in plain Danish what moved', () => {
    const base = { processId: 'p', processTitle: 'P', ideas: 2, comments: 1, votes: 3, votesDropped: 1, surveyAnswers: 0, surveyAnswersDropped: 1 };
    expect(claimSummary(base)).toBe('Idéer: 2. Kommentarer: 1. Stemmer: 3 (1 fjernet: kontoen havde allerede stemt). Spørgeskemasvar fjernet: kontoen havde selv svaret.');
    expect(claimSummary({ ...base, votesDropped: 0, surveyAnswersDropped: 0, surveyAnswers: 1 })).toBe('Idéer: 2. Kommentarer: 1. Stemmer: 3. Spørgeskemasvar flyttet.');
  });
});
