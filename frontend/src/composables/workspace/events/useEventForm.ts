import '../../../modules/zod';
import { computed, reactive, ref, shallowRef } from 'vue';
import { eventCreateSchema, eventUpdateSchema } from '#shared/schemas/events';
import { createEvent, updateEvent, workspaceEvents, type EventAdmin } from '../../../api/eventsWorkspace';
import { apiErrorsByPath, isConflict, issuesByPath, type FieldErrors } from '../../../lib/consultationForm';
import { errorMessage } from '../../../lib/errorMessage';
import { emptyEventForm, eventFromForm, eventToForm, type EventForm } from '../../../lib/events-workspace/eventForm';
import { te } from '../../../lib/events-workspace/i18n';
import { PROCESS_QUERY } from '../../../lib/processChoice';
import { useConflictChoices } from '../../useConflictChoices';
import { useLeaveGuard } from '../../useLeaveGuard';

/**
 * One event's form (admins), as the consultation setup does it:
 * 1. the form is checked with the shared schema before anything is sent; each problem shows at its
 *    field and in the summary;
 * 2. a change carries the `updatedAt` it started from; on a conflict (409) the admin's input stays:
 *    they look at the latest event, then keep theirs (saved on top) or take the latest;
 * 3. the API's field errors go to their fields;
 * 4. leaving with unsaved changes asks first; closing the tab warns.
 * Cancelling is a change like any other, with `cancelled: true` and the saved definition.
 */
export function useEventForm() {
  const form = reactive<EventForm>(emptyEventForm());
  const event = shallowRef<EventAdmin>();
  const latest = shallowRef<EventAdmin>();
  const errors = ref<FieldErrors>({});
  const focusKey = ref(0);
  const sending = ref(false);
  const conflict = ref(false);
  const failure = ref('');
  const done = ref('');
  const notFound = ref(false);

  const asSent = () => JSON.stringify({ id: form.id, ...eventFromForm(form) });
  let savedJson = asSent();
  const dirty = () => asSent() !== savedJson;
  useLeaveGuard(dirty, () => te('form.leave'), (to, from) => to.path !== from.path || to.query[PROCESS_QUERY] !== from.query[PROCESS_QUERY]);

  function take(e: EventAdmin | undefined) {
    event.value = e;
    Object.assign(form, e ? eventToForm(e) : emptyEventForm());
    savedJson = asSent();
    conflict.value = false;
    latest.value = undefined;
    errors.value = {};
  }

  const find = async (processId: string, eventId: string, signal?: AbortSignal) =>
    (await workspaceEvents(processId, signal)).items.find((e) => e.id === eventId);

  /** A new event (no id) starts empty; an id not in the process says so. */
  async function load(processId: string, eventId: string | undefined, signal?: AbortSignal) {
    notFound.value = false;
    if (!eventId) return take(undefined);
    const found = await find(processId, eventId, signal);
    notFound.value = !found;
    take(found);
  }

  function showIssues(issues: Parameters<typeof issuesByPath>[0]) {
    errors.value = issuesByPath(issues);
    focusKey.value++;
  }

  async function send(processId: string, cancel = false): Promise<EventAdmin | undefined> {
    if (sending.value) return undefined;
    failure.value = '';
    done.value = '';
    const current = event.value;
    const body = current ? { ...eventFromForm(cancel ? eventToForm(current) : form), expectedUpdatedAt: current.updatedAt, ...(cancel ? { cancelled: true as const } : {}) } : { id: form.id.trim(), ...eventFromForm(form) };
    const parsed = current ? eventUpdateSchema.safeParse(body, { reportInput: true }) : eventCreateSchema.safeParse(body, { reportInput: true });
    if (!parsed.success) return void showIssues(parsed.error.issues);
    errors.value = {};
    sending.value = true;
    try {
      const saved = current
        ? await updateEvent(processId, current.id, parsed.data as Parameters<typeof updateEvent>[2])
        : await createEvent(processId, parsed.data as Parameters<typeof createEvent>[1]);
      take(saved);
      done.value = te(current ? 'form.saved' : 'form.created');
      return saved;
    } catch (error) {
      errors.value = apiErrorsByPath(error);
      if (Object.keys(errors.value).length) focusKey.value++;
      if (isConflict(error)) {
        conflict.value = true;
        latest.value = undefined;
      } else if (!Object.keys(errors.value).length) failure.value = errorMessage(error);
      return undefined;
    } finally {
      sending.value = false;
    }
  }

  const { seeLatest, keepMine, takeLatest } = useConflictChoices(
    { current: event, latest, sending, conflict, failure, done },
    { fetchLatest: (processId, id) => find(processId, id), send, take, tookMessage: () => te('conflict.took') },
  );

  const summary = computed(() => Object.entries(errors.value));
  return { form, event, latest, errors, summary, focusKey, sending, conflict, failure, done, notFound, dirty, load, send, seeLatest, keepMine, takeLatest };
}
