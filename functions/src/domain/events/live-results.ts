import { CLOUD_WORDS_SHOWN, LIVE_SCALE_MAX, LIVE_SCALE_MIN } from '#shared/rules/events';
import type { LiveQuestionResult, LiveRound } from '#shared/schemas/live-rounds';
import { builtOnce } from '../../lib/built-once';
import { stanceKey } from './live-increments';
import type { LiveTally } from './ports';

/** Danish collation, so "æble" sorts after "zebra" and before "ø", as a Danish reader expects (built on first use: it loads ICU data). */
const danish = builtOnce(() => new Intl.Collator('da'));

/**
 * A round's results from its tallies, one item per question in the round's order. Options keep
 * their definition order (the presenter's bars stay put while the counts move); the scale gives how
 * many chose 0, 1, … 10 and the mean (none without answers); words are the most frequent first,
 * ties alphabetically, at most `wordsShown` (the cloud on the projector and the event page show
 * CLOUD_WORDS_SHOWN; an export may ask for all); statements give agree, neutral and disagree each.
 * A question nobody answered yet (no tally) gives zeros, not a gap.
 */
export function liveResults(round: Pick<LiveRound, 'questions'>, tallies: readonly LiveTally[], wordsShown = CLOUD_WORDS_SHOWN): LiveQuestionResult[] {
  const byQuestion = new Map(tallies.map((t) => [t.questionId, t]));
  return round.questions.map((question) => {
    const tally = byQuestion.get(question.id);
    const counts = tally?.counts ?? {};
    const n = (key: string) => counts[key] ?? 0;
    const base = { questionId: question.id, count: tally?.count ?? 0 };
    switch (question.kind) {
      case 'single':
        return { ...base, options: question.options.map((o) => ({ id: o.id, count: n(o.id) })) };
      case 'scale': {
        const distribution = Array.from({ length: LIVE_SCALE_MAX - LIVE_SCALE_MIN + 1 }, (_, i) => n(String(LIVE_SCALE_MIN + i)));
        const answers = distribution.reduce((a, b) => a + b, 0);
        const sum = distribution.reduce((a, c, i) => a + c * (LIVE_SCALE_MIN + i), 0);
        // Two decimals: the projector shows one, and nobody reads the third.
        return { ...base, distribution, ...(answers ? { mean: Math.round((sum / answers) * 100) / 100 } : {}) };
      }
      case 'words':
        return { ...base, words: topWords(tally?.words ?? {}, wordsShown) };
      case 'statements':
        return {
          ...base,
          statements: question.statements.map((s) => ({ id: s.id, agree: n(stanceKey(s.id, 'agree')), neutral: n(stanceKey(s.id, 'neutral')), disagree: n(stanceKey(s.id, 'disagree')) })),
        };
    }
  });
}

/** The most frequent words first, ties in Danish alphabetical order; words counted zero are left out. */
export function topWords(words: Record<string, number>, limit: number): { word: string; count: number }[] {
  return Object.entries(words)
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || danish().compare(a, b))
    .slice(0, limit)
    .map(([word, count]) => ({ word, count }));
}
