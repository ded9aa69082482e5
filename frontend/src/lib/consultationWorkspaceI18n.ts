import { answerStatusLabels, commentStateLabels, labelOf, positionLabels } from '#shared/rules/labels';
import da from '../locales/workspace-consultation/da';
import en from '../locales/workspace-consultation/en';
import { currentLocale, d, localized } from '../modules/i18n';
import { lazyMessages, type Leaves } from '../modules/lazy-messages';

/**
 * The consultation's workspace pages' messages (`locales/workspace-consultation/{da,en}.ts`), merged
 * under `wsConsultation.` when one of those pages loads, so the rest of the workspace does not carry them.
 */
const messages = lazyMessages('wsConsultation', { da, en });
export type ConsultationKey = Leaves<typeof da>;

/** A consultation workspace message in the reader's language; a number picks the plural form like `t`. */
export const tc = messages.t;

/** The shared labels (shared/rules/labels.ts) in the reader's language. */
export const answerStatusText = (status: string): string => labelOf(answerStatusLabels, status, currentLocale.value);
export const positionText = (position: string): string => labelOf(positionLabels, position, currentLocale.value);
export const responseStateText = (state: string): string => labelOf(commentStateLabels, state, currentLocale.value);

/** For components: `tc` and the app's date and text helpers, re-rendering when the language changes. */
export const useConsultationI18n = () => ({ tc, d, localized, locale: currentLocale });
