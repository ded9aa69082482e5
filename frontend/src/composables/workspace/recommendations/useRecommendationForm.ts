import '../../../modules/zod';
import { computed, reactive, ref, shallowRef } from 'vue';
import { recommendationInputSchema, type RecommendationInput } from '#shared/schemas/recommendations';
import { createRecommendation, getRecommendation, updateRecommendation, type Recommendation } from '../../../api/recommendationsWorkspace';
import { ApiError } from '../../../api/client';
import { apiErrorsByPath, isConflict, issuesByPath, type FieldErrors } from '../../../lib/consultationForm';
import { errorMessage } from '../../../lib/errorMessage';
import { PROCESS_QUERY } from '../../../lib/processChoice';
import { useConflictChoices } from '../../useConflictChoices';
import { useLeaveGuard } from '../../useLeaveGuard';
import { tr } from './i18n';

/** An idea the recommendation builds on, as the picker shows it. */
export interface PickedIdea {
  id: string;
  title: string;
  voteCount: number;
}

export interface RecommendationForm {
  title: string;
  rationale: string;
  /** Effect id → weight 0–3, as the radio groups hold it ('0'…'3'). */
  effects: Record<string, string>;
  ideas: PickedIdea[];
}

/** A problem with one chosen idea (`ideaIds.3`) shows at the picker, which is one field. */
const collapsed = (errors: FieldErrors): FieldErrors => {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) out[path.startsWith('ideaIds.') ? 'ideaIds' : path] ??= message;
  return out;
};

const emptyForm = (effectIds: readonly string[]): RecommendationForm => ({ title: '', rationale: '', effects: Object.fromEntries(effectIds.map((id) => [id, '0'])), ideas: [] });

function formOf(r: Recommendation, effectIds: readonly string[]): RecommendationForm {
  const effects = Object.fromEntries(effectIds.map((id) => [id, String(r.effects[id] ?? 0)]));
  // A weight on an effect the process has since retired stays, so saving never drops it unseen.
  for (const [id, w] of Object.entries(r.effects)) effects[id] ??= String(w);
  return { title: r.title, rationale: r.rationale, effects, ideas: r.ideas.map((i) => ({ id: i.id, title: i.title, voteCount: i.voteCount })) };
}

const inputOf = (f: RecommendationForm): RecommendationInput => ({
  title: f.title,
  rationale: f.rationale,
  effects: Object.fromEntries(Object.entries(f.effects).map(([id, w]) => [id, Number(w)])),
  ideaIds: f.ideas.map((i) => i.id),
});

/**
 * One recommendation's form (the committee), as the event form does it: checked with the shared
 * schema before anything is sent (problems at their fields and in the summary); a change carries the
 * `updatedAt` it started from, and on a conflict (409) the input stays while the committee member
 * looks at the latest and keeps theirs or takes it (ConsultConflict); the API's field errors go to
 * their fields; leaving with unsaved changes asks first.
 */
export function useRecommendationForm() {
  const form = reactive<RecommendationForm>(emptyForm([]));
  const recommendation = shallowRef<Recommendation>();
  const latest = shallowRef<Recommendation>();
  const errors = ref<FieldErrors>({});
  const focusKey = ref(0);
  const sending = ref(false);
  const conflict = ref(false);
  const failure = ref('');
  const done = ref('');
  const notFound = ref(false);
  let effectIds: readonly string[] = [];

  const asSent = () => JSON.stringify(inputOf(form));
  let savedJson = asSent();
  const dirty = () => asSent() !== savedJson;
  useLeaveGuard(dirty, () => tr('form.leave'), (to, from) => to.path !== from.path || to.query[PROCESS_QUERY] !== from.query[PROCESS_QUERY]);

  function take(r: Recommendation | undefined) {
    recommendation.value = r;
    Object.assign(form, r ? formOf(r, effectIds) : emptyForm(effectIds));
    savedJson = asSent();
    conflict.value = false;
    latest.value = undefined;
    errors.value = {};
  }

  /** A new recommendation (no id) starts with every effect at 0; an unknown id says so. */
  async function load(processId: string, ids: readonly string[], recommendationId: string | undefined, signal?: AbortSignal) {
    effectIds = ids;
    notFound.value = false;
    if (!recommendationId) return take(undefined);
    try {
      take(await getRecommendation(processId, recommendationId, signal));
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
      notFound.value = true;
      take(undefined);
    }
  }

  /** Another form on the page (status, lens, initiative) saved: its answer is the latest version. */
  function replaced(r: Recommendation) {
    const mine = dirty() ? (JSON.parse(JSON.stringify(form)) as RecommendationForm) : undefined;
    take(r);
    // Unsaved edits of the main form stay; the next save carries the new version.
    if (mine) Object.assign(form, mine);
  }

  async function send(processId: string): Promise<Recommendation | undefined> {
    if (sending.value) return undefined;
    failure.value = '';
    done.value = '';
    const current = recommendation.value;
    const parsed = recommendationInputSchema.safeParse(inputOf(form), { reportInput: true });
    if (!parsed.success) {
      errors.value = collapsed(issuesByPath(parsed.error.issues));
      focusKey.value++;
      return undefined;
    }
    errors.value = {};
    sending.value = true;
    try {
      const saved = current
        ? await updateRecommendation(processId, current.id, { ...parsed.data, expectedUpdatedAt: current.updatedAt })
        : await createRecommendation(processId, parsed.data);
      take(saved);
      done.value = tr(current ? 'form.saved' : 'form.created');
      return saved;
    } catch (error) {
      errors.value = collapsed(apiErrorsByPath(error));
      if (Object.keys(errors.value).length) focusKey.value++;
      if (isConflict(error)) conflict.value = true;
      else if (!Object.keys(errors.value).length) failure.value = errorMessage(error);
      return undefined;
    } finally {
      sending.value = false;
    }
  }

  const { seeLatest, keepMine, takeLatest } = useConflictChoices(
    { current: recommendation, latest, sending, conflict, failure, done },
    { fetchLatest: getRecommendation, send, take, tookMessage: () => tr('form.took') },
  );

  const summary = computed(() => Object.entries(errors.value));
  return { form, recommendation, latest, errors, summary, focusKey, sending, conflict, failure, done, notFound, dirty, take, load, replaced, send, seeLatest, keepMine, takeLatest };
}
