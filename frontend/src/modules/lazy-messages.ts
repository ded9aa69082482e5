import { watch } from 'vue';
import { currentLocale, i18n, type Locale } from './i18n';

/**
 * Messages that load with the pages that use them, not with the first visit (whose budget is
 * tight): the workspace's, the survey's and the consultation's pages keep theirs in
 * `locales/<module>/{da,en}.ts`. When such a chunk loads, its messages are merged into the messages (modules/i18n.ts)
 * under their namespace for Danish (the fallback) and the reader's language, once those are loaded,
 * and again whenever the language changes ('sync': in the same tick, before anything renders in
 * the new language). `setLocale` never replaces a loaded language's messages, so a merge is never lost.
 */
export type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export interface LazyMessages<M> {
  /** A message in the reader's language; a number picks the plural form like `t`. */
  t: (key: Leaves<M>, values?: Record<string, string | number> | number) => string;
  /** Idempotent: merges into Danish and the reader's language now. */
  install: () => void;
}

export function lazyMessages<M>(namespace: string, messages: Record<Locale, M>): LazyMessages<M> {
  const composer = i18n.global;
  const mergeInto = (locale: Locale): void => {
    if (!composer.availableLocales.includes(locale)) return;
    if ((composer.getLocaleMessage(locale) as Record<string, unknown>)[namespace]) return;
    composer.mergeLocaleMessage(locale, { [namespace]: messages[locale] } as never);
  };
  const install = () => {
    mergeInto('da');
    mergeInto(currentLocale.value);
  };
  watch([currentLocale, () => composer.availableLocales.join()], install, { flush: 'sync', immediate: true });
  const t = (key: Leaves<M>, values?: Record<string, string | number> | number): string => {
    const full = `${namespace}.${key}`;
    if (typeof values === 'number') return composer.t(full, { n: values, count: values }, values);
    return values ? composer.t(full, values) : composer.t(full);
  };
  return { t, install };
}
