import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mySignupListSchema, mySignupStatusSchema, signupListSchema } from '#shared/schemas/events';
import { anEvent, createEvent, eventProcess, updateBody } from '../helpers/event-admin';
import { mailsDuring } from '../helpers/moderation';
import { expectProblem, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Sign-ups with the waiting list through the gateway: a seat while there is one, then the waiting list
 * in order; a seat holder's cancellation promotes exactly the first waiting (who gets the mail); a
 * waiting person's cancellation leaves the list; a capacity increase moves the list up; the audience
 * rules; the organisers' list, export and check-in.
 */
const P = 'temadag-tilmelding';
let stack: TestStack;
let admin: User;
let moderator: User;
let people: User[];

const E = (eventId: string) => `/processes/${P}/events/${eventId}`;
const signUp = (user: User, eventId: string, body: Record<string, unknown> = {}) => stack.api(`${E(eventId)}/signup`, { method: 'POST', token: user.token, body });
const cancel = (user: User, eventId: string) => stack.api(`${E(eventId)}/signup`, { method: 'DELETE', token: user.token });
const status = async (user: User, eventId: string, query = '') => mySignupStatusSchema.parse((await stack.api(`${E(eventId)}/signup${query}`, { token: user.token })).json);
const adminView = async (eventId: string) => (await stack.api(`/processes/${P}/organiser/events`, { token: admin.token })).json.items.find((e: { id: string }) => e.id === eventId);
const list = async (eventId: string, query = '') => {
  const r = await stack.api(`/processes/${P}/organiser/events/${eventId}/signups${query}`, { token: moderator.token });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return signupListSchema.parse(r.json);
};
const ok = async (r: Promise<{ status: number; json: any }>, code = 201) => {
  const answer = await r;
  expect(answer.status, JSON.stringify(answer.json)).toBe(code);
  return answer.json;
};

beforeAll(async () => {
  stack = await testStack();
  [admin, moderator] = await Promise.all([stack.user({ role: 'admin' }), stack.user({ role: 'moderator' })]);
  people = await Promise.all(Array.from({ length: 6 }, (_, i) => stack.user({ name: `Deltager ${i}`, type: i === 5 ? 'employee' : 'citizen' })));
  await eventProcess(stack, admin.token, P);
}, 90_000);
afterAll(() => stack?.stop());

describe('sign-up and the waiting list', () => {
  it('gives seats while there are any, then waiting places in order, each with a confirmation mail', async () => {
    await createEvent(stack, admin.token, P, anEvent('to-pladser', { capacity: 2 }));
    const mails = await mailsDuring(stack, async () => {
      for (const p of people.slice(0, 4)) await ok(signUp(p, 'to-pladser', { diet: ['vegetarian'], note: 'Kommer med cykel' }));
    });
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      [people[0]!.email, 'Du er tilmeldt: AI-festival to-pladser'],
      [people[1]!.email, 'Du er tilmeldt: AI-festival to-pladser'],
      [people[2]!.email, 'Du er på ventelisten: AI-festival to-pladser'],
      [people[3]!.email, 'Du er på ventelisten: AI-festival to-pladser'],
    ]);
    expect(mails[3]!.text).toContain('som nummer 2');
    expect(mails[0]!.text).toContain(`${stack.info.webUrl}/forloeb/${P}/arrangementer/to-pladser`);
    expect(mails[0]!.text).toContain(`${stack.info.webUrl}/api/processes/${P}/events/to-pladser/calendar`);
    expect((await status(people[0]!, 'to-pladser')).signup).toMatchObject({ state: 'seat', diet: ['vegetarian'], note: 'Kommer med cykel' });
    expect((await status(people[3]!, 'to-pladser')).signup).toMatchObject({ state: 'waiting', position: 2 });
    expect(await status(people[4]!, 'to-pladser')).toEqual({ signup: null, verdict: 'open' });
    expect(await adminView('to-pladser')).toMatchObject({ seatsTaken: 2, waitingCount: 2 });
    // Exactly once per person.
    expectProblem(await signUp(people[0]!, 'to-pladser'), 409, 'already-signed-up');
    expect(await adminView('to-pladser')).toMatchObject({ seatsTaken: 2, waitingCount: 2 });
  });

  it('lists seats by sign-up time, then the waiting list in order, a page at a time', async () => {
    const all = await list('to-pladser');
    expect(all.items.map((r) => [r.name, r.state, r.position])).toEqual([
      ['Deltager 0', 'seat', undefined],
      ['Deltager 1', 'seat', undefined],
      ['Deltager 2', 'waiting', 1],
      ['Deltager 3', 'waiting', 2],
    ]);
    expect(all.items[0]).toMatchObject({ email: people[0]!.email, participantType: 'citizen', diet: ['vegetarian'], note: 'Kommer med cykel' });
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list('to-pladser', `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      names.push(...page.items.map((r) => r.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual(['Deltager 0', 'Deltager 1', 'Deltager 2', 'Deltager 3']);
    expect((await list('to-pladser', '?state=waiting')).items.map((r) => r.name)).toEqual(['Deltager 2', 'Deltager 3']);
    expectProblem(await stack.api(`/processes/${P}/organiser/events/to-pladser/signups?cursor=bogus`, { token: moderator.token }), 400);
    expectProblem(await stack.api(`/processes/${P}/organiser/events/to-pladser/signups`, { token: people[0]!.token }), 403);
  });

  it('a seat holder cancelling promotes exactly the first waiting, who gets the mail', async () => {
    const mails = await mailsDuring(stack, async () => ok(cancel(people[0]!, 'to-pladser'), 204));
    expect(mails.map((m) => [m.to, m.subject])).toEqual([[people[2]!.email, 'Du har fået en plads: AI-festival to-pladser']]);
    expect(mails[0]!.text).toContain(`/forloeb/${P}/arrangementer/to-pladser`);
    expect(mails[0]!.text).toContain('/calendar');
    expect((await status(people[2]!, 'to-pladser')).signup).toMatchObject({ state: 'seat', promotedAt: expect.any(String) });
    expect((await status(people[3]!, 'to-pladser')).signup).toMatchObject({ state: 'waiting', position: 1 });
    expect((await status(people[0]!, 'to-pladser')).signup).toBeNull();
    expect(await adminView('to-pladser')).toMatchObject({ seatsTaken: 2, waitingCount: 1 });
    expectProblem(await cancel(people[0]!, 'to-pladser'), 404);
  });

  it('a waiting person cancelling leaves the list; a later seat cancellation with no one waiting frees the seat', async () => {
    await ok(cancel(people[3]!, 'to-pladser'), 204);
    expect(await adminView('to-pladser')).toMatchObject({ seatsTaken: 2, waitingCount: 0 });
    const mails = await mailsDuring(stack, async () => ok(cancel(people[1]!, 'to-pladser'), 204));
    expect(mails).toEqual([]);
    expect(await adminView('to-pladser')).toMatchObject({ seatsTaken: 1, waitingCount: 0 });
  });

  it('lets a person sign up again after cancelling', async () => {
    expect((await ok(signUp(people[0]!, 'to-pladser'))).signup.state).toBe('seat');
    expect(await adminView('to-pladser')).toMatchObject({ seatsTaken: 2, waitingCount: 0 });
  });

  it('cancels only the caller’s own sign-up', async () => {
    // people[4] has none: DELETE acts on the caller's own, so it is a 404 and the others stay.
    expectProblem(await cancel(people[4]!, 'to-pladser'), 404);
    expect(await adminView('to-pladser')).toMatchObject({ seatsTaken: 2 });
    expectProblem(await stack.api(`${E('to-pladser')}/signup`, { method: 'DELETE' }), 401);
  });

  it('a capacity increase moves the waiting list up (with mails); a capacity below the seats taken is 409', async () => {
    const event = await createEvent(stack, admin.token, P, anEvent('en-plads', { capacity: 1 }));
    for (const p of people.slice(0, 3)) await ok(signUp(p, 'en-plads'));
    const low = await stack.api(E('en-plads'), { method: 'PATCH', token: admin.token, body: updateBody(await adminView('en-plads'), { capacity: 1, title: { da: 'x' } }) });
    expect(low.status).toBe(200);
    const mails = await mailsDuring(stack, async () => {
      const r = await stack.api(E('en-plads'), { method: 'PATCH', token: admin.token, body: updateBody(low.json, { capacity: 2 }) });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      expect(r.json).toMatchObject({ seatsTaken: 2, waitingCount: 1 });
    });
    expect(mails.map((m) => [m.to, m.subject])).toEqual([[people[1]!.email, 'Du har fået en plads: x']]);
    const below = await stack.api(E('en-plads'), { method: 'PATCH', token: admin.token, body: updateBody(await adminView('en-plads'), { capacity: 1 }) });
    expectProblem(below, 409, 'capacity-below-seats');
    expect(below.json.detail).toBe('Kapaciteten kan ikke blive lavere end antallet af tilmeldte (2).');
    expect(await adminView('en-plads')).toMatchObject({ capacity: 2 });
    expect(event.id).toBe('en-plads');
  });

  it('cancelling the event mails everyone signed up, seats and waiting', async () => {
    const mails = await mailsDuring(stack, async () => {
      const r = await stack.api(E('en-plads'), { method: 'PATCH', token: admin.token, body: updateBody(await adminView('en-plads'), { cancelled: true }) });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
    });
    expect(mails.map((m) => m.to).sort()).toEqual(people.slice(0, 3).map((p) => p.email).sort());
    for (const m of mails) expect(m.subject).toBe('Aflyst: x');
    expectProblem(await signUp(people[4]!, 'en-plads'), 409, 'cancelled');
  });
});

describe('who may sign up', () => {
  it('an employees-only event refuses a citizen (not-employee) and takes an employee', async () => {
    await createEvent(stack, admin.token, P, anEvent('medarbejdere', { audience: 'employees' }));
    const r = await signUp(people[0]!, 'medarbejdere');
    expectProblem(r, 409, 'not-employee');
    expect(r.json.detail).toContain('kun for medarbejdere');
    expect((await status(people[0]!, 'medarbejdere')).verdict).toBe('not-employee');
    expect((await ok(signUp(people[5]!, 'medarbejdere'))).signup.state).toBe('seat');
  });

  it('an invited event needs its link’s token', async () => {
    const event = await createEvent(stack, admin.token, P, anEvent('inviteret', { audience: 'invited' }));
    expectProblem(await signUp(people[0]!, 'inviteret'), 409, 'needs-invitation');
    expectProblem(await signUp(people[0]!, 'inviteret', { invitation: 'x'.repeat(43) }), 409, 'needs-invitation');
    expect((await status(people[0]!, 'inviteret', `?invitation=${event.invitationToken}`)).verdict).toBe('open');
    expect((await ok(signUp(people[0]!, 'inviteret', { invitation: event.invitationToken }))).signup.state).toBe('seat');
  });

  it('an unpublished or unknown event is 404; bad needs are 400 with paths and store nothing', async () => {
    await createEvent(stack, admin.token, P, anEvent('skjult', { published: false }));
    expectProblem(await signUp(people[0]!, 'skjult'), 404);
    expectProblem(await signUp(people[0]!, 'findes-ikke'), 404);
    const bad = await signUp(people[0]!, 'to-pladser', { diet: ['pizza'], note: 'x'.repeat(2000), extra: 1 });
    expectProblem(bad, 400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.diet.0', 'body.note']));
    expect((await status(people[4]!, 'to-pladser')).signup).toBeNull();
  });

  it('keeps HTML in needs as the same characters', async () => {
    const html = '<img src=x onerror=alert(1)> & "citat"';
    await ok(signUp(people[4]!, 'to-pladser', { dietNote: html, accessibility: html, note: html }));
    const row = (await list('to-pladser')).items.find((r) => r.userId === people[4]!.userId);
    expect([row?.dietNote, row?.accessibility, row?.note]).toEqual([html, html, html]);
  });
});

describe('organisers: export and check-in; Min side', () => {
  it('exports the list as CSV for Danish Excel and as XLSX', async () => {
    const csv = await fetch(`${stack.info.apiUrl}/processes/${P}/organiser/events/to-pladser/signups/export?format=csv`, { headers: { authorization: `Bearer ${moderator.token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('tilmeldinger-to-pladser.csv');
    // ignoreBOM: keep the byte-order mark in the text, to see that it is there.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = text.slice(1).trimEnd().split('\r\n');
    expect(header).toBe('Navn;E-mail;Deltagertype;Status;Nr. på ventelisten;Tilmeldt;Fik plads fra ventelisten;Tjekket ind;Kost;Kost, uddybning;Tilgængelighed;Bemærkning');
    expect(rows[0]).toMatch(/^Deltager 2;.*;Borger;Plads;;\d\d-\d\d-\d{4} \d\d:\d\d;\d\d-\d\d-\d{4} \d\d:\d\d;;Vegetar;;;Kommer med cykel$/);
    const xlsx = await fetch(`${stack.info.apiUrl}/processes/${P}/organiser/events/to-pladser/signups/export?format=xlsx`, { headers: { authorization: `Bearer ${moderator.token}` } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toContain('tilmeldinger-to-pladser.xlsx');
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });

  it('checks a person in once (idempotent), undoes it, and refuses another event’s sign-up (404)', async () => {
    const row = (await list('to-pladser')).items[0]!;
    const path = `/processes/${P}/organiser/events/to-pladser/signups/${row.id}/checkin`;
    const first = await ok(stack.api(path, { method: 'PUT', token: moderator.token, body: { checkedIn: true } }), 200);
    expect(first.checkedInAt).toBeDefined();
    const second = await ok(stack.api(path, { method: 'PUT', token: moderator.token, body: { checkedIn: true } }), 200);
    expect(second.checkedInAt).toBe(first.checkedInAt);
    expect(await adminView('to-pladser')).toMatchObject({ checkedIn: 1 });
    await ok(stack.api(path, { method: 'PUT', token: moderator.token, body: { checkedIn: false } }), 200);
    await ok(stack.api(path, { method: 'PUT', token: moderator.token, body: { checkedIn: false } }), 200);
    expect(await adminView('to-pladser')).toMatchObject({ checkedIn: 0 });
    expectProblem(await stack.api(`/processes/${P}/organiser/events/medarbejdere/signups/${row.id}/checkin`, { method: 'PUT', token: moderator.token, body: { checkedIn: true } }), 404);
    expectProblem(await stack.api(path, { method: 'PUT', token: people[0]!.token, body: { checkedIn: true } }), 403);
  });

  it('Min side lists one’s sign-ups, next event first, a page at a time', async () => {
    const all = mySignupListSchema.parse((await stack.api('/me/event-signups', { token: people[0]!.token })).json);
    // The cancelled event is still listed, as cancelled.
    expect(all.items.map((i) => i.eventId).sort()).toEqual(['en-plads', 'inviteret', 'to-pladser']);
    expect(all.items.find((i) => i.eventId === 'en-plads')?.cancelledAt).toBeDefined();
    const first = mySignupListSchema.parse((await stack.api('/me/event-signups?limit=2', { token: people[0]!.token })).json);
    expect(first.items).toHaveLength(2);
    const second = mySignupListSchema.parse((await stack.api(`/me/event-signups?limit=2&cursor=${first.nextCursor}`, { token: people[0]!.token })).json);
    expect(second.items).toHaveLength(1);
    expect([...first.items, ...second.items].map((i) => i.eventId).sort()).toEqual(['en-plads', 'inviteret', 'to-pladser']);
    expect(second.nextCursor).toBeUndefined();
    expectProblem(await stack.api('/me/event-signups?cursor=bogus', { token: people[0]!.token }), 400);
  });
});
