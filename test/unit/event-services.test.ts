import { describe, expect, it } from 'vitest';
import type { EventRecord, SignupRecord } from '#functions/domain/events/ports';
import { checkedOrigin } from '#functions/domain/events/idea-origin';
import { eventRetention } from '#functions/domain/events/event-retention';
import { eventTime, reminderMail } from '#functions/domain/events/reminder-mail';
import { sendDueReminders, type ReminderDeps } from '#functions/domain/events/reminders';
import { describeReminders } from '#local/reminders';
import { aProcess } from '../fakes/records';
import { fakeNotifier } from '../fakes/notifier';

/** The events module's shared services on fakes: the reminder job, the idea's origin, the retention part. */
const NOW = new Date('2026-04-15T10:00:00.000Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

const anEvent = (id: string, startsInMs: number, overrides: Partial<EventRecord> = {}): EventRecord => ({
  id, processId: 'p', type: 'theme-day', title: { da: `Temadag ${id}` }, description: { da: 'Om AI.' }, place: { address: 'Bernstorffsvej 161', room: 'Byrådssalen' },
  startsAt: at(startsInMs), endsAt: at(startsInMs + 3 * HOUR), audience: 'everyone', capacity: 10, accessFeatures: [], published: true,
  seatsTaken: 0, waitingCount: 0, checkedIn: 0, createdAt: at(-HOUR), updatedAt: at(-HOUR), ...overrides,
});
const aSignup = (id: string, eventId: string, state: SignupRecord['state'], email?: string): SignupRecord => ({
  id, processId: 'p', eventId, userId: `u-${id}`, name: `Navn ${id}`, ...(email ? { email } : {}), state, signedUpAt: at(-HOUR), diet: [],
});

function reminderDeps(events: EventRecord[], signups: SignupRecord[]) {
  const marked = new Set<string>();
  const notifier = fakeNotifier();
  const deps: ReminderDeps & { marked: Set<string>; notifier: typeof notifier } = {
    marked,
    notifier,
    processes: { list: async () => [{ ...aProcess(), id: 'p' }] },
    events: {
      events: async () => events,
      async markReminderSent(_p, eventId) {
        if (marked.has(eventId)) return false;
        marked.add(eventId);
        return true;
      },
    },
    // One seat holder per page, so the job must follow the cursor.
    signups: {
      async list(_p, eventId, query) {
        const mine = signups.filter((s) => s.eventId === eventId && (!query.state || s.state === query.state));
        const from = query.cursor ? Number(query.cursor) : 0;
        return { items: mine.slice(from, from + 1), ...(from + 1 < mine.length ? { nextCursor: String(from + 1) } : {}) };
      },
    },
    siteUrl: async () => 'https://deltag.gentofte.dk',
  };
  return deps;
}

describe('the reminder job', () => {
  const events = [
    anEvent('due', 20 * HOUR),
    anEvent('later', 25 * HOUR),
    anEvent('begun', -HOUR),
    anEvent('cancelled', 2 * HOUR, { cancelledAt: at(-HOUR) }),
    anEvent('draft', 2 * HOUR, { published: false }),
    anEvent('sent', 2 * HOUR, { reminderSentAt: at(-HOUR) }),
  ];
  const signups = [aSignup('a', 'due', 'seat', 'a@example.dk'), aSignup('b', 'due', 'seat', 'b@example.dk'), aSignup('w', 'due', 'waiting', 'w@example.dk'), aSignup('x', 'later', 'seat', 'x@example.dk')];

  it('marks and mails only a published event starting within 24 hours that is not reminded yet, every page of its seat holders', async () => {
    const deps = reminderDeps(events, signups);
    const reports = await sendDueReminders(deps, NOW);
    expect(reports).toEqual([{ processId: 'p', eventId: 'due', sent: 2, failed: [] }]);
    expect([...deps.marked]).toEqual(['due']);
    expect(deps.notifier.sent.map((m) => m.to)).toEqual(['a@example.dk', 'b@example.dk']);
    expect(await sendDueReminders(deps, NOW)).toEqual([]);
    expect(deps.notifier.sent).toHaveLength(2);
  });

  it('reports a seat holder without an address and a failed mail, and goes on', async () => {
    const deps = reminderDeps([anEvent('due', HOUR)], [aSignup('a', 'due', 'seat'), aSignup('b', 'due', 'seat', 'b@example.dk')]);
    deps.notifier.failWith = new Error('SES is down');
    expect(await sendDueReminders(deps, NOW)).toEqual([{ processId: 'p', eventId: 'due', sent: 0, failed: [{ signupId: 'a', reason: 'no e-mail address' }, { signupId: 'b', reason: 'SES is down' }] }]);
  });

  it('marks nothing when the site address is unknown, so the next run tries again', async () => {
    const deps = reminderDeps([anEvent('due', HOUR)], signups);
    deps.siteUrl = async () => {
      throw new Error('SSM unreachable');
    };
    await expect(sendDueReminders(deps, NOW)).rejects.toThrow('SSM unreachable');
    expect(deps.marked.size).toBe(0);
  });

  it('writes the time in Danish time, summer and winter, and the end on another day in full', () => {
    expect(eventTime({ startsAt: '2026-04-16T07:00:00.000Z', endsAt: '2026-04-16T14:30:00.000Z' })).toBe('torsdag den 16. april 2026 kl. 09.00–16.30');
    expect(eventTime({ startsAt: '2026-12-01T17:00:00.000Z', endsAt: '2026-12-01T19:00:00.000Z' })).toBe('tirsdag den 1. december 2026 kl. 18.00–20.00');
    expect(eventTime({ startsAt: '2026-06-12T16:00:00.000Z', endsAt: '2026-06-13T08:00:00.000Z' })).toBe('fredag den 12. juni 2026 kl. 18.00–lørdag den 13. juni 2026 kl. 10.00');
  });

  it('mails place, online link, accessibility and absolute links, and nothing it lacks', () => {
    const event = anEvent('festival', HOUR, { onlineUrl: 'https://meet.example.dk/x', accessFeatures: ['interpreter-on-request', 'quiet-room'], accessNote: { da: 'Tolk bestilles senest en uge før.' } });
    const mail = reminderMail(event, { name: 'Hanne' }, 'https://deltag.gentofte.dk');
    expect(mail.text).toContain('Kære Hanne');
    expect(mail.text).toContain('Sted: Byrådssalen, Bernstorffsvej 161');
    expect(mail.text).toContain('Online: https://meet.example.dk/x');
    expect(mail.text).toContain('Tilgængelighed: Tolk efter aftale, stillerum');
    expect(mail.text).toContain('Tolk bestilles senest en uge før.');
    expect(mail.text).toContain('Se arrangementet: https://deltag.gentofte.dk/forloeb/p/arrangementer/festival');
    expect(mail.text).toContain('Læg det i din kalender (.ics): https://deltag.gentofte.dk/api/processes/p/events/festival/calendar');
    const bare = reminderMail(anEvent('bare', HOUR), { name: 'Bo' }, 'https://deltag.gentofte.dk');
    expect(bare.text).not.toMatch(/Online:|Tilgængelighed:/);
    expect(() => reminderMail(event, { name: 'Hanne' }, '/relative')).toThrow();
  });
});

describe('an idea\'s origin', () => {
  const reads = (event?: EventRecord) => ({ event: async (processId: string, eventId: string) => (event && event.processId === processId && event.id === eventId ? event : undefined) });
  const refusal = (message: string) => ({ status: 400, errors: [{ path: 'body.eventId', message }] });

  it('takes a published event of the process that has begun, and nothing when none is named', async () => {
    expect(await checkedOrigin(reads(anEvent('dag', -HOUR)), 'p', 'dag', NOW)).toBe('dag');
    expect(await checkedOrigin(reads(anEvent('dag', 0)), 'p', 'dag', NOW)).toBe('dag');
    expect(await checkedOrigin(undefined, 'p', undefined, NOW)).toBeUndefined();
  });

  it('refuses, with a Danish message on body.eventId, an unknown, unpublished, other process\'s, future or cancelled event', async () => {
    await expect(checkedOrigin(reads(), 'p', 'dag', NOW)).rejects.toMatchObject(refusal('Arrangementet findes ikke i dette forløb.'));
    await expect(checkedOrigin(reads(anEvent('dag', -HOUR, { published: false })), 'p', 'dag', NOW)).rejects.toMatchObject(refusal('Arrangementet findes ikke i dette forløb.'));
    await expect(checkedOrigin(reads({ ...anEvent('dag', -HOUR), processId: 'q' }), 'p', 'dag', NOW)).rejects.toMatchObject(refusal('Arrangementet findes ikke i dette forløb.'));
    await expect(checkedOrigin(reads(anEvent('dag', 1)), 'p', 'dag', NOW)).rejects.toMatchObject(refusal('Et arrangement kan først angives som idéens oprindelse, når det er begyndt.'));
    await expect(checkedOrigin(reads(anEvent('dag', -HOUR, { cancelledAt: at(-2 * HOUR) })), 'p', 'dag', NOW)).rejects.toMatchObject(refusal('Arrangementet er aflyst og kan ikke angives som idéens oprindelse.'));
    await expect(checkedOrigin(undefined, 'p', 'dag', NOW)).rejects.toMatchObject({ status: 400 });
  });
});

describe('the retention job\'s part for events', () => {
  it('erases the sign-ups of every event and the markers of every round, and nothing in a process without events', async () => {
    const calls: unknown[] = [];
    const erase = eventRetention({
      events: { events: async (processId) => (processId === 'p' ? [anEvent('a', -HOUR), anEvent('b', -HOUR)] : []) },
      signups: { eraseProcess: async (processId, ids) => (calls.push(['signups', processId, ids]), 5) },
      liveRounds: {
        rounds: async (_p, eventId) => (eventId === 'a' ? [{ id: 'r1' }, { id: 'r2' }] : []) as never,
        eraseMarkers: async (ids) => (calls.push(['markers', ids]), 7),
      },
    });
    expect(await erase.eraseEventData('p')).toEqual({ signups: 5, liveMarkers: 7 });
    expect(calls).toEqual([['signups', 'p', ['a', 'b']], ['markers', ['r1', 'r2']]]);
    expect(await erase.eraseEventData('empty')).toEqual({ signups: 0, liveMarkers: 0 });
    expect(calls).toHaveLength(2);
  });
});

describe('the local stack\'s reminder lines', () => {
  it('names each event reminded with its counts, no addresses, and is silent when nothing was due', () => {
    expect(describeReminders({ reminded: [] })).toEqual([]);
    expect(describeReminders({ reminded: [{ processId: 'p', eventId: 'dag', sent: 3, failed: [] }, { processId: 'p', eventId: 'aften', sent: 1, failed: [{ signupId: 's', reason: 'no e-mail address' }] }] })).toEqual([
      'reminders: "p" / "dag": 3 mailed',
      'reminders: "p" / "aften": 1 mailed, 1 not sent',
    ]);
  });
});
