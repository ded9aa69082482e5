import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { keys } from '#functions/adapters/dynamodb/keys';
import { liveRoundStore } from '#functions/adapters/dynamodb/live-rounds';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { queryAll } from '#functions/adapters/dynamodb/query';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import type { EventRecord, LiveRoundRecord } from '#functions/domain/events/ports';
import { runRetention } from '#local/retention';
import { gentofteAt } from '../fakes/records';
import { eventRecords, HOUR } from '../helpers/event-records';
import { PROCESS, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The retention job and the events module: when a process's retention date passes, its events'
 * sign-ups (names, addresses, needs) and its live rounds' answer markers go; the events and the
 * rounds' tallies (counts that name nobody) stay, and another process is untouched.
 */
const EXPIRING = 'udloebende-arrangementer';
const TableName = mainTable.localName;

let stack: TestStack;
let make: ReturnType<typeof eventRecords>;
let users: User[];
let expiring: EventRecord;
let other: EventRecord;
let round: LiveRoundRecord;
let otherRound: LiveRoundRecord;

const partition = (pk: string) => queryAll(make.db, { TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true });
const signupItems = (event: EventRecord) => partition(keys.eventSignups(event.processId, event.id));
const liveItems = (r: LiveRoundRecord) => partition(keys.liveAnswers(r.id));

async function liveRound(event: EventRecord): Promise<LiveRoundRecord> {
  const rounds = liveRoundStore(make.db, TableName);
  const now = new Date().toISOString();
  const id = ulid();
  const audit = (action: string) => ({ id: ulid(), processId: event.processId, at: now, actorId: 'test-admin', actorName: 'Admin', action, targetKind: 'live-round' as const, targetId: id });
  const draft: LiveRoundRecord = {
    id, processId: event.processId, eventId: event.id, title: { da: 'Salens mening' }, state: 'draft', createdAt: now, updatedAt: now,
    questions: [{ id: 'brug', kind: 'single', text: { da: 'Hvor først?' }, options: [{ id: 'skole', label: { da: 'Skole' } }, { id: 'pleje', label: { da: 'Pleje' } }] }],
  } as LiveRoundRecord;
  // Drafted, opened (which lays out its tallies), answered from three phones, closed: as the organiser's routes do.
  await rounds.create(draft, audit('live-round-create'));
  const open = { ...draft, state: 'open' as const, openedAt: now, updatedAt: new Date(Date.parse(now) + 1).toISOString() };
  expect(await rounds.save(open, { updatedAt: draft.updatedAt, state: 'draft' }, audit('live-round-open'))).toBe('saved');
  for (const [i, option] of ['skole', 'skole', 'pleje'].entries()) {
    expect(await rounds.answer(draft.id, 'brug', `token-hash-${i}`, { counts: { [option]: 1 }, words: {} })).toBe('recorded');
  }
  const closed = { ...open, state: 'closed' as const, closedAt: now, updatedAt: new Date(Date.parse(now) + 2).toISOString() };
  expect(await rounds.save(closed, { updatedAt: open.updatedAt, state: 'open' }, audit('live-round-close'))).toBe('saved');
  return closed;
}

beforeAll(async () => {
  stack = await testStack();
  make = eventRecords(stack);
  const seeded = gentofteAt(new Date());
  await processStore(make.db, TableName).put({ ...seeded, id: EXPIRING, title: { da: 'Forløb der udløber', en: 'Expiring process' }, settings: { ...seeded.settings, personalDataUntil: '2099-01-01T00:00:00.000Z' } });
  users = await Promise.all(Array.from({ length: 3 }, (_, i) => stack.user({ name: `Deltager ${i + 1}` })));
  expiring = await make.event(EXPIRING, 'temadag', -48 * HOUR, { capacity: 2 });
  other = await make.event(PROCESS, 'temadag', -48 * HOUR, { capacity: 2 });
  // Two seats and one waiting, with needs, in each process.
  for (const event of [expiring, other]) {
    for (const [i, user] of users.entries()) await make.signUp(event, user, `Deltager ${i + 1}`, { diet: ['vegetarian'], accessibility: 'Kørestol', note: `Note fra deltager ${i + 1}` });
  }
  round = await liveRound(expiring);
  otherRound = await liveRound(other);
}, 120_000);
afterAll(() => stack?.stop());

describe('the retention job and events', () => {
  it('keeps everything while the date is ahead', async () => {
    const before = [await signupItems(expiring), await liveItems(round)];
    const run = await runRetention();
    expect(run.erased.filter((r) => r.processId === EXPIRING)).toEqual([]);
    expect([await signupItems(expiring), await liveItems(round)]).toEqual(before);
  });

  it('once the date has passed, erases the sign-ups and the answer markers, keeps the event and the tallies, and leaves the other process alone', async () => {
    const otherBefore = [await signupItems(other), await liveItems(otherRound)];
    const talliesBefore = (await liveRoundStore(make.db, TableName).tallies(round.id));
    expect(JSON.stringify(await signupItems(expiring))).toContain(users[0]!.email);
    await make.db.send(new UpdateCommand({ TableName, Key: keys.process(EXPIRING), UpdateExpression: 'SET settings.personalDataUntil = :past', ExpressionAttributeValues: { ':past': new Date(Date.now() - 60_000).toISOString() } }));

    const run = await runRetention();

    expect(run.erased).toEqual([expect.objectContaining({ processId: EXPIRING, signups: 3, liveMarkers: 3 })]);
    expect(await signupItems(expiring)).toEqual([]);
    const live = await liveItems(round);
    expect(live.filter((i) => String(i.sk).startsWith(keys.liveAnswerMarkerPrefix))).toEqual([]);
    expect(await liveRoundStore(make.db, TableName).tallies(round.id)).toEqual(talliesBefore);
    expect(talliesBefore).toEqual([expect.objectContaining({ questionId: 'brug', count: 3, counts: { skole: 2, pleje: 1 } })]);
    // The event and the round stay, without anyone's name or address anywhere in the process's events.
    const event = await make.events.event(EXPIRING, 'temadag');
    expect(event).toMatchObject({ id: 'temadag', title: expiring.title, seatsTaken: 0, waitingCount: 0 });
    expect(await liveRoundStore(make.db, TableName).round(EXPIRING, 'temadag', round.id)).toMatchObject({ id: round.id, state: 'closed' });
    const everything = JSON.stringify([await partition(keys.events(EXPIRING)), live]);
    for (const user of users) for (const trace of [user.userId, user.email]) expect(everything).not.toContain(trace);
    expect(everything).not.toContain('Kørestol');

    expect([await signupItems(other), await liveItems(otherRound)]).toEqual(otherBefore);
    // A second run finds the process erased and does nothing.
    expect((await runRetention()).erased).toEqual([]);
  });
});
