import { normaliseWord, type Stance } from '#shared/rules/events';
import type { LiveAnswer, LiveQuestion } from '#shared/schemas/live-rounds';

/** What a phone has chosen or typed for one question so far. */
export interface LiveDraft {
  option: string;
  scale: number | undefined;
  words: string[];
  stances: Record<string, Stance>;
}

export const emptyDraft = (question: LiveQuestion): LiveDraft => ({
  option: '',
  scale: undefined,
  words: Array.from({ length: question.kind === 'words' ? question.maxWords : 0 }, () => ''),
  stances: {},
});

/** Why a draft cannot be sent yet, as a key of the `live.` messages. */
export type DraftProblem = 'choose' | 'wordsMissing' | 'statementsMissing';

/**
 * The answer the API takes for a question (an option id, a number 0–10, the words typed, a stance
 * per statement), or what is missing. Empty word fields are left out (the server would refuse an
 * empty word); a statement left unanswered is simply not sent, but at least one must be.
 */
export function answerOf(question: LiveQuestion, draft: LiveDraft): { answer: LiveAnswer['answer'] } | { problem: DraftProblem } {
  switch (question.kind) {
    case 'single':
      return question.options.some((o) => o.id === draft.option) ? { answer: draft.option } : { problem: 'choose' };
    case 'scale':
      return draft.scale === undefined ? { problem: 'choose' } : { answer: draft.scale };
    case 'words': {
      const words = draft.words.map((w) => w.trim().replace(/\s+/g, ' ')).filter((w) => normaliseWord(w) !== '').slice(0, question.maxWords);
      return words.length ? { answer: words } : { problem: 'wordsMissing' };
    }
    case 'statements': {
      const chosen = Object.fromEntries(question.statements.flatMap((s) => (draft.stances[s.id] ? [[s.id, draft.stances[s.id]!]] : [])));
      return Object.keys(chosen).length ? { answer: chosen } : { problem: 'statementsMissing' };
    }
  }
}
