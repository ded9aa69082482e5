import { computed, reactive, ref, shallowRef, toValue, type MaybeRefOrGetter } from 'vue';
import { isShortCode, normaliseShortCode } from '#shared/rules/events';
import type { LivePhoneRound } from '#shared/schemas/live-rounds';
import { ApiError } from '../../api/client';
import { answerLive, fetchLiveRound } from '../../api/events';
import { answerOf, emptyDraft, type DraftProblem, type LiveDraft } from '../../lib/events/liveAnswer';
import { answeredQuestions, liveToken, rememberAnswered } from '../../lib/events/liveToken';
import { useAsyncTask } from '../useAsyncTask';

/** What the phone view shows instead of a question. */
export type LiveGate = 'bad-code' | 'unknown' | 'closed' | 'not-open' | undefined;

/**
 * A phone in the room answering a live round by its short code, without signing in: the round's
 * questions one at a time, each answer sent with this browser's token for the code (one answer per
 * phone per question), and the questions answered remembered across reloads. A 409 "already
 * answered" counts as answered (the phone answered before, perhaps in another tab); a 409 "closed"
 * turns the page to the thank-you.
 */
export function useLivePhone(typed: MaybeRefOrGetter<string>) {
  const code = computed(() => normaliseShortCode(toValue(typed)));
  const round = shallowRef<LivePhoneRound | undefined>(undefined);
  const gate = ref<LiveGate>(undefined);
  const index = ref(0);
  const answered = ref(new Set<string>());
  const drafts = reactive(new Map<string, LiveDraft>());
  const problem = ref<DraftProblem | 'already' | ''>('');
  const sending = ref(false);
  const failure = shallowRef<unknown>(null);
  const { status, error, run } = useAsyncTask();

  const questions = computed(() => round.value?.questions ?? []);
  const current = computed(() => questions.value[index.value]);
  const done = computed(() => questions.value.length > 0 && questions.value.every((q) => answered.value.has(q.id)));
  const draftOf = (id: string) => drafts.get(id)!;

  const load = () =>
    run(async (signal) => {
      gate.value = undefined;
      if (!isShortCode(code.value)) {
        gate.value = 'bad-code';
        return;
      }
      try {
        const found = await fetchLiveRound(code.value, signal);
        round.value = found;
        if (found.state !== 'open') {
          gate.value = found.state === 'closed' ? 'closed' : 'not-open';
          return;
        }
        answered.value = answeredQuestions(code.value);
        for (const q of found.questions) if (!drafts.has(q.id)) drafts.set(q.id, emptyDraft(q));
        // A reload continues at the first question not yet answered.
        const next = found.questions.findIndex((q) => !answered.value.has(q.id));
        index.value = next === -1 ? Math.max(found.questions.length - 1, 0) : next;
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 400)) gate.value = 'unknown';
        else throw e;
      }
    });

  function markAnswered(questionId: string) {
    rememberAnswered(code.value, questionId);
    answered.value = new Set([...answered.value, questionId]);
  }

  /** Sends the current question's answer; true when it counts as answered (now or before). */
  async function send(): Promise<boolean> {
    const q = current.value;
    if (!q || sending.value) return false;
    problem.value = '';
    failure.value = null;
    const built = answerOf(q, draftOf(q.id));
    if ('problem' in built) {
      problem.value = built.problem;
      return false;
    }
    sending.value = true;
    try {
      await answerLive(code.value, { token: liveToken(code.value), questionId: q.id, answer: built.answer });
      markAnswered(q.id);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.slug === 'already-answered') {
        markAnswered(q.id);
        problem.value = 'already';
        return true;
      }
      if (e instanceof ApiError && e.slug === 'round-closed') {
        gate.value = 'closed';
        return false;
      }
      failure.value = e;
      return false;
    } finally {
      sending.value = false;
    }
  }

  const go = (to: number) => {
    problem.value = '';
    failure.value = null;
    index.value = Math.min(Math.max(to, 0), Math.max(questions.value.length - 1, 0));
  };

  return { code, round, gate, index, questions, current, answered, done, draftOf, problem, sending, failure, status, error, load, send, go };
}
