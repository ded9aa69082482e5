import { describe, expect, it } from 'vitest';
import { DEMO_SURVEY_ANSWERS, demoSurveyAnswers } from '../../cdk/local/demo-survey';
import { DEMO_HIDE_REASON, DEMO_NAMING_TEXTS, DEMO_PENDING_TEXTS, demoTextReviews } from '../../cdk/local/demo-survey-review';
import { GENTOFTE_FILE, localGentofte } from '../../cdk/setup/definition';
import { readSurveyFile, surveyFileOf } from '../../cdk/setup/survey';
import { answerProblems, SMALL_GROUP } from '#shared/rules/survey';

/** The demo's survey answers: valid, inside the survey phase, the same every time, and plausibly spread. */
const now = new Date('2026-12-01T12:00:00.000Z');
const process = localGentofte(now, 42);
const survey = readSurveyFile(surveyFileOf(GENTOFTE_FILE))!;
const planned = demoSurveyAnswers(survey, process, now);
const mean = (id: string) => {
  const values = planned.map((p) => p.answers[id]).filter((v): v is number => typeof v === 'number');
  return values.reduce((a, b) => a + b, 0) / values.length;
};

describe('demoSurveyAnswers', () => {
  it('plans every answer inside the survey phase, in time order, each one the survey accepts, from a browser of its own', () => {
    const phase = process.phases.find((p) => p.kind === 'survey')!;
    expect(planned).toHaveLength(DEMO_SURVEY_ANSWERS);
    for (const p of planned) {
      expect(p.at.getTime()).toBeGreaterThanOrEqual(Date.parse(phase.startsAt));
      expect(p.at.getTime()).toBeLessThan(Math.min(Date.parse(phase.endsAt!), now.getTime()));
      expect(answerProblems(survey, p.answers)).toEqual([]);
    }
    expect(planned.map((p) => p.at.getTime())).toEqual(planned.map((p) => p.at.getTime()).sort((a, b) => a - b));
    expect(new Set(planned.map((p) => p.browserToken)).size).toBe(planned.length);
  });

  it('is the same on every run', () => {
    expect(demoSurveyAnswers(survey, process, now)).toEqual(planned);
  });

  it('spreads like real answers: most want a person to talk to, trust is divided, some write free text, districts can be broken down', () => {
    expect(mean('menneskelig-kontakt')).toBeGreaterThan(4);
    expect(mean('tillid')).toBeGreaterThan(2.5);
    expect(mean('tillid')).toBeLessThan(4);
    expect(new Set(planned.map((p) => p.answers.tillid)).size).toBe(5);
    const texts = planned.filter((p) => typeof p.answers.hensyn === 'string').length;
    expect(texts).toBeGreaterThan(10);
    expect(texts).toBeLessThan(planned.length / 4);
    const districts = new Map<string, number>();
    for (const p of planned) if (typeof p.answers.bydel === 'string') districts.set(p.answers.bydel, (districts.get(p.answers.bydel) ?? 0) + 1);
    expect([...districts.values()].filter((n) => n >= SMALL_GROUP).length).toBeGreaterThanOrEqual(7);
  });

  it('plans nothing for a process without a survey phase', () => {
    expect(demoSurveyAnswers(survey, { phases: process.phases.filter((p) => p.kind !== 'survey') }, now)).toEqual([]);
  });
});

describe('demoTextReviews', () => {
  // The free texts as the store would hold them after the demo's answers (ids in answer order).
  const texts = planned.flatMap((p, i) =>
    Object.entries(p.answers)
      .filter(([id, v]) => typeof v === 'string' && ['bedste-ide', 'hensyn'].includes(id))
      .map(([id, v]) => ({ id: `t-${String(i).padStart(3, '0')}-${id}`, questionId: id, text: v as string, day: p.at.toISOString().slice(0, 10), state: 'unreviewed' as const })),
  );
  const reviews = demoTextReviews(texts, now);

  it('hides the two texts that name a person, with a reason, leaves the last few for the queue and approves the rest', () => {
    const naming = Object.values(DEMO_NAMING_TEXTS);
    expect(texts.filter((t) => naming.includes(t.text))).toHaveLength(2);
    const hidden = reviews.filter((r) => r.action === 'hide');
    expect(hidden.map((r) => texts.find((t) => t.id === r.textId)!.text).sort()).toEqual([...naming].sort());
    for (const r of hidden) expect(r.reason).toBe(DEMO_HIDE_REASON);
    const approved = reviews.filter((r) => r.action === 'approve');
    expect(approved.length).toBe(texts.length - 2 - DEMO_PENDING_TEXTS);
    expect(approved.length).toBeGreaterThan(20);
    const pending = texts.filter((t) => !reviews.some((r) => r.textId === t.id));
    expect(pending).toHaveLength(DEMO_PENDING_TEXTS);
    // The ones left are the last to come in.
    const lastReviewedDay = texts.filter((t) => !pending.includes(t)).map((t) => t.day).sort().at(-1)!;
    for (const t of pending) expect(t.day >= lastReviewedDay).toBe(true);
  });

  it('reviews each text after the day it came in and before now, in time order, and leaves reviewed texts alone', () => {
    for (const r of reviews) {
      const day = texts.find((t) => t.id === r.textId)!.day;
      expect(r.at.toISOString().slice(0, 10) > day).toBe(true);
      expect(r.at.getTime()).toBeLessThan(now.getTime());
    }
    expect(reviews.map((r) => r.at.getTime())).toEqual(reviews.map((r) => r.at.getTime()).sort((a, b) => a - b));
    const done = texts.map((t) => ({ ...t, state: 'approved' as const }));
    expect(demoTextReviews(done, now)).toEqual([]);
  });
});
