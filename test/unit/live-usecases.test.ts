import { beforeEach, describe, expect, it } from 'vitest';
import { createLiveRound, saveLiveRound, setLiveRoundState } from '#functions/domain/events/live-admin';
import { drawShortCode } from '#functions/domain/events/live-code';
import type { LiveLimits } from '#functions/domain/events/live-limits';
import { answerLive, getLiveRound } from '#functions/domain/events/live-phone';
import { eventLiveResults, liveRoundResults } from '#functions/domain/events/live-result-views';
import type { EventRecord, LiveRoundRecord, LiveRoundStore, LiveTally } from '#functions/domain/events/ports';
import type { AuditRecord } from '#functions/domain/ports';
import { isShortCode, SHORT_CODE_ALPHABET } from '#shared/rules/events';
import type { LiveRoundDefinition } from '#shared/schemas/live-rounds';
import { fakeClock, sequentialIds } from '../fakes/clock';

/** The round store as the DynamoDB adapter behaves: conditional saves, codes claimed once, one marker per phone and question. */
function fakeRounds() {
  const rounds = new Map<string, LiveRoundRecord>();
  const codes = new Map<string, string>();
  const markers = new Set<string>();
  const tallies = new Map<string, LiveTally>();
  const audit: AuditRecord[] = [];
  const store: LiveRoundStore = {
    round: async (_p, _e, id) => structuredClone(rounds.get(id)),
    rounds: async (p, e) => [...rounds.values()].filter((r) => r.processId === p && r.eventId === e).map((r) => structuredClone(r)),
    byCode: async (code) => structuredClone(rounds.get(codes.get(code) ?? '')),
    create: async (round, entry) => void (rounds.set(round.id, structuredClone(round)), audit.push(entry)),
    async save(round, expected, entry) {
      const stored = rounds.get(round.id);
      if (!stored || stored.updatedAt !== expected.updatedAt || stored.state !== expected.state) return 'stale';
      rounds.set(round.id, structuredClone(round));
      audit.push(entry);
      return 'saved';
    },
    async claimCode(code, round) {
      if (codes.has(code)) return false;
      codes.set(code, round.id);
      return true;
    },
    async answer(roundId, questionId, hash, inc) {
      const marker = `${roundId}/${questionId}/${hash}`;
      if (markers.has(marker)) return 'duplicate';
      markers.add(marker);
      const t = tallies.get(`${roundId}/${questionId}`) ?? { questionId, count: 0, counts: {}, words: {} };
      t.count++;
      for (const [k, v] of Object.entries(inc.counts)) t.counts[k] = (t.counts[k] ?? 0) + v;
      for (const [k, v] of Object.entries(inc.words)) t.words[k] = (t.words[k] ?? 0) + v;
      tallies.set(`${roundId}/${questionId}`, t);
      return 'recorded';
    },
    tallies: async (roundId) => [...tallies.entries()].filter(([k]) => k.startsWith(`${roundId}/`)).map(([, t]) => structuredClone(t)),
    eraseMarkers: async () => 0,
  };
  return { store, rounds, codes, markers, audit };
}

const event = (over: Partial<EventRecord> = {}): EventRecord =>
  ({ id: 'festival', processId: 'ai', title: { da: 'AI-festival' }, published: true, checkedIn: 0, ...over }) as EventRecord;
const definition: LiveRoundDefinition = {
  title: { da: 'Runde 1' },
  questions: [
    { id: 'valg', kind: 'single', text: { da: 'Hvad?' }, options: [{ id: 'ja', label: { da: 'Ja' } }, { id: 'nej', label: { da: 'Nej' } }] },
    { id: 'ord', kind: 'words', text: { da: 'Ord' }, maxWords: 2 },
  ],
};
const admin = { userId: 'admin-1', roles: ['admin' as const] };

let world: ReturnType<typeof fakeRounds>;
let process: Record<string, unknown>;
let theEvent: EventRecord | undefined;
let limitsLeft: number;
let taken: string[];
let newId: (now: Date) => string;
const clock = fakeClock('2026-12-01T12:00:00.000Z');
const deps = () => ({
  rounds: world.store,
  events: { event: async () => theEvent, events: async () => (theEvent ? [theEvent] : []) },
  processes: { get: async () => process as never },
  profiles: { get: async () => ({ displayName: 'Anne Admin' }) as never },
  newId,
  clock,
  limits: { take: async (subject: string) => (taken.push(subject), limitsLeft-- > 0) } satisfies LiveLimits,
});
const token = 'phone-token-0123456789';

beforeEach(() => {
  world = fakeRounds();
  process = { id: 'ai', phases: [], settings: {} };
  theEvent = event();
  limitsLeft = 1000;
  taken = [];
  newId = sequentialIds();
});

const openRound = async () => {
  const round = await createLiveRound(deps(), admin, 'ai', 'festival', definition);
  return setLiveRoundState(deps(), admin, 'ai', 'festival', round.id, 'open');
};

describe('the organisers: draft → open → closed', () => {
  it('creates a draft, audited; an unknown or cancelled event is refused', async () => {
    const round = await createLiveRound(deps(), admin, 'ai', 'festival', definition);
    expect(round.state).toBe('draft');
    expect(world.audit.map((a) => [a.action, a.targetKind, a.targetId, a.actorName])).toEqual([['live-round-create', 'live-round', round.id, 'Anne Admin']]);
    theEvent = undefined;
    await expect(createLiveRound(deps(), admin, 'ai', 'festival', definition)).rejects.toMatchObject({ status: 404 });
    theEvent = event({ cancelledAt: '2026-11-30T10:00:00.000Z' });
    await expect(createLiveRound(deps(), admin, 'ai', 'festival', definition)).rejects.toMatchObject({ status: 409, slug: 'event-cancelled' });
  });

  it('saves a draft from its version only; an opened round keeps its questions (409)', async () => {
    const round = await createLiveRound(deps(), admin, 'ai', 'festival', definition);
    const next = { ...definition, title: { da: 'Runde 1b' } };
    await expect(saveLiveRound(deps(), admin, 'ai', 'festival', round.id, { definition: next, expectedUpdatedAt: '2026-01-01T00:00:00.000Z' })).rejects.toMatchObject({ status: 409, slug: 'stale' });
    const saved = await saveLiveRound(deps(), admin, 'ai', 'festival', round.id, { definition: next, expectedUpdatedAt: round.updatedAt });
    expect(saved.title.da).toBe('Runde 1b');
    expect(saved.updatedAt > round.updatedAt).toBe(true);
    const opened = await setLiveRoundState(deps(), admin, 'ai', 'festival', round.id, 'open');
    await expect(saveLiveRound(deps(), admin, 'ai', 'festival', round.id, { definition, expectedUpdatedAt: opened.updatedAt })).rejects.toMatchObject({ status: 409, slug: 'round-not-draft' });
    expect(world.rounds.get(round.id)!.title.da).toBe('Runde 1b');
  });

  it('opening claims a short code, drawing again on a collision; closing is final', async () => {
    const round = await createLiveRound(deps(), admin, 'ai', 'festival', definition);
    world.codes.set('AAAAAA', 'someone-else');
    const draws = ['AAAAAA', 'CDEFGH'];
    const opened = await setLiveRoundState({ ...deps(), drawCode: () => draws.shift()! }, admin, 'ai', 'festival', round.id, 'open');
    expect(opened).toMatchObject({ state: 'open', code: 'CDEFGH', openedAt: clock.now().toISOString() });
    await expect(setLiveRoundState(deps(), admin, 'ai', 'festival', round.id, 'open')).rejects.toMatchObject({ status: 409, detail: 'Runden er allerede åben.' });
    const closed = await setLiveRoundState(deps(), admin, 'ai', 'festival', round.id, 'closed');
    expect(closed).toMatchObject({ state: 'closed', code: 'CDEFGH', closedAt: clock.now().toISOString() });
    await expect(setLiveRoundState(deps(), admin, 'ai', 'festival', round.id, 'open')).rejects.toMatchObject({ status: 409 });
    expect(world.audit.map((a) => a.action)).toEqual(['live-round-create', 'live-round-open', 'live-round-close']);
  });

  it('a draft cannot be closed', async () => {
    const round = await createLiveRound(deps(), admin, 'ai', 'festival', definition);
    await expect(setLiveRoundState(deps(), admin, 'ai', 'festival', round.id, 'closed')).rejects.toMatchObject({ status: 409, detail: 'Runden er ikke åbnet endnu. Åbn den først.' });
  });

  it('codes come from the alphabet without look-alikes', () => {
    for (let i = 0; i < 200; i++) expect(isShortCode(drawShortCode())).toBe(true);
    expect(drawShortCode(() => 0)).toBe(SHORT_CODE_ALPHABET[0]!.repeat(6));
  });
});

describe('the phones', () => {
  it('a draft is never reachable; a closed round shows no questions', async () => {
    const draft = await createLiveRound(deps(), admin, 'ai', 'festival', definition);
    world.codes.set('CDEFGH', draft.id);
    await expect(getLiveRound(deps(), 'cdefgh')).rejects.toMatchObject({ status: 404, detail: 'Der findes ingen runde med den kode.' });
    const opened = await setLiveRoundState({ ...deps(), drawCode: () => 'KMNPQR' }, admin, 'ai', 'festival', draft.id, 'open');
    expect(await getLiveRound(deps(), 'kmn pqr')).toMatchObject({ code: 'KMNPQR', state: 'open', eventTitle: { da: 'AI-festival' }, questions: definition.questions });
    await setLiveRoundState(deps(), admin, 'ai', 'festival', opened.id, 'closed');
    expect(await getLiveRound(deps(), 'KMNPQR')).toMatchObject({ state: 'closed', questions: [] });
  });

  it('answers once per phone and question, counted; the token is kept only as its hash', async () => {
    const round = await openRound();
    await answerLive(deps(), round.code!, { token, questionId: 'ord', answer: ['AI', ' ai', 'Tryghed'].slice(1) }, '10.0.0.1');
    await expect(answerLive(deps(), round.code!, { token, questionId: 'ord', answer: ['andet'] }, '10.0.0.1')).rejects.toMatchObject({ status: 409, detail: 'Du har allerede svaret på dette spørgsmål.' });
    await answerLive(deps(), round.code!, { token, questionId: 'valg', answer: 'ja' }, undefined);
    expect([...world.markers].some((m) => m.includes(token))).toBe(false);
    expect(taken.some((s) => s.includes(token))).toBe(false);
    expect(taken).toContain('LIVEIP#10.0.0.1');
    const results = await liveRoundResults(deps(), 'ai', 'festival', round.id);
    expect(results.results).toEqual([
      { questionId: 'valg', count: 1, options: [{ id: 'ja', count: 1 }, { id: 'nej', count: 0 }] },
      { questionId: 'ord', count: 1, words: [{ word: 'ai', count: 1 }, { word: 'tryghed', count: 1 }] },
    ]);
  });

  it('refuses bad answers before counting anything: unknown question 400, unknown option 400, too many words 400', async () => {
    const round = await openRound();
    await expect(answerLive(deps(), round.code!, { token, questionId: 'ukendt', answer: 'ja' }, undefined)).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.questionId' }] });
    await expect(answerLive(deps(), round.code!, { token, questionId: 'valg', answer: 'maaske' }, undefined)).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.answer' }] });
    await expect(answerLive(deps(), round.code!, { token, questionId: 'ord', answer: ['a', 'b', 'c'] }, undefined)).rejects.toMatchObject({ status: 400 });
    expect(world.markers.size).toBe(0);
    expect(taken).toEqual([]);
  });

  it('a closed round or a closed process takes no answers (409 "Runden er lukket.")', async () => {
    const round = await openRound();
    process = { ...process, archivedAt: '2026-11-30T00:00:00.000Z' };
    await expect(answerLive(deps(), round.code!, { token, questionId: 'valg', answer: 'ja' }, undefined)).rejects.toMatchObject({ status: 409, detail: 'Runden er lukket.' });
    process = { id: 'ai', phases: [], settings: {} };
    await setLiveRoundState(deps(), admin, 'ai', 'festival', round.id, 'closed');
    await expect(answerLive(deps(), round.code!, { token, questionId: 'valg', answer: 'ja' }, undefined)).rejects.toMatchObject({ status: 409, detail: 'Runden er lukket.' });
    expect(world.markers.size).toBe(0);
  });

  it('a full limit gives 429 and writes nothing', async () => {
    const round = await openRound();
    limitsLeft = 0;
    await expect(answerLive(deps(), round.code!, { token, questionId: 'valg', answer: 'ja' }, '10.0.0.1')).rejects.toMatchObject({ status: 429 });
    expect(world.markers.size).toBe(0);
  });
});

describe('the public results', () => {
  it('lists closed rounds only, of a published event', async () => {
    const open = await openRound();
    const closing = await openRound();
    await answerLive(deps(), closing.code!, { token, questionId: 'valg', answer: 'nej' }, undefined);
    await setLiveRoundState(deps(), admin, 'ai', 'festival', closing.id, 'closed');
    const { items } = await eventLiveResults(deps(), 'ai', 'festival');
    expect(items.map((r) => r.id)).toEqual([closing.id]);
    expect(items[0]!.results[0]!.options).toEqual([{ id: 'ja', count: 0 }, { id: 'nej', count: 1 }]);
    expect(items.map((r) => r.id)).not.toContain(open.id);
    theEvent = event({ published: false });
    await expect(eventLiveResults(deps(), 'ai', 'festival')).rejects.toMatchObject({ status: 404 });
  });
});
