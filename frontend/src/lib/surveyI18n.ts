import da from '../locales/survey/da';
import en from '../locales/survey/en';
import { currentLocale, d, localized } from '../modules/i18n';
import { lazyMessages, type Leaves } from '../modules/lazy-messages';

/** The survey pages' messages (`locales/survey/{da,en}.ts`), merged under `surveyPages.` when a survey page loads. */
const messages = lazyMessages('surveyPages', { da, en });
export type SurveyKey = Leaves<typeof da>;

/** A survey message in the reader's language; a number picks the plural form like `t`. */
export const ts = messages.t;

/** For components: `ts` and the app's date and text helpers, re-rendering when the language changes. */
export const useSurveyI18n = () => ({ t: ts, d, localized, locale: currentLocale });
