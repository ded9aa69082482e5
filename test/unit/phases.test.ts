import { describe, expect, it } from 'vitest';
import { allowedNow, hasActivePhase, openPhases, phaseAllows, phaseProblems, processStage, retentionProblem, type PhaseSpan } from '#shared/rules/phases';

const span = (kind: PhaseSpan['kind'], startsAt: string, endsAt?: string): PhaseSpan => ({ kind, startsAt, ...(endsAt ? { endsAt } : {}) });

describe('phases in order', () => {
  const process = {
    phases: [span('ideas', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), span('voting', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z')],
  };
  it.each([
    ['2025-12-31T23:59:59Z', 'upcoming', []],
    ['2026-01-01T00:00:00Z', 'open', ['ideas']],
    ['2026-02-01T00:00:00Z', 'open', ['voting']],
    ['2026-03-01T00:00:00Z', 'closed', []],
  ])('at %s the process is %s with %j open', (at, stage, kinds) => {
    expect(processStage(process, new Date(at))).toBe(stage);
    expect(openPhases(process, new Date(at)).map((p) => p.kind)).toEqual(kinds);
  });

  it('lets an ideas phase take ideas, votes and comments, and a voting phase only votes and comments', () => {
    expect(allowedNow(process, new Date('2026-01-10T00:00:00Z'))).toEqual({ submit: true, vote: true, comment: true, answer: false, respond: false, signup: false });
    expect(allowedNow(process, new Date('2026-02-10T00:00:00Z'))).toEqual({ submit: false, vote: true, comment: true, answer: false, respond: false, signup: false });
    expect(phaseAllows(process, new Date('2025-12-01T00:00:00Z'), 'vote')).toBe(false);
  });
});

describe('overlapping phases', () => {
  const process = {
    phases: [
      span('information', '2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z'),
      span('survey', '2026-01-15T00:00:00Z', '2026-02-15T00:00:00Z'),
      span('ideas', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'),
      span('closed', '2026-06-01T00:00:00Z'),
    ],
  };

  it('are open together, and what they allow adds up', () => {
    const at = new Date('2026-02-10T00:00:00Z');
    expect(openPhases(process, at).map((p) => p.kind)).toEqual(['information', 'survey', 'ideas']);
    // The survey phase adds answering to what the ideas phase allows.
    expect(allowedNow(process, at)).toEqual({ submit: true, vote: true, comment: true, answer: true, respond: false, signup: false });
    expect(hasActivePhase(process, at)).toBe(true);
    expect(allowedNow(process, new Date('2026-02-20T00:00:00Z')).answer).toBe(false);
  });

  it('an information phase alone allows nothing, and a closed phase stays open from its start', () => {
    expect(allowedNow(process, new Date('2026-01-02T00:00:00Z'))).toEqual({ submit: false, vote: false, comment: false, answer: false, respond: false, signup: false });
    expect(processStage(process, new Date('2099-01-01T00:00:00Z'))).toBe('closed');
    expect(hasActivePhase(process, new Date('2099-01-01T00:00:00Z'))).toBe(false);
  });

  it('a closed phase closes whatever else is open', () => {
    const closing = { phases: [span('ideas', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'), span('closed', '2026-02-01T00:00:00Z')] };
    expect(allowedNow(closing, new Date('2026-02-10T00:00:00Z')).submit).toBe(false);
    expect(processStage(closing, new Date('2026-02-10T00:00:00Z'))).toBe('closed');
  });

  it('a gap between phases is neither upcoming nor closed', () => {
    const gap = { phases: [span('ideas', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), span('review', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z')] };
    expect(processStage(gap, new Date('2026-02-10T00:00:00Z'))).toBe('between');
  });
});

describe('an archived process', () => {
  const process = { phases: [span('ideas', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z')] };
  const during = new Date('2026-02-01T00:00:00Z');

  it('takes no participation while its ideas phase is open', () => {
    expect(allowedNow(process, during)).toEqual({ submit: true, vote: true, comment: true, answer: false, respond: false, signup: false });
    const archived = { ...process, archivedAt: '2026-01-15T00:00:00Z' };
    expect(allowedNow(archived, during)).toEqual({ submit: false, vote: false, comment: false, answer: false, respond: false, signup: false });
    expect(phaseAllows(archived, during, 'vote')).toBe(false);
  });

  it('is open again once restored (no archivedAt)', () => {
    const restored = { ...process, archivedAt: undefined };
    expect(phaseAllows(restored, during, 'submit')).toBe(true);
  });
});

describe('a process past its retention date', () => {
  const process = { phases: [span('ideas', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z')] };
  const during = new Date('2026-02-01T00:00:00Z');
  const until = (at: string) => ({ ...process, settings: { personalDataUntil: at } });

  it('takes participation up to, not including, the retention date', () => {
    expect(allowedNow(until('2026-02-01T00:00:01Z'), during)).toEqual({ submit: true, vote: true, comment: true, answer: false, respond: false, signup: false });
    expect(allowedNow(until('2026-02-01T00:00:00Z'), during)).toEqual({ submit: false, vote: false, comment: false, answer: false, respond: false, signup: false });
  });

  it('takes none once its personal data is erased, whatever the date now says', () => {
    const erased = { ...until('2027-01-01T00:00:00Z'), personalDataErasedAt: '2026-01-20T00:00:00Z' };
    expect(phaseAllows(erased, during, 'vote')).toBe(false);
    expect(phaseAllows(erased, during, 'comment')).toBe(false);
  });
});

describe('phase problems', () => {
  it('accepts phases in order, overlapping kinds that differ, and a last phase without an end', () => {
    expect(
      phaseProblems([span('ideas', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'), span('voting', '2026-02-01T00:00:00Z', '2026-04-01T00:00:00Z'), span('closed', '2026-04-01T00:00:00Z')]),
    ).toEqual([]);
  });

  it.each([
    ['a reversed phase', [span('ideas', '2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z')], { index: 0, field: 'endsAt' }],
    ['an open end before the last phase', [span('ideas', '2026-01-01T00:00:00Z'), span('closed', '2026-02-01T00:00:00Z')], { index: 0, field: 'endsAt' }],
    ['phases out of order', [span('voting', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'), span('ideas', '2026-01-01T00:00:00Z', '2026-01-10T00:00:00Z')], { index: 1, field: 'startsAt' }],
    ['two ideas phases that overlap', [span('ideas', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'), span('ideas', '2026-02-01T00:00:00Z', '2026-04-01T00:00:00Z')], { index: 1, field: 'startsAt' }],
    ['an unknown kind', [{ ...span('ideas', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'), kind: 'submission' as never }], { index: 0, field: 'kind' }],
  ])('finds %s', (_what, phases, expected) => {
    const problems = phaseProblems(phases);
    expect(problems).toContainEqual(expect.objectContaining(expected));
    expect(problems.every((p) => /[a-zæøå]/.test(p.message))).toBe(true);
  });
});

describe('the retention date', () => {
  const phases = [span('ideas', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'), span('review', '2026-03-01T00:00:00Z', '2026-06-01T00:00:00Z'), span('closed', '2026-06-01T00:00:00Z')];
  it('may come after the last phase people take part in, review or not', () => {
    expect(retentionProblem(phases, '2026-03-01T00:00:00Z')).toBeUndefined();
  });
  it('may not come while people still take part', () => {
    expect(retentionProblem(phases, '2026-02-28T00:00:00Z')).toMatch(/Opbevaringsfristen/);
  });
});
