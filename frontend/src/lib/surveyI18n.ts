import { watch } from 'vue';
import da from '../locales/survey/da';
import en from '../locales/survey/en';
import { currentLocale, d, i18n, localized, type Locale } from '../modules/i18n';

/**
 * The survey pages' messages live in their own files (`locales/survey/{da,en}.ts`), so a first visit
 * elsewhere never downloads them (the first-visit budget is tight). When this chunk loads they are
 * merged into vue-i18n under `surveyPages.` for Danish and the reader's language, and again after a
 * language switch, as the workspace does with its own (lib/workspaceI18n.ts).
 */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type SurveyKey = Leaves<typeof da>;

const messages: Record<Locale, typeof da> = { da, en };
const composer = i18n.global;

function mergeInto(locale: Locale): void {
  if (!composer.availableLocales.includes(locale)) return;
  if ((composer.getLocaleMessage(locale) as { surveyPages?: unknown }).surveyPages) return;
  composer.mergeLocaleMessage(locale, { surveyPages: messages[locale] } as never);
}

// Now, and whenever the language or the set of loaded languages changes ('sync': before the new language renders).
watch([currentLocale, () => composer.availableLocales.join()], () => (mergeInto('da'), mergeInto(currentLocale.value)), { flush: 'sync', immediate: true });

/** A survey message in the reader's language; a number picks the plural form like `t`. */
export function ts(key: SurveyKey, values?: Record<string, string | number> | number): string {
  const full = `surveyPages.${key}`;
  if (typeof values === 'number') return composer.t(full, { n: values, count: values }, values);
  return values ? composer.t(full, values) : composer.t(full);
}

/** For components: `ts` and the app's date and text helpers, re-rendering when the language changes. */
export const useSurveyI18n = () => ({ t: ts, d, localized, locale: currentLocale });
