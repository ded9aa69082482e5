import da from '../../locales/paper/da';
import en from '../../locales/paper/en';
import { currentLocale, localized } from '../../modules/i18n';
import { lazyMessages } from '../../modules/lazy-messages';

/** The paper form's and the claim page's messages (`locales/paper/{da,en}.ts`), merged under `paperPages.` when either page loads. */
const messages = lazyMessages('paperPages', { da, en });

/** A message in the reader's language; a number picks the plural form like `t`. */
export const tp = messages.t;

export const usePaperI18n = () => ({ t: tp, localized, locale: currentLocale });

/**
 * `lang="da"` for an admin's text shown in Danish on an English page (its English is missing), so
 * read-aloud speaks it with a Danish voice; undefined when the text is in the page's language.
 */
export const langOf = (text: { da: string; en?: string }): 'da' | undefined => (currentLocale.value === 'en' && !text.en ? 'da' : undefined);
