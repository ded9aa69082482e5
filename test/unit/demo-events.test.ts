import { describe, expect, it } from 'vitest';
import { GENTOFTE_FILE, gentofteProcess } from '../../cdk/setup/definition';
import { eventsFileOf, eventsFor, readEventsFile } from '../../cdk/setup/events-file';
import { demoGentofte } from '../../cdk/local/demo-consultation-dates';
import { withDemoEventPhase } from '../../cdk/local/demo-events-dates';
import { DEMO_LIVE_SEED, DEMO_PHONES, DEMO_THEME_DAY_DAYS, PUBLIC_MEETING, THEME_DAY, THEME_DAY_CANCELLED, THEME_DAY_CHECKED_IN, THEME_DAY_SIGNUPS, dayIdeas, demoLiveAnswers, signupNeeds, themeDayColleagues } from '../../cdk/local/demo-events-data';
import { seededRandom } from '../../cdk/local/demo-random';
import { liveIncrements } from '#functions/domain/events/live-increments';
import { mayBeOrigin, mayCancel, signupVerdict } from '#shared/rules/events';
import { openPhases, phaseAllows, phaseProblems, retentionProblem } from '#shared/rules/phases';
import { signupCreateSchema } from '#shared/schemas/events';
import { liveAnswerSchema } from '#shared/schemas/live-rounds';
import { ideaCreateSchema } from '#shared/schemas/idea';

/** The demo's theme day as a plan (cdk/local/demo-events-data.ts, demo-events-dates.ts), without a stack. */
const DAY = 86_400_000;
const now = new Date('2026-12-01T10:00:00Z');
const file = readEventsFile(eventsFileOf(GENTOFTE_FILE), gentofteProcess())!;
const process = withDemoEventPhase(demoGentofte(now), now);
const events = eventsFor(file, gentofteProcess(), process);
const festival = events.find((e) => e.id === THEME_DAY)!;
const meeting = events.find((e) => e.id === PUBLIC_MEETING)!;
const employee = { participantType: 'employee', hasValidInvitation: false };

describe('the demo\'s event phase', () => {
  it('puts the theme day DEMO_THEME_DAY_DAYS ago at 9.00 and the public meeting ahead, in valid phases', () => {
    expect(phaseProblems(process.phases)).toEqual([]);
    expect(retentionProblem(process.phases, process.settings.personalDataUntil)).toBeUndefined();
    expect(new Date(festival.startsAt).toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })).toBe(new Date(now.getTime() - DEMO_THEME_DAY_DAYS * DAY).toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }));
    expect(new Date(festival.startsAt).toLocaleTimeString('da-DK', { timeZone: 'Europe/Copenhagen' })).toBe('09.00.00');
    expect(Date.parse(meeting.startsAt)).toBeGreaterThan(now.getTime());
    expect(openPhases(process, now).map((p) => p.kind).sort()).toEqual(['consultation', 'event', 'ideas']);
  });

  it('lets employees sign up from the phase\'s first morning to the deadline, cancel before the day, and post ideas from it', () => {
    const phase = process.phases.find((p) => p.kind === 'event')!;
    const firstMorning = new Date(Date.parse(phase.startsAt) + 8 * 3600_000);
    expect(signupVerdict(process, { ...festival, published: true }, firstMorning, employee)).toBe('open');
    expect(signupVerdict(process, { ...festival, published: true }, new Date(Date.parse(festival.signupDeadline!) - DAY), employee)).toBe('open');
    expect(mayCancel(festival, new Date(Date.parse(festival.signupDeadline!) + THEME_DAY_CANCELLED * DAY))).toBe(true);
    const afternoon = new Date(Date.parse(festival.startsAt) + Math.max(...dayIdeas.map((i) => i.minutes)) * 60_000);
    expect(phaseAllows(process, afternoon, 'submit')).toBe(true);
    expect(mayBeOrigin({ ...festival, published: true }, afternoon)).toBe(true);
    expect(signupVerdict(process, { ...meeting, published: true }, new Date(now.getTime() - 6 * DAY), { participantType: 'citizen', hasValidInvitation: false })).toBe('open');
  });
});

describe('the demo\'s sign-ups and the hall\'s answers', () => {
  it('fills the seats with a waiting list left after the cancellations, and the needs are what the form sends', () => {
    expect(THEME_DAY_SIGNUPS - THEME_DAY_CANCELLED).toBeGreaterThan(festival.capacity);
    expect(THEME_DAY_CHECKED_IN).toBeLessThanOrEqual(festival.capacity);
    for (const needs of signupNeeds) expect(signupCreateSchema.parse(needs)).toEqual(needs);
    for (const idea of dayIdeas) expect(ideaCreateSchema.parse({ ...idea.input, eventId: THEME_DAY }).eventId).toBe(THEME_DAY);
    const colleagues = themeDayColleagues(70, seededRandom(1));
    expect(new Set(colleagues.map((c) => c.email)).size).toBe(70);
    for (const c of colleagues) expect(c).toMatchObject({ participantType: 'employee', displayName: expect.stringMatching(/ \(demo\)$/), email: expect.stringMatching(/^[a-z]+\.e\d{3}\.demo@example\.dk$/) });
  });

  it('answers every question of the file\'s round as the API takes it, once per phone, with a plausible spread', () => {
    const round = file.liveRounds.find((r) => r.event === THEME_DAY)!.definition;
    const answers = demoLiveAnswers(seededRandom(DEMO_LIVE_SEED));
    expect(demoLiveAnswers(seededRandom(DEMO_LIVE_SEED))).toEqual(answers);
    const seen = new Set<string>();
    for (const a of answers) {
      const key = `${a.phone}#${a.questionId}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      const input = liveAnswerSchema.parse({ token: `demo-telefon-${String(a.phone).padStart(3, '0')}-x`, questionId: a.questionId, answer: a.answer });
      expect(liveIncrements(round.questions.find((q) => q.id === a.questionId)!, input.answer).ok, key).toBe(true);
    }
    expect(new Set(answers.map((a) => a.phone)).size).toBe(DEMO_PHONES);
    for (const q of round.questions) {
      const n = answers.filter((a) => a.questionId === q.id).length;
      expect(n, q.id).toBeGreaterThan(0.8 * DEMO_PHONES);
      expect(n, q.id).toBeLessThanOrEqual(DEMO_PHONES);
    }
    // No option takes everything and every option gets some.
    const single = answers.filter((a) => a.questionId === 'mest-tid');
    const round0 = round.questions[0]!;
    if (round0.kind === 'single') for (const o of round0.options) expect(single.filter((a) => a.answer === o.id).length, o.id).toBeGreaterThan(0);
    expect(Math.max(...round0.kind === 'single' ? round0.options.map((o) => single.filter((a) => a.answer === o.id).length) : [0])).toBeLessThan(single.length / 2);
  });
});
