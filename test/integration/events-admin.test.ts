import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventAdminListSchema, eventAdminSchema, eventListSchema, eventSchema } from '#shared/schemas/events';
import { auditLogSchema } from '#shared/schemas/moderation';
import { anEvent, createEvent, eventProcess, inDays, updateBody } from '../helpers/event-admin';
import { expectProblem } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Events of a process through the gateway: admins create and change them (audited, optimistic
 * concurrency), the public sees published ones only and never an invitation token, the calendar file.
 */
const P = 'temadag-admin';
let stack: TestStack;
let admin: { token: string };
let moderator: { token: string };
let citizen: { token: string };

beforeAll(async () => {
  stack = await testStack();
  [admin, moderator, citizen] = await Promise.all([stack.user({ role: 'admin', name: 'Ada Admin' }), stack.user({ role: 'moderator' }), stack.user()]);
  await eventProcess(stack, admin.token, P);
}, 90_000);
afterAll(() => stack?.stop());

describe('create', () => {
  it('creates an event that the public lists and reads, audited as event-create', async () => {
    const created = eventAdminSchema.parse(await createEvent(stack, admin.token, P, anEvent('festival')));
    expect(created).toMatchObject({ id: 'festival', processId: P, seatsTaken: 0, waitingCount: 0, checkedIn: 0, capacity: 40 });
    expect(created.invitationToken).toBeUndefined();
    const list = eventListSchema.parse((await stack.api(`/processes/${P}/events`)).json);
    expect(list.items.map((e) => e.id)).toContain('festival');
    const one = await stack.api(`/processes/${P}/events/festival`);
    expect(one.status).toBe(200);
    expect(eventSchema.parse(one.json).title.da).toBe('AI-festival festival');
    const log = auditLogSchema.parse((await stack.api(`/moderation/log?processId=${P}&targetId=festival`, { token: admin.token })).json);
    expect(log.items.map((e) => e.action)).toEqual(['event-create']);
    expect(log.items[0]).toMatchObject({ targetKind: 'event', actorName: 'Ada Admin' });
  });

  it('keeps an unpublished event from the public (404) but shows it in the workspace', async () => {
    await createEvent(stack, admin.token, P, anEvent('kladde', { published: false, startsAt: inDays(5), endsAt: inDays(6) }));
    expectProblem(await stack.api(`/processes/${P}/events/kladde`), 404);
    expectProblem(await stack.api(`/processes/${P}/events/kladde/calendar`), 404);
    expect(eventListSchema.parse((await stack.api(`/processes/${P}/events`)).json).items.map((e) => e.id)).not.toContain('kladde');
    const ws = eventAdminListSchema.parse((await stack.api(`/processes/${P}/organiser/events`, { token: moderator.token })).json);
    expect(ws.items.map((e) => e.id)).toContain('kladde');
    // Sorted by start: the draft (in 5 days) before the festival (in 10).
    expect(ws.items.map((e) => e.id).indexOf('kladde')).toBeLessThan(ws.items.map((e) => e.id).indexOf('festival'));
  });

  it('gives an invited event a token the workspace sees and the public never does', async () => {
    const created = await createEvent(stack, admin.token, P, anEvent('udvalg', { type: 'committee-meeting', audience: 'invited' }));
    expect(created.invitationToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const pub = await stack.api(`/processes/${P}/events/udvalg`);
    expect(JSON.stringify(pub.json)).not.toContain(created.invitationToken);
    expect(pub.json.invitationTokenHash).toBeUndefined();
    expect(JSON.stringify((await stack.api(`/processes/${P}/events`)).json)).not.toContain(created.invitationToken);
  });

  it('refuses a taken id (409), a reserved id and bad fields (400 with paths), a process without an event phase (409), non-admins (403)', async () => {
    expectProblem(await stack.api(`/processes/${P}/events`, { method: 'POST', token: admin.token, body: anEvent('festival') }), 409, 'event-exists');
    const reserved = await stack.api(`/processes/${P}/events`, { method: 'POST', token: admin.token, body: anEvent('live') });
    expectProblem(reserved, 400);
    expect(reserved.json.errors.map((e: { path: string }) => e.path)).toContain('body.id');
    const bad = await stack.api(`/processes/${P}/events`, { method: 'POST', token: admin.token, body: anEvent('bad', { endsAt: inDays(1), capacity: 0, onlineUrl: 'javascript:alert(1)' }) });
    expectProblem(bad, 400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.capacity', 'body.onlineUrl']));
    await eventProcess(stack, admin.token, 'uden-arrangementer', [{ kind: 'ideas', title: { da: 'Idéer' }, startsAt: inDays(-1), endsAt: inDays(30) }]);
    const none = await stack.api('/processes/uden-arrangementer/events', { method: 'POST', token: admin.token, body: anEvent('uden') });
    expectProblem(none, 409, 'no-event-phase');
    expect(none.json.detail).toContain('Forløbet har ingen fase til arrangementer');
    expectProblem(await stack.api(`/processes/${P}/events`, { method: 'POST', token: moderator.token, body: anEvent('y') }), 403);
    expectProblem(await stack.api(`/processes/${P}/events`, { method: 'POST', token: citizen.token, body: anEvent('y') }), 403);
    expectProblem(await stack.api('/processes/findes-ikke/events'), 404);
    expectProblem(await stack.api(`/processes/${P}/events/findes-ikke`), 404);
  });

  it('keeps HTML and script in texts as the same characters', async () => {
    const html = '<script>alert("x")</script> & <b>fed</b>';
    await createEvent(stack, admin.token, P, anEvent('html', { title: { da: html }, description: { da: html }, accessNote: { da: html }, place: { address: html, room: html } }));
    const one = (await stack.api(`/processes/${P}/events/html`)).json;
    expect([one.title.da, one.description.da, one.accessNote.da, one.place.address, one.place.room]).toEqual([html, html, html, html, html]);
  });

  it('answers a body over the limit with 413', async () => {
    const r = await stack.api(`/processes/${P}/events`, { method: 'POST', token: admin.token, body: anEvent('stor', { description: { da: 'x'.repeat(300_000) } }) });
    expectProblem(r, 413);
  });
});

describe('update', () => {
  it('changes an event from the version the admin read; a stale version is 409 and changes nothing', async () => {
    const created = await createEvent(stack, admin.token, P, anEvent('workshop', { type: 'workshop', capacity: 20 }));
    const saved = await stack.api(`/processes/${P}/events/workshop`, { method: 'PATCH', token: admin.token, body: updateBody(created, { title: { da: 'Workshop om AI' }, capacity: 25 }) });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(saved.json).toMatchObject({ capacity: 25, title: { da: 'Workshop om AI' } });
    const stale = await stack.api(`/processes/${P}/events/workshop`, { method: 'PATCH', token: admin.token, body: updateBody(created, { title: { da: 'Gammel' } }) });
    expectProblem(stale, 409, 'stale');
    expect((await stack.api(`/processes/${P}/events/workshop`)).json.title.da).toBe('Workshop om AI');
    const log = auditLogSchema.parse((await stack.api(`/moderation/log?processId=${P}&targetId=workshop`, { token: admin.token })).json);
    const update = log.items.find((e) => e.action === 'event-update');
    expect(update?.changes).toEqual(
      expect.arrayContaining([
        { field: 'title', before: { da: 'AI-festival workshop', en: 'AI festival workshop' }, after: { da: 'Workshop om AI' } },
        { field: 'capacity', before: 20, after: 25 },
      ]),
    );
  });

  it('cancels an event for good (event-cancel); a later change is 409', async () => {
    const created = await createEvent(stack, admin.token, P, anEvent('aflyses'));
    const cancelled = await stack.api(`/processes/${P}/events/aflyses`, { method: 'PATCH', token: admin.token, body: updateBody(created, { cancelled: true }) });
    expect(cancelled.status, JSON.stringify(cancelled.json)).toBe(200);
    expect(cancelled.json.cancelledAt).toBeDefined();
    expect((await stack.api(`/processes/${P}/events/aflyses`)).json.cancelledAt).toBe(cancelled.json.cancelledAt);
    const again = await stack.api(`/processes/${P}/events/aflyses`, { method: 'PATCH', token: admin.token, body: updateBody(cancelled.json, { title: { da: 'Igen' } }) });
    expectProblem(again, 409, 'event-cancelled');
    const log = auditLogSchema.parse((await stack.api(`/moderation/log?processId=${P}&targetId=aflyses`, { token: admin.token })).json);
    expect(log.items.map((e) => e.action)).toEqual(['event-cancel', 'event-create']);
  });
});

describe('invitation token', () => {
  it('is kept while the event stays invited, dropped when it opens to everyone, new when it is invited again', async () => {
    const created = await createEvent(stack, admin.token, P, anEvent('skiftende', { audience: 'invited' }));
    const kept = await stack.api(`/processes/${P}/events/skiftende`, { method: 'PATCH', token: admin.token, body: updateBody(created, { capacity: 41 }) });
    expect(kept.json.invitationToken).toBe(created.invitationToken);
    const open = await stack.api(`/processes/${P}/events/skiftende`, { method: 'PATCH', token: admin.token, body: updateBody(kept.json, { audience: 'everyone' }) });
    expect(open.status, JSON.stringify(open.json)).toBe(200);
    expect(open.json.invitationToken).toBeUndefined();
    const again = await stack.api(`/processes/${P}/events/skiftende`, { method: 'PATCH', token: admin.token, body: updateBody(open.json, { audience: 'invited' }) });
    expect(again.json.invitationToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(again.json.invitationToken).not.toBe(created.invitationToken);
    // The token never reaches the audit log, which many read.
    const log = JSON.stringify((await stack.api(`/moderation/log?processId=${P}&targetId=skiftende`, { token: admin.token })).json);
    expect(log).not.toContain(created.invitationToken);
    expect(log).not.toContain(again.json.invitationToken);
  });
});

describe('calendar', () => {
  it('serves the event as an .ics file', async () => {
    const r = await fetch(`${stack.info.apiUrl}/processes/${P}/events/festival/calendar`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(r.headers.get('content-disposition')).toContain('festival.ics');
    const ics = await r.text();
    expect(ics).toContain(`UID:festival.${P}@deltag\r\n`);
    expect(ics).toContain('LOCATION:Byrådssalen\\, Bernstorffsvej 161\\, 2920 Charlottenlund\r\n');
    expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
    expect(ics).toContain(`URL:${stack.info.webUrl}/forloeb/${P}/arrangementer/festival\r\n`);
  });
});
