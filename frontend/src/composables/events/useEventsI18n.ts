import da from '../../locales/events/da';
import en from '../../locales/events/en';
import type { AccessFeature, DietNeed, EventAudience, EventType } from '#shared/rules/events';
import { currentLocale, d, localized } from '../../modules/i18n';
import { lazyMessages, type Leaves } from '../../modules/lazy-messages';

/** The events pages' messages (`locales/events/{da,en}.ts`), merged under `eventPages.` when such a page loads. */
const messages = lazyMessages('eventPages', { da, en });
export type EventsKey = Leaves<typeof da>;

/** An events message in the reader's language; a number picks the plural form like `t`. */
export const te = messages.t;

export const eventTypeText = (type: EventType): string => te(`types.${type}`);
export const audienceText = (audience: EventAudience): string => te(`audiences.${audience}`);
export const accessText = (feature: AccessFeature): string => te(`access.${feature}`);
export const dietText = (diet: DietNeed): string => te(`diets.${diet}`);

/** For components: `te` (as `t`), the value names and the app's date and text helpers, re-rendering when the language changes. */
export const useEventsI18n = () => ({ t: te, d, localized, locale: currentLocale, eventTypeText, audienceText, accessText, dietText });
