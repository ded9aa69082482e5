import da from '../../locales/consultation/da';
import en from '../../locales/consultation/en';
import type { AnswerStatus, Position } from '#shared/rules/consultation';
import { answerStatusLabels, positionLabels } from '#shared/rules/labels';
import { label } from '../../lib/labels';
import { currentLocale, d, localized } from '../../modules/i18n';
import { lazyMessages, type Leaves } from '../../modules/lazy-messages';

/** The consultation pages' messages (`locales/consultation/{da,en}.ts`), merged under `consultationPages.` when such a page loads. */
const messages = lazyMessages('consultationPages', { da, en });
export type ConsultationKey = Leaves<typeof da>;

/** A consultation message in the reader's language; a number picks the plural form like `t`. */
export const tc = messages.t;

/** A position and what the committee did with a comment, in the words the export and the report use too (shared/rules/labels.ts). */
export const positionText = (p: Position): string => label(positionLabels[p]);
export const answerStatusText = (s: AnswerStatus): string => label(answerStatusLabels[s]);

/** For components: `tc` (as `t`) and the app's date and text helpers, re-rendering when the language changes. */
export const useConsultationI18n = () => ({ t: tc, d, localized, locale: currentLocale, positionText, answerStatusText });
