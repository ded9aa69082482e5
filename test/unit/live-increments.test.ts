import { describe, expect, it } from 'vitest';
import { liveIncrements } from '../../functions/src/domain/events/live-increments';
import type { LiveQuestion } from '#shared/schemas/live-rounds';

const single: LiveQuestion = { id: 'valg', kind: 'single', text: { da: 'Hvad?' }, options: [{ id: 'ja', label: { da: 'Ja' } }, { id: 'nej', label: { da: 'Nej' } }] };
const scale: LiveQuestion = { id: 'skala', kind: 'scale', text: { da: 'Hvor meget?' }, lowLabel: { da: 'Lidt' }, highLabel: { da: 'Meget' } };
const words: LiveQuestion = { id: 'ord', kind: 'words', text: { da: 'Ét ord' }, maxWords: 2 };
const statements: LiveQuestion = {
  id: 'udsagn',
  kind: 'statements',
  text: { da: 'Enig?' },
  statements: [{ id: 'p1', text: { da: '§ 1' } }, { id: 'p2', text: { da: '§ 2' } }],
};

const ok = (q: LiveQuestion, a: Parameters<typeof liveIncrements>[1]) => {
  const r = liveIncrements(q, a);
  if (!r.ok) throw new Error(`refused: ${r.message}`);
  return r.increments;
};
const refused = (q: LiveQuestion, a: unknown) => {
  const r = liveIncrements(q, a as never);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.message;
};

describe('liveIncrements', () => {
  it('single: one for the option chosen; an unknown option or a number is refused', () => {
    expect(ok(single, 'nej')).toEqual({ counts: { nej: 1 }, words: {} });
    expect(refused(single, 'maaske')).toBe('Svarmuligheden findes ikke i spørgsmålet');
    refused(single, 3);
    refused(single, ['ja']);
  });

  it('scale: one for the value, 0 to 10 only', () => {
    expect(ok(scale, 0)).toEqual({ counts: { '0': 1 }, words: {} });
    expect(ok(scale, 10)).toEqual({ counts: { '10': 1 }, words: {} });
    refused(scale, 11);
    refused(scale, -1);
    refused(scale, 2.5);
    refused(scale, 'ja');
  });

  it('words: normalised, duplicates folded, at most maxWords, none empty or too long', () => {
    expect(ok(words, [' AI ', 'ai'])).toEqual({ counts: {}, words: { ai: 1 } });
    expect(ok(words, ['Tryghed', 'Æ  Ø'])).toEqual({ counts: {}, words: { tryghed: 1, 'æ ø': 1 } });
    expect(refused(words, ['a', 'b', 'c'])).toBe('Skriv højst 2 ord');
    expect(refused(words, ['   '])).toBe('Et ord må ikke være tomt');
    refused(words, ['x'.repeat(31)]);
    expect(refused(words, ['a\uD800'])).toBe('Ordet indeholder et tegn, der ikke kan gemmes');
    expect(ok(words, ['🤖 ai'])).toEqual({ counts: {}, words: { '🤖 ai': 1 } });
    refused(words, []);
    refused(words, 'ai');
  });

  it('words: HTML is a word like any other (counted as typed, never interpreted)', () => {
    expect(ok(words, ['<b>AI</b>'])).toEqual({ counts: {}, words: { '<b>ai</b>': 1 } });
  });

  it('statements: a stance per named statement, every id known, at least one', () => {
    expect(ok(statements, { p1: 'agree', p2: 'disagree' })).toEqual({ counts: { 'p1:agree': 1, 'p2:disagree': 1 }, words: {} });
    expect(ok(statements, { p2: 'neutral' })).toEqual({ counts: { 'p2:neutral': 1 }, words: {} });
    expect(refused(statements, { p1: 'agree', p9: 'agree' })).toBe('Udsagnet findes ikke i spørgsmålet');
    refused(statements, {});
    refused(statements, { p1: 'maybe' });
    refused(statements, 'p1');
  });
});
