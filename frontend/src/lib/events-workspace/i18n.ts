import da from '../../locales/workspace-events/da';
import en from '../../locales/workspace-events/en';
import { currentLocale, d, localized } from '../../modules/i18n';
import { lazyMessages, type Leaves } from '../../modules/lazy-messages';

/**
 * The events' workspace messages (`locales/workspace-events/{da,en}.ts`), merged under `wsEvents.`
 * when one of those pages (or the annex's live-round section) loads, so the rest of the workspace
 * does not carry them.
 */
const messages = lazyMessages('wsEvents', { da, en });
export type EventsKey = Leaves<typeof da>;

/** An events workspace message in the reader's language; a number picks the plural form like `t`. */
export const te = messages.t;

/** For components: `te` and the app's date and text helpers, re-rendering when the language changes. */
export const useEventsI18n = () => ({ te, d, localized, locale: currentLocale });
