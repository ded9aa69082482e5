import { expect } from 'vitest';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { eventStore } from '#functions/adapters/dynamodb/events';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { liveRoundResultsSchema, liveRoundSchema, type LiveRound } from '#shared/schemas/live-rounds';
import { PROCESS, type User } from './participation';
import type { TestStack } from './stack';

/** A live round's questions of every kind, and the calls the live-round tests share. */
export const liveDefinition = {
  title: { da: 'Hvad mener salen?' },
  questions: [
    { id: 'brug', kind: 'single', text: { da: 'Hvor skal AI bruges først?' }, options: [{ id: 'skole', label: { da: 'Skole' } }, { id: 'pleje', label: { da: 'Pleje' } }, { id: 'trafik', label: { da: 'Trafik' } }] },
    { id: 'tillid', kind: 'scale', text: { da: 'Hvor meget stoler du på AI?' }, lowLabel: { da: 'Slet ikke' }, highLabel: { da: 'Helt' } },
    { id: 'ord', kind: 'words', text: { da: 'Ét eller to ord om AI' }, maxWords: 2 },
    { id: 'ambition', kind: 'statements', text: { da: 'Ambitionens afsnit' }, statements: [{ id: 'p1', text: { da: '§ 1' } }, { id: 'p2', text: { da: '§ 2' } }] },
  ],
};

const HOUR = 60 * 60 * 1000;

/** The event the rounds belong to, written with the events store (as the seed does): these tests are about rounds. */
export async function liveEvent(stack: TestStack, eventId: string, by: User) {
  const now = new Date();
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const outcome = await eventStore(createDocumentClient(stack.info.dynamodbEndpoint), mainTable.localName).create(
    {
      id: eventId, processId: PROCESS, type: 'theme-day', title: { da: 'AI-festival' }, description: { da: 'En dag om AI.' }, place: { address: 'Bernstorffsvej 161, 2920 Charlottenlund' },
      startsAt: at(-HOUR), endsAt: at(5 * HOUR), audience: 'everyone', capacity: 40, accessFeatures: [], published: true,
      seatsTaken: 0, waitingCount: 0, checkedIn: 0, createdAt: now.toISOString(), updatedAt: now.toISOString(),
    },
    { id: `01JE${String(now.getTime()).slice(-10).padStart(22, '0')}`, processId: PROCESS, at: now.toISOString(), actorId: by.userId, actorName: 'Admin', action: 'event-create', targetKind: 'event', targetId: eventId },
  );
  expect(outcome).toBe('created');
}

export function liveCalls(stack: TestStack, eventId: string) {
  const O = `/processes/${PROCESS}/organiser/events/${eventId}/live-rounds`;
  const create = async (by: User) => {
    const r = await stack.api(O, { method: 'POST', token: by.token, body: liveDefinition });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return liveRoundSchema.parse(r.json);
  };
  const setState = (round: LiveRound, state: 'open' | 'closed', by: User) => stack.api(`${O}/${round.id}/state`, { method: 'POST', token: by.token, body: { state } });
  return {
    O,
    create,
    setState,
    async open(by: User) {
      const r = await setState(await create(by), 'open', by);
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      return liveRoundSchema.parse(r.json);
    },
    answer: (code: string, body: { token: string; questionId: string; answer: unknown }) => stack.api(`/live/${code}/answers`, { method: 'POST', body }),
    async results(round: LiveRound, by: User) {
      const r = await stack.api(`${O}/${round.id}/results`, { token: by.token });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      return liveRoundResultsSchema.parse(r.json).results;
    },
  };
}

export const phoneToken = (i: number | string = crypto.randomUUID()) => `phone-${String(i).padStart(4, '0')}-${crypto.randomUUID().replaceAll('-', '')}`;
export const resultOf = <T extends { questionId: string }>(rs: T[], id: string) => rs.find((q) => q.questionId === id)!;

/**
 * `phones` phones each answer the choice, the scale and the words, `concurrency` requests at a
 * time; gives the statuses and what was sent, counted as the results should count it.
 */
export async function room(answer: ReturnType<typeof liveCalls>['answer'], code: string, phones: number, concurrency = 25) {
  const options = ['skole', 'pleje', 'trafik'];
  const words = [['AI', 'Tryghed'], [' ai '], ['Effektivitet', 'tid'], ['Æble']];
  const sent = { brug: Object.fromEntries(options.map((o) => [o, 0])) as Record<string, number>, tillid: Array(11).fill(0) as number[], ord: new Map<string, number>() };
  const calls: (() => Promise<number>)[] = [];
  for (let i = 0; i < phones; i++) {
    const phone = phoneToken(i);
    const option = options[i % 3]!;
    const value = i % 11;
    const given = words[i % 4]!;
    sent.brug[option]!++;
    sent.tillid[value]!++;
    for (const w of new Set(given.map((g) => g.trim().toLowerCase()))) sent.ord.set(w, (sent.ord.get(w) ?? 0) + 1);
    calls.push(async () => (await answer(code, { token: phone, questionId: 'brug', answer: option })).status);
    calls.push(async () => (await answer(code, { token: phone, questionId: 'tillid', answer: value })).status);
    calls.push(async () => (await answer(code, { token: phone, questionId: 'ord', answer: given })).status);
  }
  const statuses: number[] = [];
  for (let i = 0; i < calls.length; i += concurrency) statuses.push(...(await Promise.all(calls.slice(i, i + concurrency).map((c) => c()))));
  const expectedWords = [...sent.ord.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'da')).map(([word, count]) => ({ word, count }));
  return { statuses, sent, expectedWords, options };
}
