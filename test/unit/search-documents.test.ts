import { describe, expect, it } from 'vitest';
import type { SearchChange, SearchDocStore } from '#functions/domain/ports/search';
import { searchChangeOf, searchDocOf } from '#functions/domain/search/documents';
import { projectWrites, versionOf } from '#functions/domain/search/project';

// Items as the adapters write them (ideas.ts toItem, comments.ts create), internal attributes included.
const ideaItem = (over: Record<string, unknown> = {}) => ({
  pk: 'IDEA#01J0000000000000000000IDEA',
  sk: 'IDEA',
  type: 'idea',
  id: '01J0000000000000000000IDEA',
  processId: 'ai-i-gentofte',
  title: 'Chatbot til <b>borgerservice</b>',
  body: 'En chatbot kunne svare på spørgsmål om affald om aftenen.',
  area: 'borgerservice',
  effects: ['effektivitet'],
  beneficiaries: ['borgere'],
  status: 'published',
  authorId: 'user-1',
  authorName: 'Søren Ærø',
  authorType: 'citizen',
  voteCount: 3,
  commentCount: 1,
  trendScore: 4.5,
  searchText: 'chatbot …',
  gsiList: 'PROC#ai-i-gentofte',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  ...over,
});

const commentItem = (over: Record<string, unknown> = {}) => ({
  pk: 'IDEA#01J0000000000000000000IDEA',
  sk: 'COMMENT#01J00000000000000000COMMENT',
  type: 'comment',
  id: '01J00000000000000000COMMENT',
  ideaId: '01J0000000000000000000IDEA',
  processId: 'ai-i-gentofte',
  state: 'visible',
  body: 'Godt forslag, men husk <script>alert(1)</script> tilgængelighed.',
  authorId: 'user-2',
  authorName: 'Ida',
  authorType: 'employee',
  edited: false,
  weight: 1,
  createdAt: '2026-11-02T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
  ...over,
});

describe('search documents of table items', () => {
  it('makes an idea document of an idea item: its texts and filter state, nothing internal, text kept as written', () => {
    const doc = searchDocOf(ideaItem({ plainSummary: 'Kort og let', held: true, eventId: 'temadag' }));
    expect(doc).toEqual({
      kind: 'idea',
      id: '01J0000000000000000000IDEA',
      processId: 'ai-i-gentofte',
      title: 'Chatbot til <b>borgerservice</b>',
      body: 'En chatbot kunne svare på spørgsmål om affald om aftenen.',
      plainSummary: 'Kort og let',
      area: 'borgerservice',
      status: 'published',
      held: true,
      authorName: 'Søren Ærø',
      authorType: 'citizen',
      eventId: 'temadag',
      createdAt: '2026-11-01T10:00:00.000Z',
    });
    expect(JSON.stringify(doc)).not.toMatch(/authorId|voteCount|gsiList|searchText|user-1/);
  });

  it('makes a comment document of a comment item, its state as status; a deleted one keeps no text', () => {
    expect(searchDocOf(commentItem())).toEqual({
      kind: 'comment',
      id: '01J00000000000000000COMMENT',
      processId: 'ai-i-gentofte',
      ideaId: '01J0000000000000000000IDEA',
      body: 'Godt forslag, men husk <script>alert(1)</script> tilgængelighed.',
      status: 'visible',
      authorName: 'Ida',
      authorType: 'employee',
      createdAt: '2026-11-02T10:00:00.000Z',
    });
    const deleted = { ...commentItem({ state: 'deleted' }) } as Record<string, unknown>;
    for (const gone of ['body', 'authorId', 'authorName', 'authorType']) delete deleted[gone];
    expect(searchDocOf(deleted)).toMatchObject({ kind: 'comment', status: 'deleted', body: '', authorName: '' });
  });

  it('ignores every item that is not an idea or a comment (votes, flags, profiles, pointers, audit)', () => {
    const others = [
      { pk: 'IDEA#x', sk: 'VOTE#user-1', userId: 'user-1', processId: 'p' },
      { pk: 'IDEA#x', sk: 'FLAG#IDEA#user-1', processId: 'p' },
      { pk: 'USER#user-1', sk: 'PROFILE', type: 'profile', name: 'A' },
      { pk: 'COMMENT#c', sk: 'REF', ideaId: 'x' },
      { pk: 'AUDIT#p', sk: '01J', type: 'audit', title: 'x' },
    ];
    for (const item of others) expect(searchDocOf(item)).toBeUndefined();
    expect(searchChangeOf(others[0], { ...others[0], weight: 2 })).toBeUndefined();
  });

  it('does not take an idea item that lacks what a document needs, or has an unknown status', () => {
    expect(searchDocOf(ideaItem({ processId: undefined }))).toBeUndefined();
    expect(searchDocOf(ideaItem({ status: 'deleted-by-magic' }))).toBeUndefined();
    expect(searchDocOf(commentItem({ ideaId: 7 }))).toBeUndefined();
  });
});

describe('the change a write makes to search', () => {
  it('is nothing when only votes, trending or the comment count moved', () => {
    expect(searchChangeOf(ideaItem(), ideaItem({ voteCount: 4, trendScore: 6.1 }))).toBeUndefined();
    expect(searchChangeOf(ideaItem(), ideaItem({ commentCount: 2, trendScore: 5, flagCount: 1 }))).toBeUndefined();
  });

  it('is the new document when a searchable text or the state changed, and on a new item', () => {
    const cases: Record<string, unknown>[] = [{ title: 'Ny titel' }, { plainSummary: 'Letlæst' }, { status: 'hidden' }, { held: true }, { authorName: 'Slettet bruger' }];
    for (const over of cases) expect(searchChangeOf(ideaItem(), ideaItem(over))).toEqual({ doc: searchDocOf(ideaItem(over)) });
    expect(searchChangeOf(undefined, commentItem())).toEqual({ doc: searchDocOf(commentItem()) });
    expect(searchChangeOf(commentItem(), commentItem({ state: 'hidden' }))).toMatchObject({ doc: { status: 'hidden' } });
  });

  it('is a removal naming the process when an idea or comment item is deleted', () => {
    expect(searchChangeOf(ideaItem(), undefined)).toEqual({ removed: { kind: 'idea', id: '01J0000000000000000000IDEA', processId: 'ai-i-gentofte' } });
    expect(searchChangeOf(commentItem(), undefined)).toEqual({ removed: { kind: 'comment', id: '01J00000000000000000COMMENT', processId: 'ai-i-gentofte' } });
  });
});

/** A store that records what it is given and can fail on chosen calls. */
function recordingStore(failOnCall = new Set<number>()) {
  const applied: SearchChange[][] = [];
  let calls = 0;
  const store: SearchDocStore = {
    async apply(changes) {
      const call = calls++;
      if (failOnCall.has(call)) throw new Error('DynamoDB is down');
      applied.push(changes);
    },
    all: async () => ({ docs: [], loadedAt: '' }),
    changesSince: async () => ({ changes: [], readAt: '', complete: true }),
  };
  return { store, applied };
}

describe('projecting a batch of stream writes', () => {
  const at = new Date('2026-12-02T10:00:00.000Z');

  it('stores the last state of each document, versioned by its record, and skips vote-only writes', async () => {
    const { store, applied } = recordingStore();
    const writes = [
      { sequenceNumber: '100', after: ideaItem() },
      { sequenceNumber: '101', before: ideaItem(), after: ideaItem({ voteCount: 9 }) },
      { sequenceNumber: '102', after: commentItem() },
      { sequenceNumber: '103', before: ideaItem(), after: ideaItem({ status: 'hidden' }) },
      { sequenceNumber: '104', before: { pk: 'USER#u', sk: 'PROFILE' }, after: { pk: 'USER#u', sk: 'PROFILE', name: 'B' } },
    ];
    const result = await projectWrites(store, writes, at);
    expect(result).toEqual({ applied: 2 });
    expect(applied.flat()).toEqual([
      { doc: searchDocOf(commentItem()), version: versionOf('102') },
      { doc: searchDocOf(ideaItem({ status: 'hidden' })), version: versionOf('103') },
    ]);
  });

  it('pads versions so a longer sequence number is newer as text too', () => {
    expect(versionOf('99') < versionOf('100')).toBe(true);
    expect(versionOf('4000000000000000000001') > versionOf('399999999999999999999')).toBe(true);
  });

  it('names the earliest record of a failed chunk, so the stream tries that one and every later one again', async () => {
    // 30 distinct ideas: chunks of 25 and 5; the second chunk (records 25..29) fails.
    const writes = Array.from({ length: 30 }, (_, i) => ({ sequenceNumber: String(200 + i), after: ideaItem({ id: `01J00000000000000000IDEA${String(i).padStart(2, '0')}` }) }));
    const { store, applied } = recordingStore(new Set([1]));
    const result = await projectWrites(store, writes, at);
    expect(result).toEqual({ applied: 25, retryFrom: '225' });
    expect(applied.flat()).toHaveLength(25);
  });

  it('reports nothing to retry on a batch with nothing searchable', async () => {
    const { store, applied } = recordingStore(new Set([0]));
    expect(await projectWrites(store, [{ sequenceNumber: '1', before: ideaItem(), after: ideaItem({ voteCount: 1 }) }], at)).toEqual({ applied: 0 });
    expect(applied).toEqual([]);
  });
});
