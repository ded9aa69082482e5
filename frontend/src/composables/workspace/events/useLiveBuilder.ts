import '../../../modules/zod';
import { computed, reactive, ref, shallowRef } from 'vue';
import { liveRoundDefinitionSchema } from '#shared/schemas/live-rounds';
import { createLiveRound, liveRounds, saveLiveRound, setLiveRoundState, type LiveRound } from '../../../api/eventsWorkspace';
import { apiErrorsByPath, isConflict, issuesByPath, type FieldErrors } from '../../../lib/consultationForm';
import { formPath } from '../../../lib/events-workspace/liveLabels';
import { errorMessage } from '../../../lib/errorMessage';
import { te } from '../../../lib/events-workspace/i18n';
import { emptyRoundForm, roundFromForm, roundToForm, type RoundForm } from '../../../lib/events-workspace/liveBuilder';
import { useLeaveGuard } from '../../useLeaveGuard';

/**
 * An event's live rounds and the builder of one draft (admins and moderators):
 * 1. the rounds are listed with their state; one draft (or a new round) is in the builder at a time;
 * 2. the builder is checked with the shared schema before anything is sent, each problem at its field;
 * 3. a save carries the `updatedAt` it started from; on a conflict (409) the input stays and the
 *    organiser is told to reload;
 * 4. opening and closing are their own calls (closing is asked first by the page);
 * 5. leaving with unsaved changes asks first.
 */
const byFormPath = (found: FieldErrors): FieldErrors => {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(found)) out[formPath(path)] ??= message;
  return out;
};

export function useLiveBuilder() {
  const rounds = shallowRef<LiveRound[]>([]);
  const editing = ref<string | 'new' | undefined>();
  const form = reactive<RoundForm>(emptyRoundForm());
  const errors = ref<FieldErrors>({});
  const focusKey = ref(0);
  const sending = ref(false);
  const conflict = ref(false);
  const failure = ref('');
  const done = ref('');

  const asSent = () => JSON.stringify(roundFromForm(form));
  let savedJson = asSent();
  const dirty = () => editing.value !== undefined && asSent() !== savedJson;
  useLeaveGuard(dirty, () => te('live.leave'));

  function edit(round: LiveRound | 'new' | undefined) {
    editing.value = round === 'new' ? 'new' : round?.id;
    Object.assign(form, round && round !== 'new' ? roundToForm(round) : emptyRoundForm());
    savedJson = asSent();
    errors.value = {};
    conflict.value = false;
  }

  async function load(processId: string, eventId: string, signal?: AbortSignal) {
    rounds.value = (await liveRounds(processId, eventId, signal)).items;
  }

  const replace = (round: LiveRound) => {
    rounds.value = rounds.value.some((r) => r.id === round.id) ? rounds.value.map((r) => (r.id === round.id ? round : r)) : [...rounds.value, round];
  };

  async function save(processId: string, eventId: string): Promise<LiveRound | undefined> {
    if (sending.value || !editing.value) return undefined;
    failure.value = '';
    done.value = '';
    const parsed = liveRoundDefinitionSchema.safeParse(roundFromForm(form), { reportInput: true });
    if (!parsed.success) {
      errors.value = byFormPath(issuesByPath(parsed.error.issues));
      focusKey.value++;
      return undefined;
    }
    errors.value = {};
    sending.value = true;
    const current = rounds.value.find((r) => r.id === editing.value);
    try {
      const saved = current
        ? await saveLiveRound(processId, eventId, current.id, parsed.data, current.updatedAt)
        : await createLiveRound(processId, eventId, parsed.data);
      replace(saved);
      edit(undefined);
      done.value = te(current ? 'live.saved' : 'live.created');
      return saved;
    } catch (error) {
      errors.value = byFormPath(apiErrorsByPath(error));
      if (Object.keys(errors.value).length) focusKey.value++;
      if (isConflict(error)) conflict.value = true;
      else if (!Object.keys(errors.value).length) failure.value = errorMessage(error);
      return undefined;
    } finally {
      sending.value = false;
    }
  }

  async function setState(processId: string, eventId: string, round: LiveRound, state: 'open' | 'closed') {
    if (sending.value) return;
    failure.value = '';
    done.value = '';
    sending.value = true;
    try {
      const saved = await setLiveRoundState(processId, eventId, round.id, state);
      replace(saved);
      done.value = state === 'open' ? te('live.opened', { code: saved.code ?? '' }) : te('live.closed');
    } catch (error) {
      failure.value = errorMessage(error);
    } finally {
      sending.value = false;
    }
  }

  const summary = computed(() => Object.entries(errors.value));
  return { rounds, editing, form, errors, summary, focusKey, sending, conflict, failure, done, dirty, edit, load, save, setState };
}
