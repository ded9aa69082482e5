import { normaliseWord, stances, WORD_MAX, type Stance } from '#shared/rules/events';
import type { LiveAnswer, LiveQuestion } from '#shared/schemas/live-rounds';

/** The counters one answer adds to its question's tally (see LiveTally in ports.ts for the keys). */
export interface LiveIncrements {
  counts: Record<string, number>;
  words: Record<string, number>;
}

/** Why an answer does not fit its question, in Danish for the phone (400 at body.answer). */
export type LiveAnswerCheck = { ok: true; increments: LiveIncrements } | { ok: false; message: string };

/** The key of a statement's stance in a tally's counts: the statement id and the stance. */
export const stanceKey = (statementId: string, stance: Stance) => `${statementId}:${stance}`;

const refuse = (message: string): LiveAnswerCheck => ({ ok: false, message });
const accept = (counts: Record<string, number>, words: Record<string, number> = {}): LiveAnswerCheck => ({ ok: true, increments: { counts, words } });

/**
 * Checks one phone's answer against its question and gives the counters to ADD, one each: the
 * option chosen; the scale's value (0–10); each distinct word after normalisation (so "AI" and
 * " ai " from one phone count once), at most the question's `maxWords`, each non-empty and at most
 * WORD_MAX long; a stance for each statement named, every id one of the question's, at least one.
 * The schema has already checked the answer's shape in general; this checks it against the question.
 */
export function liveIncrements(question: LiveQuestion, answer: LiveAnswer['answer']): LiveAnswerCheck {
  switch (question.kind) {
    case 'single':
      if (typeof answer !== 'string') return refuse('Vælg en af svarmulighederne');
      if (!question.options.some((o) => o.id === answer)) return refuse('Svarmuligheden findes ikke i spørgsmålet');
      return accept({ [answer]: 1 });
    case 'scale':
      if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer > 10) return refuse('Svaret skal være et helt tal fra 0 til 10');
      return accept({ [String(answer)]: 1 });
    case 'words':
      return wordsIncrements(question.maxWords, answer);
    case 'statements':
      return statementIncrements(question.statements, answer);
  }
}

/** Half a UTF-16 pair (JSON can carry one) is no character and cannot be stored as a word's key. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function wordsIncrements(maxWords: number, answer: LiveAnswer['answer']): LiveAnswerCheck {
  if (!Array.isArray(answer) || answer.length === 0) return refuse('Skriv mindst ét ord');
  if (answer.length > maxWords) return refuse(maxWords === 1 ? 'Skriv højst ét ord' : `Skriv højst ${maxWords} ord`);
  const words: Record<string, number> = {};
  for (const given of answer) {
    const word = normaliseWord(given);
    if (!word) return refuse('Et ord må ikke være tomt');
    if (LONE_SURROGATE.test(word)) return refuse('Ordet indeholder et tegn, der ikke kan gemmes');
    if ([...word].length > WORD_MAX) return refuse(`Et ord må højst have ${WORD_MAX} tegn`);
    words[word] = 1;
  }
  return accept({}, words);
}

function statementIncrements(statements: readonly { id: string }[], answer: LiveAnswer['answer']): LiveAnswerCheck {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return refuse('Tag stilling til mindst ét udsagn');
  const entries = Object.entries(answer);
  if (entries.length === 0) return refuse('Tag stilling til mindst ét udsagn');
  const ids = new Set(statements.map((s) => s.id));
  const counts: Record<string, number> = {};
  for (const [id, stance] of entries) {
    if (!ids.has(id)) return refuse('Udsagnet findes ikke i spørgsmålet');
    if (!(stances as readonly string[]).includes(stance)) return refuse('Vælg enig, neutral eller uenig');
    counts[stanceKey(id, stance)] = 1;
  }
  return accept(counts);
}
