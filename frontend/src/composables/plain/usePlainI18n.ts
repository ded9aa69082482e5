import da from '../../locales/plain/da';
import en from '../../locales/plain/en';
import { currentLocale, d, localized } from '../../modules/i18n';
import { lazyMessages, type Leaves } from '../../modules/lazy-messages';

/** The plain-language messages (`locales/plain/{da,en}.ts`), merged under `plainPages.` when a page that uses them loads. */
const messages = lazyMessages('plainPages', { da, en });
export type PlainKey = Leaves<typeof da>;

/** A plain-language message in the reader's language; a number picks the plural form like `t`. */
export const tp = messages.t;

/** For components: `tp` (as `t`) and the app's date and text helpers, re-rendering when the language changes. */
export const usePlainI18n = () => ({ t: tp, d, localized, locale: currentLocale });
