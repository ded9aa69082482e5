import '../../modules/zod';
import { computed, inject, provide, reactive, ref, shallowRef, type ComputedRef, type InjectionKey } from 'vue';
import { surveySaveSchema } from '#shared/schemas/survey';
import { ApiError } from '../../api/client';
import { fetchSurvey, saveSurvey, type Survey } from '../../api/surveyWorkspace';
import { errorMessage } from '../../lib/errorMessage';
import { processIssueMessage } from '../../lib/processFields';
import { emptyDraft, fieldId, fromDraft, toDraft, type SurveyDraft } from '../../lib/surveyBuilder';
import { PROCESS_QUERY } from '../../lib/processChoice';
import { tw } from '../../lib/workspaceI18n';
import { useLeaveGuard } from '../useLeaveGuard';

/**
 * The survey builder's state and its one save:
 * 1. the draft is checked with the shared schema before anything is sent; each problem shows at its
 *    field and in the summary, and nothing is sent;
 * 2. the save carries the `updatedAt` the edit started from, so it never overwrites someone else's;
 *    on a conflict the admin's draft stays as it is: they may look at the latest version, then keep
 *    their own (saved on top of the latest) or take the latest instead, never without choosing;
 * 3. the API's field errors go to their fields;
 * 4. after the first answer the structure is locked (`locked`): only texts can be corrected;
 * 5. while the draft differs from what was saved, leaving the page (or choosing another process)
 *    asks first, and closing the tab gets the browser's warning.
 */
export interface SurveyBuilderContext {
  errorOf(path: string): string | undefined;
  locked: ComputedRef<boolean>;
  /** Says a change (a part removed) to screen-reader users, in the form's status line. */
  announce(message: string): void;
}
const contextKey: InjectionKey<SurveyBuilderContext> = Symbol('survey-builder');

export function useSurveyBuilderContext(): SurveyBuilderContext {
  const context = inject(contextKey);
  if (!context) throw new Error('A part of the survey builder is used outside it');
  return context;
}

const fieldWords: Record<string, () => string> = {
  title: () => tw('survey.builder.sectionTitle'),
  intro: () => tw('survey.builder.sectionIntro'),
  text: () => tw('survey.builder.questionText'),
  help: () => tw('survey.builder.help'),
  options: () => tw('survey.builder.options'),
  maxChoices: () => tw('survey.builder.maxChoices'),
  lowLabel: () => tw('survey.builder.lowLabel'),
  highLabel: () => tw('survey.builder.highLabel'),
  maxLength: () => tw('survey.builder.maxLength', { n: '' }).replace(/\s*\(.*\)$/, ''),
  questions: () => tw('survey.builder.addQuestion'),
};

/** Where an error is, in words for the summary: "Afsnit 1, spørgsmål 2, Svarmulighed 1 (dansk)". */
export function pathLabel(path: string): string {
  const parts = path.split('.');
  const words: string[] = [];
  let lang = '';
  if (parts[0] === 'title') words.push(tw('survey.builder.surveyTitle'));
  else if (parts[0] === 'intro') words.push(tw('survey.builder.surveyIntro'));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = Number(parts[i + 1]);
    if (part === 'sections' && Number.isInteger(next)) words.push(tw('survey.builder.sectionNumber', { n: next + 1 }));
    else if (part === 'questions' && Number.isInteger(next)) words.push(tw('survey.builder.questionText') + ` ${next + 1}`);
    else if (part === 'options' && Number.isInteger(next)) words.push(tw('survey.builder.option', { n: next + 1 }));
    else if (part === 'da' || part === 'en') lang = tw(`survey.builder.lang.${part}`);
    else if (i > 0 && !Number.isInteger(Number(part)) && fieldWords[part] && !(part === 'label')) words.push(fieldWords[part]());
    if (Number.isInteger(next) && ['sections', 'questions', 'options'].includes(part)) i++;
  }
  return `${words.join(', ')}${lang ? ` (${lang})` : ''}`;
}

export function useSurveyBuilder() {
  const draft = reactive<SurveyDraft>(emptyDraft());
  const survey = shallowRef<Survey>();
  const errors = reactive<Record<string, string>>({});
  const sending = ref(false);
  const failure = ref('');
  const conflict = ref(false);
  const done = ref('');
  const focusKey = ref(0);
  /** The version stored now, read after a conflict for the admin to see before choosing. */
  const latest = shallowRef<Survey>();
  const locked = computed(() => Boolean(survey.value?.firstAnswerAt));
  const errorOf = (path: string) => errors[path];
  const summary = computed(() => Object.entries(errors).map(([path, message]) => ({ field: fieldId(path), label: pathLabel(path), message })));
  provide(contextKey, { errorOf, locked, announce: (message) => (done.value = message) });

  // What the draft was when last loaded or saved, as the API would get it: the guard compares with it.
  const asSent = (d: SurveyDraft) => JSON.stringify(fromDraft(d));
  let savedJson = asSent(draft);
  const dirty = () => asSent(draft) !== savedJson;
  useLeaveGuard(dirty, () => tw('survey.builder.leave'), (to, from) => to.path !== from.path || to.query[PROCESS_QUERY] !== from.query[PROCESS_QUERY]);

  function showErrors(found: Record<string, string>) {
    for (const key of Object.keys(errors)) delete errors[key];
    Object.assign(errors, found);
  }

  function take(s: Survey | undefined) {
    survey.value = s;
    Object.assign(draft, s ? toDraft(s) : emptyDraft());
    savedJson = asSent(draft);
    conflict.value = false;
    latest.value = undefined;
  }

  /** Loads the process's survey; a process without one starts from an empty draft. */
  async function load(processId: string, signal?: AbortSignal) {
    try {
      take(await fetchSurvey(processId, signal));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) take(undefined);
      else throw error;
    }
  }

  async function save(processId: string) {
    if (sending.value) return;
    failure.value = '';
    done.value = '';
    const input = { ...fromDraft(draft), ...(survey.value ? { expectedUpdatedAt: survey.value.updatedAt } : {}) };
    const parsed = surveySaveSchema.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[issue.path.join('.')] ??= processIssueMessage(issue);
      showErrors(found);
      focusKey.value++;
      return;
    }
    showErrors({});
    sending.value = true;
    try {
      take(await saveSurvey(processId, parsed.data));
      done.value = tw('survey.builder.saved');
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      const isVersion = (e: { path: string }) => /(^|\.)expectedUpdatedAt$/.test(e.path);
      const found: Record<string, string> = {};
      for (const e of (problem?.errors ?? []).filter((e) => !isVersion(e))) found[e.path.replace(/^body\./, '')] ??= e.message;
      showErrors(found);
      if (Object.keys(found).length) focusKey.value++;
      if (problem?.status === 409 && (!problem.errors?.length || problem.errors.some(isVersion))) {
        conflict.value = true;
        latest.value = undefined;
        failure.value = tw('survey.builder.conflict');
      } else if (!Object.keys(found).length) failure.value = errorMessage(error);
    } finally {
      sending.value = false;
    }
  }

  /** After a conflict: reads the stored version for the admin to see; the draft is left as it is. */
  async function seeLatest(processId: string) {
    if (sending.value) return;
    sending.value = true;
    try {
      latest.value = await fetchSurvey(processId);
    } catch (error) {
      failure.value = `${tw('survey.builder.conflict')} ${errorMessage(error)}`;
    } finally {
      sending.value = false;
    }
  }

  /** Keeps the admin's draft and saves it over the latest version they have seen. */
  async function keepMine(processId: string) {
    if (!latest.value) return;
    survey.value = latest.value;
    latest.value = undefined;
    conflict.value = false;
    await save(processId);
  }

  /** Drops the admin's draft for the latest version (they have confirmed it). */
  function takeLatest() {
    if (!latest.value) return;
    take(latest.value);
    failure.value = '';
    done.value = tw('survey.builder.tookLatest');
  }

  return { draft, survey, latest, locked, errorOf, summary, sending, failure, conflict, done, focusKey, dirty, load, save, seeLatest, keepMine, takeLatest };
}
