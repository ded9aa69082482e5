import { describe, expect, it } from 'vitest';
import { decideIdea, ideaState } from '#functions/domain/moderation-rules';
import type { IdeaChange, IdeaRecord } from '#functions/domain/ports';
import { ideaStatuses, publicStatuses, type IdeaStatus } from '#shared/schemas/idea';
import type { IdeaModeration } from '#shared/schemas/moderation';
import { BadRequestError, ConflictError } from '#functions/lib/errors';
import { allowedDecisions } from '#shared/rules/moderation';

/**
 * The moderation state machine as a table: every action from every status, and from every public
 * status while held by flags. Each cell is the resulting status, or the error class.
 */

const ID = '01JD0000000000000000000001';
const OTHER = '01JD0000000000000000000002';
const reason = 'En begrundelse';

const idea = (status: IdeaStatus, extra: Partial<IdeaRecord> = {}): IdeaRecord => ({
  id: ID,
  processId: 'ai-i-gentofte',
  title: 'Titel',
  excerpt: 'Uddrag',
  body: 'Brødtekst',
  area: 'erhverv',
  effects: ['kvalitet'],
  beneficiaries: ['citizens'],
  status,
  authorId: 'u1',
  authorName: 'Mette',
  authorType: 'citizen',
  voteCount: 0,
  commentCount: 0,
  trendScore: 1,
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
  ...extra,
});

const commands = {
  publish: { action: 'publish' },
  hide: { action: 'hide', reason },
  restore: { action: 'restore' },
  reject: { action: 'reject', reason },
  merge: { action: 'merge', reason, targetId: OTHER },
  'merge-self': { action: 'merge', reason, targetId: ID },
  'set-status': { action: 'set-status', status: 'selected' },
} as const satisfies Record<string, IdeaModeration>;
type Command = keyof typeof commands;

const X = ConflictError;
const B = BadRequestError;
type Cell = IdeaStatus | typeof X | typeof B;

/**
 * Rows: a status (and "+held" for a public status held by flags). Restore returns to the status an
 * idea had: here hidden and rejected ideas remember "under_review".
 * Merge only from a public, not held status: anyone may read a merged idea (canSee in domain/ideas.ts),
 * so merging a pending, hidden or held idea would publish text no moderator approved.
 */
const table: Record<string, Record<Command, Cell>> = {
  pending: { publish: 'published', hide: X, restore: X, reject: 'rejected', merge: X, 'merge-self': B, 'set-status': X },
  published: { publish: X, hide: 'hidden', restore: X, reject: 'rejected', merge: 'merged', 'merge-self': B, 'set-status': 'selected' },
  under_review: { publish: X, hide: 'hidden', restore: X, reject: 'rejected', merge: 'merged', 'merge-self': B, 'set-status': 'selected' },
  selected: { publish: X, hide: 'hidden', restore: X, reject: 'rejected', merge: 'merged', 'merge-self': B, 'set-status': 'selected' },
  not_selected: { publish: X, hide: 'hidden', restore: X, reject: 'rejected', merge: 'merged', 'merge-self': B, 'set-status': 'selected' },
  implemented: { publish: X, hide: 'hidden', restore: X, reject: 'rejected', merge: 'merged', 'merge-self': B, 'set-status': 'selected' },
  hidden: { publish: X, hide: X, restore: 'under_review', reject: 'rejected', merge: X, 'merge-self': B, 'set-status': X },
  rejected: { publish: X, hide: X, restore: 'under_review', reject: X, merge: X, 'merge-self': B, 'set-status': X },
  withdrawn: { publish: X, hide: X, restore: X, reject: X, merge: X, 'merge-self': B, 'set-status': X },
  // Personal data found after a merge must be removable: a merged idea can be hidden or rejected (issue 17).
  merged: { publish: X, hide: 'hidden', restore: X, reject: 'rejected', merge: X, 'merge-self': B, 'set-status': X },
  ...Object.fromEntries(
    publicStatuses.map((s) => [
      `${s}+held`,
      { publish: X, hide: 'hidden', restore: s, reject: 'rejected', merge: X, 'merge-self': B, 'set-status': 'selected' },
    ]),
  ),
};

const rowIdea = (row: string) => {
  const [status, held] = row.split('+') as [IdeaStatus, string | undefined];
  const remembers = status === 'hidden' || status === 'rejected' ? { previousStatus: 'under_review' as const } : {};
  return idea(status, { ...remembers, ...(held ? { held: true, flagCount: 3 } : {}) });
};

describe('the table', () => {
  it('has a row for every status and every held public status', () => {
    expect(Object.keys(table).sort()).toEqual([...ideaStatuses, ...publicStatuses.map((s) => `${s}+held`)].sort());
  });
});

const cells = Object.entries(table).flatMap(([row, actions]) => Object.entries(actions).map(([action, cell]) => [row, action as Command, cell] as const));

describe.each(cells.map(([row, action, cell]) => [`${row} --${action}-->`, row, action, cell] as const))('%s', (_, row, action, cell) => {
  const name = typeof cell === 'string' ? cell : cell === X ? '409' : '400';
  it(name, () => {
    const decide = () => decideIdea(rowIdea(row), commands[action]);
    if (typeof cell === 'string') {
      expect(decide().status).toBe(cell);
    } else {
      expect(decide).toThrow(cell);
      try {
        decide();
      } catch (error) {
        expect((error as ConflictError).status).toBe(cell === X ? 409 : 400);
      }
    }
  });
});

describe('what each decision records', () => {
  it('hide remembers the status it hid and the reason; restore brings both back to normal', () => {
    const hidden = decideIdea(idea('selected'), { action: 'hide', reason: 'Personoplysninger' });
    expect(hidden).toEqual({ status: 'hidden', held: false, previousStatus: 'selected', moderationReason: 'Personoplysninger' });
    const restored = decideIdea(idea('hidden', { previousStatus: 'selected', moderationReason: 'Personoplysninger' }), { action: 'restore' });
    expect(restored).toEqual({ status: 'selected', held: false, previousStatus: null, moderationReason: null, resetFlags: true });
  });

  it('hide and reject of a merged idea remember "merged" (its link to the target stays), and restore brings it back merged', () => {
    const merged = idea('merged', { mergedInto: OTHER, moderationReason: 'Samme idé' });
    expect(decideIdea(merged, { action: 'hide', reason: 'Personoplysninger' })).toEqual({ status: 'hidden', held: false, previousStatus: 'merged', moderationReason: 'Personoplysninger' });
    expect(decideIdea(merged, { action: 'reject', reason: 'Ulovligt' })).toEqual({ status: 'rejected', held: false, previousStatus: 'merged', moderationReason: 'Ulovligt' });
    expect(decideIdea(idea('hidden', { previousStatus: 'merged', mergedInto: OTHER }), { action: 'restore' }).status).toBe('merged');
  });

  it('the workspace offers hide and reject on a merged idea, and restore once it is hidden', () => {
    expect(allowedDecisions({ status: 'merged' })).toEqual(['hide', 'reject']);
    expect(allowedDecisions({ status: 'hidden' })).toEqual(['restore', 'reject']);
  });

  it('restore of a hidden idea without a remembered status goes back to published', () => {
    expect(decideIdea(idea('hidden'), { action: 'restore' }).status).toBe('published');
  });

  it('restore of a held idea keeps its status, un-holds it and resets the flags', () => {
    expect(decideIdea(idea('under_review', { held: true, flagCount: 4 }), { action: 'restore' })).toEqual({ status: 'under_review', held: false, resetFlags: true });
  });

  it('hide and reject of a held idea un-hold it (it leaves the flagged queue)', () => {
    expect(decideIdea(idea('published', { held: true }), { action: 'hide', reason }).held).toBe(false);
    expect(decideIdea(idea('published', { held: true }), { action: 'reject', reason }).held).toBe(false);
  });

  it('reject of a public idea remembers its status and records the reason', () => {
    expect(decideIdea(idea('implemented'), { action: 'reject', reason: 'Ulovligt' })).toEqual({
      status: 'rejected',
      held: false,
      previousStatus: 'implemented',
      moderationReason: 'Ulovligt',
    });
  });

  it('publish clears an earlier reason', () => {
    expect(decideIdea(idea('pending', { moderationReason: 'gammel' }), { action: 'publish' })).toEqual({ status: 'published', held: false, moderationReason: null });
  });

  it('merge records the target and the reason', () => {
    expect(decideIdea(idea('published'), { action: 'merge', reason: 'Dublet', targetId: OTHER })).toEqual({
      status: 'merged',
      held: false,
      mergedInto: OTHER,
      moderationReason: 'Dublet',
    });
  });

  it('set-status keeps a held idea held, and passes answer and deadline on ("" and null remove them)', () => {
    const change: IdeaChange = decideIdea(idea('published', { held: true }), {
      action: 'set-status',
      status: 'under_review',
      officialAnswer: 'Svar',
      answerDeadline: '2027-01-31',
    });
    expect(change).toEqual({ status: 'under_review', held: true, officialAnswer: 'Svar', answerDeadline: '2027-01-31' });
    expect(decideIdea(idea('selected'), { action: 'set-status', status: 'selected', officialAnswer: '', answerDeadline: null })).toEqual({
      status: 'selected',
      held: false,
      officialAnswer: null,
      answerDeadline: null,
    });
    // Leaving them out leaves them as they are.
    expect(decideIdea(idea('selected', { officialAnswer: 'Svar' }), { action: 'set-status', status: 'implemented' })).toEqual({ status: 'implemented', held: false });
  });

  it('merge into itself is a bad request whatever the status (checked before the state)', () => {
    for (const s of ideaStatuses) expect(() => decideIdea(idea(s), { action: 'merge', reason, targetId: ID })).toThrow(BadRequestError);
  });
});

describe('restore brings back the status the idea had', () => {
  it('after hide and then reject: the status before the hide', () => {
    const hiddenChange = decideIdea(idea('selected'), { action: 'hide', reason });
    const hidden = idea('hidden', { previousStatus: hiddenChange.previousStatus ?? undefined });
    const rejectChange = decideIdea(hidden, { action: 'reject', reason });
    // The store keeps previousStatus unless the change says null (remove) or a new value.
    const rejected = idea('rejected', { previousStatus: rejectChange.previousStatus === undefined ? hidden.previousStatus : (rejectChange.previousStatus ?? undefined) });
    expect(decideIdea(rejected, { action: 'restore' }).status).toBe('selected');
  });

  it('after reject of a pending idea: pending again (restoring must not publish what no moderator approved)', () => {
    const change = decideIdea(idea('pending'), { action: 'reject', reason });
    const rejected = idea('rejected', { previousStatus: change.previousStatus ?? undefined });
    expect(decideIdea(rejected, { action: 'restore' }).status).toBe('pending');
  });
});

describe('ideaState', () => {
  it('records the status and whether flags hold it, for the reader to word', () => {
    expect(ideaState('published')).toEqual({ kind: 'idea', status: 'published', held: false });
    expect(ideaState('published', true)).toEqual({ kind: 'idea', status: 'published', held: true });
  });
});
