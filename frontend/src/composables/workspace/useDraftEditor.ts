import '../../modules/zod';
import { reactive, ref, shallowRef } from 'vue';
import { draftSaveSchema, type Version } from '#shared/schemas/consultation';
import { ApiError } from '../../api/client';
import { fetchDocument, fetchDraft, fetchSetup, saveDraft, type ConsultationSetup, type Draft } from '../../api/consultationWorkspace';
import { apiErrorsByPath, isConflict, issuesByPath, type FieldErrors } from '../../lib/consultationForm';
import { fromForm, paragraphNos, toForm, type DraftForm } from '../../lib/consultationDraftForm';
import { tc } from '../../lib/consultationWorkspaceI18n';
import { errorMessage } from '../../lib/errorMessage';
import { PROCESS_QUERY } from '../../lib/processChoice';
import { useLeaveGuard } from '../useLeaveGuard';

/**
 * The draft editor's state (admins):
 * 1. loads the draft, every published version (a new paragraph's number must be one no version has
 *    used, and the latest is what changes are measured against) and the process's reference list;
 * 2. the save is checked with the shared schema first, carries the `updatedAt` the edit started
 *    from, and on a conflict (409) keeps the draft in the form until the admin has seen the latest
 *    and chosen; the API's field errors go to their fields;
 * 3. leaving with unsaved changes (or choosing another process) asks first; closing the tab warns.
 */
export function useDraftEditor() {
  const form = reactive<DraftForm>(toForm(undefined));
  const draft = shallowRef<Draft>();
  const latest = shallowRef<Draft>();
  /** The published versions, newest last. */
  const versions = shallowRef<Version[]>([]);
  const references = shallowRef<ConsultationSetup['references']>();
  const errors = ref<FieldErrors>({});
  const focusKey = ref(0);
  const sending = ref(false);
  const conflict = ref(false);
  const failure = ref('');
  const done = ref('');

  const asSent = () => JSON.stringify(fromForm(form));
  let savedJson = asSent();
  const dirty = () => asSent() !== savedJson;
  useLeaveGuard(dirty, () => tc('editor.leave'), (to, from) => to.path !== from.path || to.query[PROCESS_QUERY] !== from.query[PROCESS_QUERY]);

  function take(d: Draft) {
    draft.value = d;
    Object.assign(form, toForm(d));
    savedJson = asSent();
    conflict.value = false;
    latest.value = undefined;
    errors.value = {};
  }

  const notFound = (error: unknown) => error instanceof ApiError && error.status === 404;

  async function loadVersions(processId: string, documentId: string, signal?: AbortSignal) {
    let newest;
    try {
      newest = await fetchDocument(processId, documentId, undefined, signal);
    } catch (error) {
      if (notFound(error)) return (versions.value = []);
      throw error;
    }
    const older = await Promise.all(newest.versions.filter((v) => v.version !== newest.version.version).map((v) => fetchDocument(processId, documentId, v.version, signal)));
    versions.value = [...older.map((o) => o.version), newest.version].sort((a, b) => a.version - b.version);
  }

  async function load(processId: string, documentId: string, signal?: AbortSignal) {
    const [d, setup] = await Promise.all([
      fetchDraft(processId, documentId, signal),
      fetchSetup(processId, signal).catch((error: unknown) => (notFound(error) ? undefined : Promise.reject(error))),
      loadVersions(processId, documentId, signal),
    ]);
    references.value = setup?.references;
    take(d);
  }

  /** Every paragraph number a published version has used. */
  const publishedNos = () => versions.value.flatMap((v) => paragraphNos(v.blocks));

  async function save(processId: string, documentId: string) {
    if (sending.value) return;
    failure.value = '';
    done.value = '';
    const input = { ...fromForm(form), ...(draft.value ? { expectedUpdatedAt: draft.value.updatedAt } : {}) };
    const parsed = draftSaveSchema.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      errors.value = issuesByPath(parsed.error.issues);
      focusKey.value++;
      return;
    }
    errors.value = {};
    sending.value = true;
    try {
      take(await saveDraft(processId, documentId, parsed.data));
      done.value = tc('editor.saved');
    } catch (error) {
      errors.value = apiErrorsByPath(error);
      if (Object.keys(errors.value).length) focusKey.value++;
      if (isConflict(error)) conflict.value = true;
      else if (!Object.keys(errors.value).length) failure.value = errorMessage(error);
    } finally {
      sending.value = false;
    }
  }

  async function seeLatest(processId: string, documentId: string) {
    if (sending.value) return;
    sending.value = true;
    try {
      latest.value = await fetchDraft(processId, documentId);
    } catch (error) {
      failure.value = errorMessage(error);
    } finally {
      sending.value = false;
    }
  }

  async function keepMine(processId: string, documentId: string) {
    if (!latest.value) return;
    draft.value = latest.value;
    latest.value = undefined;
    conflict.value = false;
    await save(processId, documentId);
  }

  function takeLatest() {
    if (!latest.value) return;
    take(latest.value);
    done.value = tc('conflict.took');
  }

  return { form, draft, latest, versions, references, errors, focusKey, sending, conflict, failure, done, dirty, load, loadVersions, publishedNos, save, seeLatest, keepMine, takeLatest };
}
