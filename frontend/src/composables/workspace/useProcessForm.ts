import '../../modules/zod';
import { computed, inject, provide, reactive, ref, type InjectionKey } from 'vue';
import { phaseProblems, retentionProblem } from '#shared/rules/phases';
import { processDefinitionSchema, type Process, type ProcessDefinition, type ProcessUpdate } from '#shared/schemas/process';
import { ApiError } from '../../api/client';
import { createProcess, fetchProcess, updateProcess } from '../../api/workspace';
import { errorMessage } from '../../lib/errorMessage';
import { changedFields, fromDraft, phaseOf, toDraft, type DefinitionField, type ProcessDraft } from '../../lib/processDraft';
import { fieldId, fieldLabel, phaseProblemText, processIssueMessage } from '../../lib/processFields';
import { tw } from '../../lib/workspaceI18n';
import { useLeaveGuard } from '../useLeaveGuard';
import { formPaths, resolvePath } from './processFormPaths';
import { rememberProcess } from './useWorkspaceProcesses';

/**
 * The process form's state and its one submit, for creating a process or editing one:
 * 1. the phases and the retention date are checked as they are typed, with the rules the server
 *    uses (`phaseProblems`, `retentionProblem`);
 * 2. on submit, the whole definition is checked with the shared schema; what fails is shown at
 *    its field and in the summary above the form, and nothing is sent;
 * 3. a new process is sent whole; an edit sends the fields that changed, with the `updatedAt` it
 *    started from, so a save never overwrites what someone else saved in the meantime;
 * 4. the API's field errors (an id that is taken, an area ideas still use) go to their fields;
 *    a conflict keeps every input and offers the latest version with the admin's changes on top.
 * The form's parts read the draft and the errors from the context this provides.
 */
export type FormMode = 'create' | 'edit';
export interface ProcessFormContext {
  draft: ProcessDraft;
  mode: FormMode;
  errorOf(path: string): string | undefined;
}
const contextKey: InjectionKey<ProcessFormContext> = Symbol('process-form');

export function useProcessFormContext(): ProcessFormContext {
  const context = inject(contextKey);
  if (!context) throw new Error('A part of the process form is used outside the form');
  return context;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function useProcessForm(options: { mode: FormMode; draft: ProcessDraft; process?: Process; onSaved: (process: Process) => void }) {
  const { mode } = options;
  const draft = reactive(options.draft) as ProcessDraft;
  let base = options.process;
  // What the form started from: an edit compares against it, and leaving asks only when they differ.
  let baseDraft = clone(options.draft);

  const submitted = reactive<Record<string, string>>({});
  const live = computed(() => {
    const found: Record<string, string> = {};
    const phases = draft.phases.map(phaseOf);
    for (const p of phaseProblems(phases)) found[`phases.${p.index}.${p.field}`] ??= phaseProblemText(p.message);
    const until = fromDraft(draft).settings as { personalDataUntil: string };
    const retention = Number.isNaN(Date.parse(until.personalDataUntil)) ? undefined : retentionProblem(phases, until.personalDataUntil);
    if (retention) found['settings.personalDataUntil'] = phaseProblemText(retention);
    return found;
  });
  const errorOf = (path: string) => live.value[path] ?? submitted[path];
  const attempted = ref(false);
  const focusKey = ref(0);
  const summary = computed(() =>
    attempted.value ? Object.entries({ ...submitted, ...live.value }).map(([path, message]) => ({ field: fieldId(path), label: fieldLabel(path), message })) : [],
  );
  const sending = ref(false);
  const failure = ref('');
  const conflict = ref(false);
  const done = ref('');

  function showErrors(found: Record<string, string>) {
    for (const key of Object.keys(submitted)) delete submitted[key];
    Object.assign(submitted, found);
  }

  /** Sorts messages into those a field shows and those only the form as a whole can. */
  function place(items: { path: string; message: string }[]) {
    const known = formPaths(draft, mode);
    const fields: Record<string, string> = {};
    const rest: string[] = [];
    for (const { path, message } of items) {
      const at = resolvePath(path, known);
      if (at) fields[at] ??= message;
      else rest.push(message);
    }
    return { fields, rest };
  }

  function saved(process: Process) {
    base = process;
    Object.assign(draft, toDraft(process));
    baseDraft = clone(draft);
    conflict.value = false;
    rememberProcess(process);
    options.onSaved(process);
  }

  function failed(error: unknown) {
    const problem = error instanceof ApiError ? error.problem : undefined;
    // Someone saved since this edit began: the API marks the version the edit was made on.
    const isVersion = (e: { path: string }) => /(^|\.)expectedUpdatedAt$/.test(e.path);
    const stale = mode === 'edit' && problem?.status === 409 && (!problem.errors?.length || problem.errors.some(isVersion));
    const { fields, rest } = place((problem?.errors ?? []).filter((e) => !isVersion(e)));
    showErrors(fields);
    if (Object.keys(fields).length) focusKey.value++;
    if (stale) {
      conflict.value = true;
      failure.value = tw('processes.conflict');
    } else {
      failure.value = rest.length || !Object.keys(fields).length ? [errorMessage(error), ...rest].join(' ') : '';
    }
  }

  async function submit() {
    if (sending.value) return;
    failure.value = '';
    done.value = '';
    attempted.value = true;
    const input = fromDraft(draft);
    if (base) input.id = base.id;
    // With the input in each issue, so an empty field is "required" rather than "at least 2 characters".
    const parsed = processDefinitionSchema.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      // The phase and retention rules' findings are shown as they are typed (`live`), with the same words. A new
      // area's id comes from its name: the name's own issue, if any, is the one its field shows.
      const fromName = (i: { path: PropertyKey[] }) => (i.path.at(-1) === 'id' && i.path.length === 3 ? 1 : 0);
      const ruled = (i: { code: string; path: PropertyKey[] }) => i.code === 'custom' && (i.path[0] === 'phases' || i.path.join('.') === 'settings.personalDataUntil');
      const issues = parsed.error.issues.filter((i) => !ruled(i)).sort((a, b) => fromName(a) - fromName(b));
      const { fields, rest } = place(issues.map((i) => ({ path: i.path.join('.'), message: processIssueMessage(i) })));
      showErrors(fields);
      failure.value = rest.join(' ');
      focusKey.value++;
      return;
    }
    showErrors({});
    const changed = base ? changedFields(baseDraft, draft) : [];
    if (base && changed.length === 0) {
      done.value = tw('processes.noChanges');
      return;
    }
    sending.value = true;
    try {
      saved(base ? await updateProcess(base.id, updateOf(base, parsed.data, changed)) : await createProcess(parsed.data));
      done.value = tw(mode === 'create' ? 'processes.created' : 'processes.saved', { title: draft.title.da });
    } catch (error) {
      failed(error);
    } finally {
      sending.value = false;
    }
  }

  /**
   * Takes a newer stored version as the one edited: its fields, except those the admin has changed,
   * which stay as they typed them. Returns the fields kept.
   */
  function rebase(latest: Process): DefinitionField[] {
    if (base && latest.updatedAt === base.updatedAt) return [];
    const mine = changedFields(baseDraft, draft);
    const kept = Object.fromEntries(mine.map((f) => [f, draft[f]]));
    Object.assign(draft, toDraft(latest), kept);
    base = latest;
    baseDraft = clone(toDraft(latest));
    return mine;
  }

  /** After a conflict: the latest version, with the admin's changes on top. */
  async function reloadKeepingChanges() {
    if (!base || sending.value) return;
    sending.value = true;
    try {
      const mine = rebase(await fetchProcess(base.id));
      conflict.value = false;
      failure.value = '';
      done.value = mine.length ? tw('processes.reloaded', { fields: mine.map((f) => fieldLabel(f)).join(', ') }) : tw('processes.reloadedNone');
    } catch (error) {
      failure.value = errorMessage(error);
    } finally {
      sending.value = false;
    }
  }

  // Unsaved input is not lost by a click elsewhere: leaving the page (or going to another process's
  // page, after a copy) asks first, and so does closing the tab.
  const dirty = () => JSON.stringify(fromDraft(draft)) !== JSON.stringify(fromDraft(baseDraft));
  useLeaveGuard(dirty, () => tw('processes.leave'));

  provide(contextKey, { draft, mode, errorOf });
  return {
    draft,
    errorOf,
    summary,
    focusKey,
    failure,
    conflict,
    done,
    sending,
    submit,
    rebase,
    reloadKeepingChanges,
  };
}

/** An update of the fields that changed, from the checked definition, with the version it was made on. */
function updateOf(base: Process, definition: ProcessDefinition, fields: DefinitionField[]): ProcessUpdate {
  const update: ProcessUpdate = { expectedUpdatedAt: base.updatedAt };
  // A field left out of the definition is one the admin emptied (the plain intro): null removes it.
  for (const field of fields) Object.assign(update, { [field]: definition[field] ?? null });
  return update;
}
