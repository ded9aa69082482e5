import '../../../modules/zod';
import type * as z from 'zod';
import { computed, ref } from 'vue';
import { assistedAnswerSchema, assistedIdeaSchema, assistedPersonCreateSchema, type Receipt } from '#shared/schemas/assisted';
import { answerFor, createPerson, ideaFor, receiptFor } from '../../../api/assistedWorkspace';
import { apiErrorsByPath, type FieldErrors } from '../../../lib/consultationForm';
import { errorMessage } from '../../../lib/errorMessage';
import type { AnswerValue } from '../../../lib/surveyDraft';
import { emptyIdea, emptyPerson, ideaBody, ideaTyped, personBody } from './forms';
import { ta } from './i18n';
import { messageOf } from './useActForm';

/**
 * The paper form typed in as one form, saved as channel `paper` in three steps: the citizen, then
 * the idea (when one is written), then the survey answers (when any are ticked).
 * 1. Every part is checked with its shared schema before anything is sent, so bad input saves nothing.
 * 2. A step the API refuses stops there with its errors at the fields; the steps already saved are
 *    remembered, so saving again goes on from the refused step (no second citizen, no second idea).
 * 3. The receipt: the one act's own, or a new one listing both when the idea and the answers were saved.
 */
export function usePaperForm() {
  const person = ref(emptyPerson('paper'));
  const idea = ref(emptyIdea());
  const answers = ref<Record<string, AnswerValue>>({});
  const errors = ref<{ person: FieldErrors; idea: FieldErrors; answers: FieldErrors }>({ person: {}, idea: {}, answers: {} });
  const focusKey = ref(0);
  const sending = ref(false);
  const failure = ref('');
  let saved: { personId?: string; idea?: Receipt; answer?: Receipt } = {};

  const byPath = (issues: readonly z.core.$ZodIssue[]) => {
    const found: FieldErrors = {};
    for (const issue of issues) found[issue.path.join('.')] ??= messageOf(issue);
    return found;
  };
  const hasAnswers = () => Object.keys(answers.value).length > 0;

  function check() {
    const withIdea = ideaTyped(idea.value) || !hasAnswers();
    const p = assistedPersonCreateSchema.safeParse(personBody(person.value), { reportInput: true });
    const i = withIdea ? assistedIdeaSchema.safeParse({ ...ideaBody(idea.value), channel: 'paper' }, { reportInput: true }) : undefined;
    const a = hasAnswers() ? assistedAnswerSchema.safeParse({ answers: answers.value, channel: 'paper' }, { reportInput: true }) : undefined;
    errors.value = { person: p.success ? {} : byPath(p.error.issues), idea: i && !i.success ? byPath(i.error.issues) : {}, answers: a && !a.success ? byPath(a.error.issues) : {} };
    if (!p.success || (i && !i.success) || (a && !a.success)) return undefined;
    return { person: p.data, idea: i?.data, answer: a?.data };
  }

  /** Saves what is not saved yet; the receipt when all went through. */
  async function save(processId: string): Promise<Receipt | undefined> {
    if (sending.value) return undefined;
    failure.value = '';
    const body = check();
    if (!body) return void focusKey.value++;
    sending.value = true;
    let step: 'person' | 'idea' | 'answers' = 'person';
    try {
      saved.personId ??= (await createPerson(processId, body.person)).id;
      step = 'idea';
      if (body.idea && !saved.idea) saved.idea = (await ideaFor(processId, saved.personId, body.idea)).receipt;
      step = 'answers';
      if (body.answer && !saved.answer) saved.answer = (await answerFor(processId, saved.personId, body.answer)).receipt;
      const receipt = saved.idea && saved.answer ? (await receiptFor(processId, saved.personId, 'paper')).receipt : (saved.idea ?? saved.answer)!;
      reset();
      return receipt;
    } catch (error) {
      const found = apiErrorsByPath(error);
      errors.value = { ...errors.value, [step]: found };
      if (Object.keys(found).length) focusKey.value++;
      failure.value = [saved.personId ? ta('paper.partly') : '', Object.keys(found).length ? '' : errorMessage(error)].filter(Boolean).join(' ');
      return undefined;
    } finally {
      sending.value = false;
    }
  }

  function reset() {
    person.value = emptyPerson('paper');
    idea.value = emptyIdea();
    answers.value = {};
    errors.value = { person: {}, idea: {}, answers: {} };
    saved = {};
  }

  const anyErrors = computed(() => [errors.value.person, errors.value.idea, errors.value.answers].some((e) => Object.keys(e).length > 0));
  return { person, idea, answers, errors, anyErrors, focusKey, sending, failure, save };
}
