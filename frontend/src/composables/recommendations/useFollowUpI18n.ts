import da from '../../locales/recommendations/da';
import en from '../../locales/recommendations/en';
import type { Label } from '#shared/rules/labels';
import { currentLocale, d, localized } from '../../modules/i18n';
import { lazyMessages, type Leaves } from '../../modules/lazy-messages';

/** The follow-up pages' messages (`locales/recommendations/{da,en}.ts`), merged under `followUp.` when a page that uses them loads. */
const messages = lazyMessages('followUp', { da, en });
export type FollowUpKey = Leaves<typeof da>;

/** A follow-up message in the reader's language; a number picks the plural form like `t`. */
export const tf = messages.t;

/** A label from the shared rules (status, lens tag, effect weight) in the reader's language. */
export const label = (l: Label): string => (currentLocale.value === 'en' ? l.en : l.da);

/** For components: `tf` (as `t`), `label` and the app's date and text helpers, re-rendering when the language changes. */
export const useFollowUpI18n = () => ({ t: tf, label, d, localized, locale: currentLocale });
