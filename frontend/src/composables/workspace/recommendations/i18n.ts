import da from '../../../locales/workspace-recommendations/da';
import en from '../../../locales/workspace-recommendations/en';
import { currentLocale, d, localized } from '../../../modules/i18n';
import { lazyMessages, type Leaves } from '../../../modules/lazy-messages';
import type { Label } from '#shared/rules/labels';

/**
 * The recommendations' workspace messages (`locales/workspace-recommendations/{da,en}.ts`), merged
 * under `wsRecs.` when one of those pages (or the annex, or the moderator's idea page) loads.
 */
const messages = lazyMessages('wsRecs', { da, en });
export type RecommendationsKey = Leaves<typeof da>;

/** A recommendations-workspace message in the reader's language; a number picks the plural form. */
export const tr = messages.t;

/** A shared rule's label (shared/rules) in the reader's language. */
export const said = (label: Label): string => label[currentLocale.value];

/** For components: `tr` and the app's date and text helpers, re-rendering when the language changes. */
export const useRecommendationsI18n = () => ({ tr, said, d, localized, locale: currentLocale });
