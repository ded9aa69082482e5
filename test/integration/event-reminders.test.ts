import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '#local/reminders';
import type { EventRecord } from '#functions/domain/events/ports';
import { eventRecords, HOUR } from '../helpers/event-records';
import { mailsDuring } from '../helpers/moderation';
import { PROCESS, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The reminder the day before (issue 14), run as the local stack runs it (the handler EventBridge
 * Scheduler calls hourly in AWS), against DynamoDB Local, with the mails in the local outbox.
 */
let stack: TestStack;
let make: ReturnType<typeof eventRecords>;
let users: User[];
const events: Record<string, EventRecord> = {};

beforeAll(async () => {
  stack = await testStack();
  make = eventRecords(stack);
  users = await Promise.all(Array.from({ length: 5 }, (_, i) => stack.user({ name: `Deltager ${i + 1}` })));
  events.tomorrow = await make.event(PROCESS, 'i-morgen', 12 * HOUR, { capacity: 2 });
  events.later = await make.event(PROCESS, 'om-to-dage', 48 * HOUR);
  events.cancelled = await make.event(PROCESS, 'aflyst-i-morgen', 12 * HOUR, { cancelledAt: new Date().toISOString() });
  events.draft = await make.event(PROCESS, 'kladde-i-morgen', 12 * HOUR, { published: false });
  events.online = await make.event(PROCESS, 'online-i-aften', 6 * HOUR, { place: undefined, onlineUrl: 'https://meet.example.dk/ai-moede', accessFeatures: [], accessNote: undefined });
  // Two seats and one on the waiting list for tomorrow; one person each elsewhere.
  for (const [i, user] of users.slice(0, 3).entries()) await make.signUp(events.tomorrow, user, `Deltager ${i + 1}`);
  for (const event of [events.later, events.cancelled, events.draft]) await make.signUp(event!, users[3]!, 'Deltager 4');
  await make.signUp(events.online, users[4]!, 'Deltager 5');
}, 120_000);
afterAll(() => stack?.stop());

describe('the reminder job', () => {
  it('mails the seat holders of each published event starting within a day, once, in Danish with time, place, accessibility and links', async () => {
    let reminded: Awaited<ReturnType<typeof runReminders>>['reminded'] = [];
    const mails = await mailsDuring(stack, async () => ({ reminded } = await runReminders()));

    expect(reminded.map((r) => [r.eventId, r.sent, r.failed.length]).sort()).toEqual([['i-morgen', 2, 0], ['online-i-aften', 1, 0]]);
    // The seat holders only: not the waiting list, not the events after tomorrow, cancelled or unpublished.
    expect(mails.map((m) => m.to).sort()).toEqual([users[0]!.email, users[1]!.email, users[4]!.email].sort());

    const mail = mails.find((m) => m.to === users[0]!.email)!;
    expect(mail.subject).toMatch(/^Påmindelse: Temadag i-morgen, \S+dag den \d+\. \S+ \d{4} kl\. \d\d\.\d\d$/);
    expect(mail.text).toContain('Kære Deltager 1');
    expect(mail.text).toMatch(/Tidspunkt: \S+dag den \d+\. \S+ \d{4} kl\. \d\d\.\d\d–\d\d\.\d\d/);
    expect(mail.text).toContain('Sted: Byrådssalen, Bernstorffsvej 161, 2920 Charlottenlund');
    expect(mail.text).toContain('Tilgængelighed: Trinfri adgang, teleslynge');
    expect(mail.text).toContain('Indgang fra parkeringspladsen uden trin.');
    expect(mail.text).toContain(`Se arrangementet: ${stack.info.webUrl}/forloeb/${PROCESS}/arrangementer/i-morgen`);
    expect(mail.text).toContain(`Læg det i din kalender (.ics): ${stack.info.webUrl}/api/processes/${PROCESS}/events/i-morgen/calendar`);

    const online = mails.find((m) => m.to === users[4]!.email)!;
    expect(online.text).toContain('Online: https://meet.example.dk/ai-moede');
    expect(online.text).not.toContain('Sted:');
    expect(online.text).not.toContain('Tilgængelighed:');

    // The events are marked; the others are not.
    for (const [id, marked] of [['i-morgen', true], ['online-i-aften', true], ['om-to-dage', false], ['aflyst-i-morgen', false], ['kladde-i-morgen', false]] as const) {
      expect((await make.events.event(PROCESS, id))?.reminderSentAt !== undefined, id).toBe(marked);
    }
  });

  it('sends nothing the second time: the next hourly run finds the events reminded', async () => {
    let reminded: unknown[] = ['not run'];
    const mails = await mailsDuring(stack, async () => ({ reminded } = await runReminders()));
    expect(reminded).toEqual([]);
    expect(mails).toEqual([]);
  });

  it('sends one reminder when two runs overlap (the mark is a conditional write)', async () => {
    const event = await make.event(PROCESS, 'samtidig', 3 * HOUR);
    await make.signUp(event, users[3]!, 'Deltager 4');
    const runs: Awaited<ReturnType<typeof runReminders>>[] = [];
    const mails = await mailsDuring(stack, async () => runs.push(...(await Promise.all([runReminders(), runReminders()]))));
    expect(mails.map((m) => m.to)).toEqual([users[3]!.email]);
    expect(runs.flatMap((r) => r.reminded).map((r) => r.eventId)).toEqual(['samtidig']);
  });

  it('reminds nobody of an event that has begun', async () => {
    const event = await make.event(PROCESS, 'allerede-i-gang', -HOUR);
    await make.signUp(event, users[3]!, 'Deltager 4');
    const mails = await mailsDuring(stack, () => runReminders());
    expect(mails).toEqual([]);
    expect((await make.events.event(PROCESS, 'allerede-i-gang'))?.reminderSentAt).toBeUndefined();
  });
});
