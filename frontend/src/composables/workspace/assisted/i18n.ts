import da from '../../../locales/workspace-assisted/da';
import en from '../../../locales/workspace-assisted/en';
import { currentLocale, d, localized } from '../../../modules/i18n';
import { lazyMessages, type Leaves } from '../../../modules/lazy-messages';

/**
 * The assistant's messages (`locales/workspace-assisted/{da,en}.ts`), merged under `wsAssisted.`
 * when one of its pages loads, so the rest of the workspace does not carry them.
 */
const messages = lazyMessages('wsAssisted', { da, en });
export type AssistedKey = Leaves<typeof da>;

/** An assisted-workspace message in the reader's language. */
export const ta = messages.t;

/** For components: `ta` and the app's date and text helpers, re-rendering when the language changes. */
export const useAssistedI18n = () => ({ ta, d, localized, locale: currentLocale });
