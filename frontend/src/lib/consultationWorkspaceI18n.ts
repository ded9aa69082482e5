import { watch } from 'vue';
import { answerStatusLabels, commentStateLabels, labelOf, positionLabels } from '#shared/rules/labels';
import da from '../locales/workspace-consultation/da';
import en from '../locales/workspace-consultation/en';
import { currentLocale, d, i18n, localized, type Locale } from '../modules/i18n';

/**
 * The consultation's workspace pages keep their messages in their own files
 * (`locales/workspace-consultation/{da,en}.ts`), so the rest of the workspace does not carry them.
 * When one of those pages loads they are merged into vue-i18n under `wsConsultation.` for Danish and
 * the reader's language, and again after a language switch, as the workspace does with its own
 * (lib/workspaceI18n.ts).
 */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type ConsultationKey = Leaves<typeof da>;

const messages: Record<Locale, typeof da> = { da, en };
const composer = i18n.global;

function mergeInto(locale: Locale): void {
  if (!composer.availableLocales.includes(locale)) return;
  if ((composer.getLocaleMessage(locale) as { wsConsultation?: unknown }).wsConsultation) return;
  composer.mergeLocaleMessage(locale, { wsConsultation: messages[locale] } as never);
}

// Now, and whenever the language or the set of loaded languages changes ('sync': before the new language renders).
watch([currentLocale, () => composer.availableLocales.join()], () => (mergeInto('da'), mergeInto(currentLocale.value)), { flush: 'sync', immediate: true });

/** A consultation workspace message in the reader's language; a number picks the plural form like `t`. */
export function tc(key: ConsultationKey, values?: Record<string, string | number> | number): string {
  const full = `wsConsultation.${key}`;
  if (typeof values === 'number') return composer.t(full, { n: values, count: values }, values);
  return values ? composer.t(full, values) : composer.t(full);
}

/** The shared labels (shared/rules/labels.ts) in the reader's language. */
export const answerStatusText = (status: string): string => labelOf(answerStatusLabels, status, currentLocale.value);
export const positionText = (position: string): string => labelOf(positionLabels, position, currentLocale.value);
export const responseStateText = (state: string): string => labelOf(commentStateLabels, state, currentLocale.value);

/** For components: `tc` and the app's date and text helpers, re-rendering when the language changes. */
export const useConsultationI18n = () => ({ tc, d, localized, locale: currentLocale });
