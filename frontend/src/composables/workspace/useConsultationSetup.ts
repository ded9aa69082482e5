import '../../modules/zod';
import { computed, reactive, ref, shallowRef } from 'vue';
import { consultationSetupSaveSchema } from '#shared/schemas/consultation';
import { ApiError } from '../../api/client';
import { fetchSetup, saveSetup, type ConsultationSetup } from '../../api/consultationWorkspace';
import { apiErrorsByPath, isConflict, issuesByPath, type FieldErrors } from '../../lib/consultationForm';
import { fromForm, toForm, type SetupForm } from '../../lib/consultationSetupForm';
import { tc } from '../../lib/consultationWorkspaceI18n';
import { errorMessage } from '../../lib/errorMessage';
import { PROCESS_QUERY } from '../../lib/processChoice';
import { useLeaveGuard } from '../useLeaveGuard';

/**
 * The consultation setup's state and its one save (admins), as the process form and the survey
 * builder do it:
 * 1. the form is checked with the shared schema before anything is sent; each problem shows at its
 *    field and in the summary;
 * 2. the save carries the `updatedAt` the edit started from; on a conflict (409) the admin's input
 *    stays: they look at the latest setup, then keep theirs (saved on top) or take the latest;
 * 3. the API's field errors go to their fields;
 * 4. leaving with unsaved changes (or choosing another process) asks first; closing the tab warns.
 */
export function useConsultationSetup() {
  const form = reactive<SetupForm>(toForm(undefined));
  const setup = shallowRef<ConsultationSetup>();
  const latest = shallowRef<ConsultationSetup>();
  const errors = ref<FieldErrors>({});
  const focusKey = ref(0);
  const sending = ref(false);
  const conflict = ref(false);
  const failure = ref('');
  const done = ref('');

  const asSent = () => JSON.stringify(fromForm(form));
  let savedJson = asSent();
  const dirty = () => asSent() !== savedJson;
  useLeaveGuard(dirty, () => tc('setup.leave'), (to, from) => to.path !== from.path || to.query[PROCESS_QUERY] !== from.query[PROCESS_QUERY]);

  function take(s: ConsultationSetup | undefined) {
    setup.value = s;
    Object.assign(form, toForm(s));
    savedJson = asSent();
    conflict.value = false;
    latest.value = undefined;
    errors.value = {};
  }

  /** A process without a setup yet (404) starts from an empty form. */
  async function load(processId: string, signal?: AbortSignal) {
    try {
      take(await fetchSetup(processId, signal));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) take(undefined);
      else throw error;
    }
  }

  async function save(processId: string) {
    if (sending.value) return;
    failure.value = '';
    done.value = '';
    const input = { ...fromForm(form), ...(setup.value ? { expectedUpdatedAt: setup.value.updatedAt } : {}) };
    const parsed = consultationSetupSaveSchema.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      errors.value = issuesByPath(parsed.error.issues);
      focusKey.value++;
      return;
    }
    errors.value = {};
    sending.value = true;
    try {
      take(await saveSetup(processId, parsed.data));
      done.value = tc('setup.saved');
    } catch (error) {
      errors.value = apiErrorsByPath(error);
      if (Object.keys(errors.value).length) focusKey.value++;
      if (isConflict(error)) {
        conflict.value = true;
        latest.value = undefined;
      } else if (!Object.keys(errors.value).length) failure.value = errorMessage(error);
    } finally {
      sending.value = false;
    }
  }

  async function seeLatest(processId: string) {
    if (sending.value) return;
    sending.value = true;
    try {
      latest.value = await fetchSetup(processId);
    } catch (error) {
      failure.value = errorMessage(error);
    } finally {
      sending.value = false;
    }
  }

  /** Keeps the admin's input and saves it over the latest setup they have seen. */
  async function keepMine(processId: string) {
    if (!latest.value) return;
    setup.value = latest.value;
    latest.value = undefined;
    conflict.value = false;
    await save(processId);
  }

  function takeLatest() {
    if (!latest.value) return;
    take(latest.value);
    done.value = tc('conflict.took');
  }

  const summary = computed(() => Object.entries(errors.value));
  return { form, setup, latest, errors, summary, focusKey, sending, conflict, failure, done, dirty, load, save, seeLatest, keepMine, takeLatest };
}
