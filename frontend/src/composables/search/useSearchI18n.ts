import da from '../../locales/search/da';
import en from '../../locales/search/en';
import { currentLocale, d, localized } from '../../modules/i18n';
import { lazyMessages, type Leaves } from '../../modules/lazy-messages';

/** The search messages (`locales/search/{da,en}.ts`), merged under `searchPages.` when the wizard loads: the first visit never carries them. */
const messages = lazyMessages('searchPages', { da, en });
export type SearchKey = Leaves<typeof da>;

export const ts = messages.t;

export const useSearchI18n = () => ({ t: ts, d, localized, locale: currentLocale });
