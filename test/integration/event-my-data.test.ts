import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { myDataExportSchema } from '#shared/schemas/me';
import type { EventRecord } from '#functions/domain/events/ports';
import { eventRecords, HOUR } from '../helpers/event-records';
import { mailsDuring } from '../helpers/moderation';
import { PROCESS, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * GDPR and the events (issue 14): "Hent mine data" holds one's sign-ups with the needs one gave;
 * deleting the account cancels them as the person would, so the next on the waiting list gets the
 * seat and a mail. Through the gateway and the real handlers against DynamoDB Local.
 */
let stack: TestStack;
let make: ReturnType<typeof eventRecords>;
let anna: User;
let bo: User;
let full: EventRecord;
let open: EventRecord;

beforeAll(async () => {
  stack = await testStack();
  make = eventRecords(stack);
  [anna, bo] = await Promise.all([stack.user({ name: 'Anna Sletmig' }), stack.user({ name: 'Bo Venter' })]);
  // One seat: Anna has it and Bo waits; another event where Anna has a seat and nobody waits.
  full = await make.event(PROCESS, 'en-plads', 3 * 24 * HOUR, { capacity: 1 });
  open = await make.event(PROCESS, 'mange-pladser', 4 * 24 * HOUR, { capacity: 10 });
  await make.signUp(full, anna, 'Anna Sletmig', { diet: ['vegan', 'other'], dietNote: 'Nøddeallergi', accessibility: 'Teleslynge', note: 'Kommer fra Hellerup' });
  await make.signUp(full, bo, 'Bo Venter');
  await make.signUp(open, anna, 'Anna Sletmig');
}, 120_000);
afterAll(() => stack?.stop());

describe('my data and the events', () => {
  it('the download holds my sign-ups: event, process, state, needs and times', async () => {
    const r = await stack.api('/me/export', { token: anna.token });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const signups = myDataExportSchema.parse(r.json).events?.signups ?? [];
    expect(signups.map((s) => s.eventId).sort()).toEqual(['en-plads', 'mange-pladser']);
    expect(signups.find((s) => s.eventId === 'en-plads')).toEqual({
      processId: PROCESS,
      eventId: 'en-plads',
      eventTitle: full.title,
      startsAt: full.startsAt,
      state: 'seat',
      diet: ['vegan', 'other'],
      dietNote: 'Nøddeallergi',
      accessibility: 'Teleslynge',
      note: 'Kommer fra Hellerup',
      signedUpAt: expect.any(String),
    });
    // Bo's download shows his place on the waiting list, and nothing of Anna's.
    const his = myDataExportSchema.parse((await stack.api('/me/export', { token: bo.token })).json).events?.signups;
    expect(his?.map((s) => [s.eventId, s.state])).toEqual([['en-plads', 'waiting']]);
    expect(JSON.stringify(his)).not.toContain('Nøddeallergi');
  });

  it('deleting my account cancels my sign-ups: the seat goes to the next on the waiting list, who gets a mail', async () => {
    const mails = await mailsDuring(stack, async () => {
      const r = await stack.api('/me', { method: 'DELETE', token: anna.token });
      expect(r.status, JSON.stringify(r.json)).toBe(204);
    });

    expect(await make.signups.signupOf(PROCESS, 'en-plads', anna.userId)).toBeUndefined();
    expect(await make.signups.signupOf(PROCESS, 'mange-pladser', anna.userId)).toBeUndefined();
    expect(await make.signups.signupOf(PROCESS, 'en-plads', bo.userId)).toMatchObject({ state: 'seat', promotedAt: expect.any(String) });
    expect(await make.events.event(PROCESS, 'en-plads')).toMatchObject({ seatsTaken: 1, waitingCount: 0 });
    expect(await make.events.event(PROCESS, 'mange-pladser')).toMatchObject({ seatsTaken: 0, waitingCount: 0 });

    expect(mails.map((m) => m.to)).toEqual([bo.email]);
    expect(mails[0]!.subject).toContain(full.title.da);
    expect(mails[0]!.text).toContain('Kære Bo Venter');
    // The organisers' list no longer names Anna.
    expect(JSON.stringify((await make.signups.list(PROCESS, 'en-plads', { limit: 100 })).items)).not.toContain(anna.userId);
  });
});
