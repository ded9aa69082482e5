import '../../../modules/zod';
import type * as z from 'zod';
import { computed, ref } from 'vue';
import { apiErrorsByPath, type FieldErrors } from '../../../lib/consultationForm';
import { errorMessage } from '../../../lib/errorMessage';
import { issueMessage } from '../../../lib/issueMessage';
import { ta } from './i18n';

/**
 * One assisted form's sending state, as the house's forms do it: the body is checked with the
 * shared schema before anything is sent (each problem at its field and in the summary), the API's
 * field errors (400) go to their fields too, any other refusal (409, 429) is said above the button,
 * and the form keeps what was typed whatever happened.
 */
export function messageOf(issue: z.core.$ZodIssue): string {
  return issue.path.at(-1) === 'consent' ? ta('consent.required') : issueMessage(issue);
}

export function useActForm() {
  const errors = ref<FieldErrors>({});
  const focusKey = ref(0);
  const sending = ref(false);
  const failure = ref('');

  function showIssues(issues: readonly z.core.$ZodIssue[], prefix = '') {
    const found: FieldErrors = {};
    for (const issue of issues) found[prefix + issue.path.join('.')] ??= messageOf(issue);
    errors.value = found;
    focusKey.value++;
  }

  /** Parses `body` with `schema` and sends it; undefined when it was refused (the errors say why). */
  async function submit<S extends z.ZodType, R>(schema: S, body: unknown, send: (parsed: z.output<S>) => Promise<R>): Promise<R | undefined> {
    if (sending.value) return undefined;
    failure.value = '';
    const parsed = schema.safeParse(body, { reportInput: true });
    if (!parsed.success) return void showIssues(parsed.error.issues);
    errors.value = {};
    sending.value = true;
    try {
      return await send(parsed.data);
    } catch (error) {
      fail(error);
      return undefined;
    } finally {
      sending.value = false;
    }
  }

  function fail(error: unknown) {
    errors.value = apiErrorsByPath(error);
    if (Object.keys(errors.value).length) focusKey.value++;
    else failure.value = errorMessage(error);
  }

  const summary = computed(() => Object.entries(errors.value));
  return { errors, focusKey, sending, failure, summary, submit, fail, showIssues };
}
