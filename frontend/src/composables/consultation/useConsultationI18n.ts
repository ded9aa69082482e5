import { watch } from 'vue';
import da from '../../locales/consultation/da';
import en from '../../locales/consultation/en';
import type { AnswerStatus, Position } from '#shared/rules/consultation';
import { answerStatusLabels, positionLabels } from '#shared/rules/labels';
import { label } from '../../lib/labels';
import { currentLocale, d, i18n, localized, type Locale } from '../../modules/i18n';

/**
 * The consultation pages' messages live in their own files (`locales/consultation/{da,en}.ts`), so a
 * first visit elsewhere never downloads them (the first-visit budget is tight). When this chunk loads
 * they are merged into vue-i18n under `consultationPages.` for Danish and the reader's language, and
 * again after a language switch, as the survey pages do (lib/surveyI18n.ts).
 */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type ConsultationKey = Leaves<typeof da>;

const messages: Record<Locale, typeof da> = { da, en };
const composer = i18n.global;

function mergeInto(locale: Locale): void {
  if (!composer.availableLocales.includes(locale)) return;
  if ((composer.getLocaleMessage(locale) as { consultationPages?: unknown }).consultationPages) return;
  composer.mergeLocaleMessage(locale, { consultationPages: messages[locale] } as never);
}

// Now, and whenever the language or the set of loaded languages changes ('sync': before the new language renders).
watch([currentLocale, () => composer.availableLocales.join()], () => (mergeInto('da'), mergeInto(currentLocale.value)), { flush: 'sync', immediate: true });

/** A consultation message in the reader's language; a number picks the plural form like `t`. */
export function tc(key: ConsultationKey, values?: Record<string, string | number> | number): string {
  const full = `consultationPages.${key}`;
  if (typeof values === 'number') return composer.t(full, { n: values, count: values }, values);
  return values ? composer.t(full, values) : composer.t(full);
}

/** A position and what the committee did with a comment, in the words the export and the report use too (shared/rules/labels.ts). */
export const positionText = (p: Position): string => label(positionLabels[p]);
export const answerStatusText = (s: AnswerStatus): string => label(answerStatusLabels[s]);

/** For components: `tc` (as `t`) and the app's date and text helpers, re-rendering when the language changes. */
export const useConsultationI18n = () => ({ t: tc, d, localized, locale: currentLocale, positionText, answerStatusText });
