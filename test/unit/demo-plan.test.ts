import { describe, expect, it } from 'vitest';
import { DEMO_DAYS, demoPlan, type DemoPlan } from '#local/demo-data';
import { localGentofte } from '../../cdk/setup/definition';
import { openPhases } from '#shared/rules/phases';
import { localDate } from '#functions/lib/copenhagen-time';

/**
 * The demo's plan (cdk/local/demo-data.ts), checked without a stack: a process in full swing that
 * the seed can carry out through the use cases without one refusal. The integration test
 * (test/integration/demo-seed.test.ts) checks what the seed then stores.
 */
const now = new Date('2026-12-01T10:30:00Z');
const plan = demoPlan(now);
const process = localGentofte(now, DEMO_DAYS);
const DAY = 24 * 60 * 60 * 1000;

const ideaAt = new Map(plan.ideas.map((i) => [i.key, i.at.getTime()]));
const votesPer = (p: DemoPlan) => {
  const per = new Map(p.ideas.map((i) => [i.key, 0]));
  for (const v of p.votes) per.set(v.idea, per.get(v.idea)! + 1);
  return [...per.values()].sort((a, b) => b - a);
};
/** The last decision on each idea: its state when the seed is done. */
const finalState = () => {
  const state = new Map<string, { status: string; officialAnswer?: string; answerDeadline?: string }>();
  for (const d of plan.decisions) {
    if (!('idea' in d)) continue;
    const before = state.get(d.idea) ?? { status: 'published' };
    if ('mergeInto' in d) state.set(d.idea, { ...before, status: 'merged' });
    else if (d.command.action === 'hide') state.set(d.idea, { ...before, status: 'hidden' });
    else if (d.command.action === 'set-status') state.set(d.idea, { ...before, status: d.command.status, ...(d.command.officialAnswer ? { officialAnswer: d.command.officialAnswer } : {}), ...(d.command.answerDeadline ? { answerDeadline: d.command.answerDeadline } : {}) });
  }
  return state;
};

describe('the demo plan', () => {
  it('has a few hundred participants of all three types with unique addresses, and the staff with their roles', () => {
    const participants = plan.people.filter((p) => !p.role);
    expect(participants.length).toBeGreaterThanOrEqual(300);
    for (const type of ['citizen', 'business', 'employee']) expect(participants.filter((p) => p.participantType === type).length).toBeGreaterThan(30);
    expect(new Set(plan.people.map((p) => p.email)).size).toBe(plan.people.length);
    expect(plan.people.every((p) => p.displayName.endsWith(' (demo)'))).toBe(true);
    expect(plan.people.filter((p) => p.role).map((p) => p.role).sort()).toEqual(['admin', 'assistant', 'committee', 'moderator', 'moderator']);
    // The accounts the browser tests sign in as.
    for (const email of ['jens.demo@example.dk', 'sara.demo@example.dk', 'hanne.demo@example.dk', 'birthe.demo@example.dk']) expect(plan.people.map((p) => p.email)).toContain(email);
  });

  it('spreads the ideas over the weeks since the process opened, every step inside a phase that allows it', () => {
    const opened = Date.parse(process.phases[0]!.startsAt);
    const times = plan.ideas.map((i) => i.at.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(opened);
    expect(Math.max(...times)).toBeLessThan(now.getTime());
    expect(now.getTime() - Math.min(...times)).toBeGreaterThan(5 * 7 * DAY);
    // Ideas in every week of the process.
    const weeks = new Set(times.map((t) => Math.floor((t - opened) / (7 * DAY))));
    expect(weeks.size).toBeGreaterThanOrEqual(6);
    for (const step of [...plan.ideas, ...plan.votes, ...plan.comments, ...plan.flags, ...plan.decisions]) {
      // The ideas phase, beside the survey in the process's first month.
      expect(openPhases(process, step.at).map((p) => p.kind).filter((k) => k !== 'survey')).toEqual(['ideas']);
      expect(step.at.getTime()).toBeLessThan(now.getTime());
    }
  });

  it('gives a few ideas many votes and most a few (about 1/rank), one vote per voter, never the author’s own', () => {
    const counts = votesPer(plan);
    const median = counts[Math.floor(counts.length / 2)]!;
    expect(counts[0]).toBeGreaterThanOrEqual(100);
    expect(median).toBeGreaterThanOrEqual(2);
    expect(median).toBeLessThanOrEqual(10);
    expect(counts[0]! / counts[4]!).toBeGreaterThan(3);
    expect(new Set(plan.votes.map((v) => `${v.idea} ${v.voter}`)).size).toBe(plan.votes.length);
    const author = new Map(plan.ideas.map((i) => [i.key, i.author]));
    expect(plan.votes.filter((v) => v.voter === author.get(v.idea))).toEqual([]);
    expect(plan.votes.every((v) => v.at.getTime() > ideaAt.get(v.idea)!)).toBe(true);
  });

  it('takes votes only before a decision or a hold changes the idea, and comments only while it is public', () => {
    const firstDecision = new Map<string, number>();
    for (const d of plan.decisions) if ('idea' in d && !firstDecision.has(d.idea)) firstDecision.set(d.idea, d.at.getTime());
    for (const v of plan.votes) if (firstDecision.has(v.idea)) expect(v.at.getTime()).toBeLessThan(firstDecision.get(v.idea)!);
    const heldAt = plan.flags.filter((f) => f.idea === 'jobcenter-frister' && !f.comment).at(-1)!.at.getTime();
    expect(plan.votes.filter((v) => v.idea === 'jobcenter-frister').every((v) => v.at.getTime() < heldAt)).toBe(true);
    expect(plan.comments.filter((c) => c.idea === 'jobcenter-frister').every((c) => c.at.getTime() < heldAt)).toBe(true);
    const gone = plan.decisions.filter((d) => 'idea' in d && ('mergeInto' in d || d.command.action === 'hide'));
    for (const d of gone) expect(plan.comments.filter((c) => c.idea === (d as { idea: string }).idea && c.at >= d.at)).toEqual([]);
  });

  it('has comments with stances and replies, each reply after its comment and on the same idea', () => {
    expect(plan.comments.length).toBeGreaterThan(150);
    const replies = plan.comments.filter((c) => c.parent);
    expect(replies.length).toBeGreaterThan(30);
    for (const stance of ['for', 'against', 'neutral']) expect(plan.comments.some((c) => c.stance === stance)).toBe(true);
    const byKey = new Map(plan.comments.map((c) => [c.key, c]));
    for (const r of replies) {
      const parent = byKey.get(r.parent!)!;
      expect(parent.parent).toBeUndefined();
      expect(parent.idea).toBe(r.idea);
      expect(r.at.getTime()).toBeGreaterThan(parent.at.getTime());
    }
    // The idea's author answers some comments on their idea.
    const author = new Map(plan.ideas.map((i) => [i.key, i.author]));
    expect(replies.some((r) => r.author === author.get(r.idea))).toBe(true);
  });

  it('ends with ideas under review, selected and not selected with answers, exactly one overdue, one merge and one hidden idea', () => {
    const state = finalState();
    const count = (status: string) => [...state.values()].filter((s) => s.status === status).length;
    expect(count('under_review')).toBeGreaterThanOrEqual(3);
    expect(count('selected')).toBeGreaterThanOrEqual(2);
    expect(count('not_selected')).toBeGreaterThanOrEqual(2);
    expect(count('merged')).toBe(1);
    expect(count('hidden')).toBe(1);
    for (const s of state.values()) if (s.status === 'selected' || s.status === 'not_selected') expect(s.officialAnswer).toBeTruthy();
    const today = localDate(now);
    const overdue = [...state].filter(([, s]) => s.answerDeadline && s.answerDeadline < today && !s.officialAnswer && ['under_review', 'selected', 'not_selected', 'published'].includes(s.status));
    expect(overdue.map(([key]) => key)).toEqual(['ingen-afgoerelser']);
    expect(plan.decisions.filter((d) => 'idea' in d && 'command' in d && d.command.action === 'hide').every((d) => 'command' in d && d.command.reason)).toBe(true);
  });

  it('has an idea and a comment flagged by three different participants (the threshold), none by their author', () => {
    const author = (f: DemoPlan['flags'][number]) => (f.comment ? plan.comments.find((c) => c.key === f.comment)!.author : plan.ideas.find((i) => i.key === f.idea)!.author);
    const flaggers = new Map<string, Set<string>>();
    for (const f of plan.flags) {
      expect(f.by).not.toBe(author(f));
      const target = f.comment ?? f.idea;
      expect(flaggers.get(target)?.has(f.by) ?? false).toBe(false);
      flaggers.set(target, (flaggers.get(target) ?? new Set()).add(f.by));
    }
    const held = [...flaggers].filter(([, by]) => by.size >= process.settings.flagThreshold).map(([target]) => target);
    expect(held.sort()).toEqual(['jobcenter-frister', 'rude']);
  });

  it('keeps cause before effect whatever the hour it is seeded at', () => {
    for (let hour = 0; hour < 24; hour++) {
      const at = new Date(Date.UTC(2026, 11, 1, hour, 17));
      expect({ hour, problems: causalProblems(demoPlan(at), at) }).toEqual({ hour, problems: [] });
    }
  });

  it('is the same plan for the same moment, and smaller on request', () => {
    const again = demoPlan(now);
    expect(again.votes.map((v) => `${v.idea}${v.voter}${v.at.toISOString()}`)).toEqual(plan.votes.map((v) => `${v.idea}${v.voter}${v.at.toISOString()}`));
    const small = demoPlan(now, 40);
    expect(small.people.filter((p) => !p.role)).toHaveLength(48);
    expect(small.ideas).toHaveLength(plan.ideas.length);
    expect(votesPer(small)[0]).toBeGreaterThan(votesPer(small)[10]!);
  });
});

/** Steps that would happen before what they react to, after the seeding moment, or outside the submission phase. */
function causalProblems(p: DemoPlan, at: Date): string[] {
  const problems: string[] = [];
  const phases = localGentofte(at, DEMO_DAYS);
  const posted = new Map(p.ideas.map((i) => [i.key, i.at.getTime()]));
  const written = new Map(p.comments.map((c) => [c.key, c.at.getTime()]));
  const lastFlag = new Map<string, number>();
  for (const f of p.flags) lastFlag.set(f.comment ?? f.idea, Math.max(lastFlag.get(f.comment ?? f.idea) ?? 0, f.at.getTime()));
  const check = (what: string, time: Date, notBefore: number) => {
    if (time.getTime() <= notBefore) problems.push(`${what} comes before what it reacts to`);
    if (time.getTime() >= at.getTime()) problems.push(`${what} lies in the future`);
    if (!openPhases(phases, time).some((p) => p.kind === 'ideas')) problems.push(`${what} falls outside the ideas phase`);
  };
  for (const v of p.votes) check(`a vote on ${v.idea}`, v.at, posted.get(v.idea)!);
  for (const c of p.comments) check(`comment ${c.key}`, c.at, Math.max(posted.get(c.idea)!, c.parent ? written.get(c.parent)! : 0));
  for (const f of p.flags) check(`a flag on ${f.comment ?? f.idea}`, f.at, f.comment ? written.get(f.comment)! : posted.get(f.idea)!);
  for (const d of p.decisions) {
    const target = 'comment' in d ? d.comment : d.idea;
    check(`a decision on ${target}`, d.at, Math.max('comment' in d ? written.get(d.comment)! : posted.get(d.idea)!, lastFlag.get(target) ?? 0));
  }
  return problems;
}
