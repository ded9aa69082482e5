import { computed, reactive, ref } from 'vue';

/**
 * Field errors of one form and the error summary built from them. `show` replaces the errors and
 * bumps `focusKey`, which makes the summary take focus (and be announced).
 */
export function useFormErrors<F extends string>(labels: () => Record<F, string>) {
  const errors = reactive<Partial<Record<F, string>>>({}) as Partial<Record<F, string>>;
  const focusKey = ref(0);

  function show(next: Partial<Record<F, string>>, fieldIds: Partial<Record<F, string>> = {}) {
    for (const key of Object.keys(errors) as F[]) delete errors[key];
    Object.assign(errors, next);
    ids.value = fieldIds;
    if (Object.keys(next).length) focusKey.value++;
    return Object.keys(next).length === 0;
  }
  const ids = ref<Partial<Record<F, string>>>({});

  const summary = computed(() =>
    (Object.entries(errors) as [F, string | undefined][])
      .filter((entry): entry is [F, string] => Boolean(entry[1]))
      .map(([field, message]) => ({ field: (ids.value as Partial<Record<F, string>>)[field] ?? field, label: labels()[field], message })),
  );

  return { errors, show, summary, focusKey };
}
