import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '#functions/lib/copenhagen-time';
import { registerSchema, statusReportSchema } from '#shared/schemas/recommendations';
import { at } from '../helpers/assisted-persons';
import { expectProblem, type User } from '../helpers/participation';
import { aRecommendation, createRecommendation, processWithIdeas, setStatus } from '../helpers/recommendations';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The follow-through register through the local gateway: the AI Act lens on a recommendation, an
 * adopted one's initiative (refused before adoption), progress updates (refused without an
 * initiative), the public register, the revisit's status report of a cloned process, and an archived
 * process taking no writes. Every refusal changes nothing.
 */
const PID = 'anbefalinger-register';
const R = `/processes/${PID}/recommendations`;
let stack: TestStack;
let committee: User;
let moderator: User;
let admin: User;
let ideas: string[];
const day = (days: number) => localDate(new Date(at(days)));
const today = () => localDate(new Date());

beforeAll(async () => {
  stack = await testStack();
  const author = await stack.user({ name: 'Idéforfatter' });
  [committee, moderator, admin] = await Promise.all([
    stack.user({ role: 'committee', name: 'Udvalgsmedlem Ulla' }),
    stack.user({ role: 'moderator', name: 'Moderator Mads' }),
    stack.user({ role: 'admin', name: 'Administrator' }),
  ]);
  ideas = await processWithIdeas(stack, PID, admin, moderator, author, 2);
}, 120_000);
afterAll(() => stack?.stop());

const get = async (id: string) => (await stack.api(`${R}/${id}`)).json;
const log = async (targetId: string) =>
  ((await stack.api(`/moderation/log?processId=${PID}&targetId=${targetId}&limit=100`, { token: admin.token })).json.items as { action: string; actorName: string }[]);
const initiative = (id: string, body: Record<string, unknown>, token = committee.token) => stack.api(`${R}/${id}/initiative`, { method: 'PUT', token, body });
const progress = (id: string, body: Record<string, unknown>) => stack.api(`${R}/${id}/progress`, { method: 'POST', token: committee.token, body });

describe('the AI Act lens', () => {
  it('a moderator sets it (high risk with its Annex III area), audited; an empty lens removes it', async () => {
    const rec = await createRecommendation(stack, PID, committee, aRecommendation([ideas[0]!], { title: 'AI til visitation af hjemmehjælp' }));
    const lens = { aiActCategory: 'high-risk', highRiskArea: 'essential-services', dpiaNeeded: true, digitalExclusion: true, ethicsNote: 'Borgeren skal kunne få en <b>manuel</b> vurdering.' };
    const r = await stack.api(`${R}/${rec.id}/ai-lens`, { method: 'PUT', token: moderator.token, body: { lens, expectedUpdatedAt: rec.updatedAt } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.aiLens).toEqual(lens);
    expect((await get(rec.id)).aiLens).toEqual(lens);
    expect((await log(rec.id))[0]).toMatchObject({ action: 'ai-lens', actorName: 'Moderator Mads' });
    const cleared = await stack.api(`${R}/${rec.id}/ai-lens`, { method: 'PUT', token: committee.token, body: { lens: {}, expectedUpdatedAt: r.json.updatedAt } });
    expect(cleared.status).toBe(200);
    expect(cleared.json.aiLens).toBeUndefined();
  });

  it('high risk without its area is 400 at the field; a stale lens 409; neither changes anything', async () => {
    const [rec] = (await stack.api(R)).json.items;
    const bad = await stack.api(`${R}/${rec.id}/ai-lens`, { method: 'PUT', token: committee.token, body: { lens: { aiActCategory: 'high-risk' }, expectedUpdatedAt: rec.updatedAt } });
    expectProblem(bad, 400);
    expect(bad.json.errors[0]).toMatchObject({ path: 'body.lens.highRiskArea', message: 'Vælg området i bilag III' });
    const stale = await stack.api(`${R}/${rec.id}/ai-lens`, { method: 'PUT', token: committee.token, body: { lens: { aiActCategory: 'minimal' }, expectedUpdatedAt: '2020-01-01T00:00:00Z' } });
    expectProblem(stale, 409, 'stale');
    expect(await get(rec.id)).toEqual(rec);
  });
});

describe('initiative and progress', () => {
  it('a proposed recommendation gets no initiative (409 not-adopted) and no progress (409 no-initiative)', async () => {
    const [rec] = (await stack.api(R)).json.items;
    expectProblem(await initiative(rec.id, { owner: 'Digitalisering og IT', startsOn: day(-10), endsOn: day(100), state: 'in-progress' }), 409, 'not-adopted');
    expectProblem(await progress(rec.id, { on: today(), text: 'Vi er gået i gang.' }), 409, 'no-initiative');
    expect(await get(rec.id)).toEqual(rec);
    expect((await log(rec.id)).map((e) => e.action)).not.toContain('initiative-set');
  });

  it('adopted: the initiative is set once without expectedUpdatedAt, then only with it; an end before the start is 400', async () => {
    const [rec] = (await stack.api(R)).json.items;
    const adopted = await setStatus(stack, PID, committee, rec, 'adopted', 'Vedtaget i Social- og Sundhedsudvalget.');
    const backwards = await initiative(rec.id, { owner: 'Ældre og Sundhed', startsOn: day(10), endsOn: day(5), state: 'planned' });
    expectProblem(backwards, 400);
    expect(backwards.json.errors[0]).toMatchObject({ path: 'body.endsOn', message: 'Slutdatoen ligger før startdatoen' });
    const first = await initiative(rec.id, { owner: 'Ældre og Sundhed', startsOn: day(-10), endsOn: day(100), state: 'in-progress' });
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(first.json.initiative).toMatchObject({ owner: 'Ældre og Sundhed', state: 'in-progress', updatedAt: first.json.updatedAt });
    expect(first.json.updatedAt > adopted.updatedAt).toBe(true);
    // A second "first time" finds one set: someone else did it meanwhile.
    expectProblem(await initiative(rec.id, { owner: 'Et andet sted', startsOn: day(-10), endsOn: day(100), state: 'planned' }), 409, 'stale');
    const again = await initiative(rec.id, { owner: 'Ældre og Sundhed', startsOn: day(-10), endsOn: day(120), state: 'in-progress', expectedUpdatedAt: first.json.initiative.updatedAt });
    expect(again.status, JSON.stringify(again.json)).toBe(200);
    expect(again.json.initiative.endsOn).toBe(day(120));
    expect((await log(rec.id)).filter((e) => e.action === 'initiative-set')).toHaveLength(2);
  });

  it('progress updates are added (201), audited and shown newest first by their day; HTML kept as text', async () => {
    const [rec] = (await stack.api(R)).json.items;
    const older = await progress(rec.id, { on: day(-5), text: 'Leverandøren er valgt <script>x</script>.' });
    expect(older.status, JSON.stringify(older.json)).toBe(201);
    expect(older.json).toMatchObject({ on: day(-5), text: 'Leverandøren er valgt <script>x</script>.', authorName: 'Udvalgsmedlem Ulla' });
    const newer = await progress(rec.id, { on: day(-1), text: 'Første test med hjemmeplejen.' });
    expect(newer.status).toBe(201);
    expect((await get(rec.id)).progress.map((p: { id: string }) => p.id)).toEqual([newer.json.id, older.json.id]);
    expectProblem(await progress(rec.id, { on: 'i går', text: 'Forkert dato.' }), 400);
    expect((await get(rec.id)).progress).toHaveLength(2);
    expect((await log(rec.id)).filter((e) => e.action === 'progress-add')).toHaveLength(2);
  });
});

describe('the register', () => {
  it('lists adopted recommendations with an initiative only, with today in Danish time', async () => {
    await createRecommendation(stack, PID, committee, aRecommendation([], { title: 'Foreslået og ikke vedtaget endnu' }));
    const r = await stack.api(`/processes/${PID}/register`);
    expect(r.status).toBe(200);
    expect(registerSchema.safeParse(r.json).success).toBe(true);
    expect(r.json.today).toBe(today());
    expect(r.json.items.map((i: { title: string }) => i.title)).toEqual(['AI til visitation af hjemmehjælp']);
    expect(r.json.items[0].progress).toHaveLength(2);
    expectProblem(await stack.api('/processes/findes-ikke/register'), 404);
  });

  it('a process that is not a revisit has an empty status report without an earlier process', async () => {
    const r = await stack.api(`/processes/${PID}/register/status-report`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ processId: PID, today: today(), items: [] });
  });
});

describe('the revisit', () => {
  it("a cloned process's status report tells how each earlier initiative stands today", async () => {
    // Three more initiatives: one not started, one late, one done.
    const plans = [
      { title: 'Planlagt indsats til næste år', owner: 'Digitalisering og IT', startsOn: day(100), endsOn: day(300), state: 'planned' },
      { title: 'Forsinket indsats', owner: 'Borgerservice', startsOn: day(-300), endsOn: day(-100), state: 'in-progress' },
      { title: 'Gennemført indsats', owner: 'Skole og Dagtilbud', startsOn: day(-300), endsOn: day(-100), state: 'done' },
    ];
    for (const plan of plans) {
      const rec = await createRecommendation(stack, PID, committee, aRecommendation([], { title: plan.title }));
      const adopted = await setStatus(stack, PID, committee, rec, 'adopted');
      const { title: _t, ...body } = plan;
      expect((await initiative(adopted.id, body)).status).toBe(200);
    }
    const clone = await stack.api(`/processes/${PID}/clone`, { method: 'POST', token: admin.token, body: { id: 'anbefalinger-genbesoeg', title: { da: 'Genbesøg efter to år' }, startsAt: at(1) } });
    expect(clone.status, JSON.stringify(clone.json)).toBe(201);
    const r = await stack.api('/processes/anbefalinger-genbesoeg/register/status-report');
    expect(r.status).toBe(200);
    expect(statusReportSchema.safeParse(r.json).success).toBe(true);
    expect(r.json).toMatchObject({ processId: 'anbefalinger-genbesoeg', earlierProcessId: PID, earlierProcessTitle: expect.any(String), today: today() });
    const standings = Object.fromEntries(r.json.items.map((i: { title: string; standing: string }) => [i.title, i.standing]));
    expect(standings).toEqual({
      'AI til visitation af hjemmehjælp': 'on-track',
      'Planlagt indsats til næste år': 'not-started',
      'Forsinket indsats': 'late',
      'Gennemført indsats': 'done',
    });
    const tracked = r.json.items.find((i: { title: string }) => i.title === 'AI til visitation af hjemmehjælp');
    expect(tracked).toMatchObject({ updates: 2, lastUpdate: { text: 'Første test med hjemmeplejen.' } });
    // The clone has no recommendations of its own: the earlier round's stay where they were decided.
    expect((await stack.api('/processes/anbefalinger-genbesoeg/recommendations')).json.items).toEqual([]);
  });
});

describe('an archived process', () => {
  it('takes no writes (409) and stays readable', async () => {
    const [rec] = (await stack.api(R)).json.items;
    const archived = await stack.api(`/processes/${PID}/archive`, { method: 'POST', token: admin.token, body: { archived: true, confirm: true } });
    expect(archived.status, JSON.stringify(archived.json)).toBe(200);
    expectProblem(await stack.api(R, { method: 'POST', token: committee.token, body: aRecommendation([]) }), 409, 'process-archived');
    expectProblem(await stack.api(`${R}/${rec.id}/status`, { method: 'POST', token: committee.token, body: { status: 'rejected', expectedUpdatedAt: rec.updatedAt } }), 409, 'process-archived');
    expectProblem(await progress(rec.id, { on: today(), text: 'Efter arkivering.' }), 409, 'process-archived');
    expect(await get(rec.id)).toEqual(rec);
    expect((await stack.api(`/processes/${PID}/register`)).status).toBe(200);
  });
});
