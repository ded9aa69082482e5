import { computed, type App } from 'vue';
import { createI18n } from 'vue-i18n';
import type { Localized } from '#shared/schemas/text';
import type da from '../locales/da';
import { formatDate, type DateFormat } from './dates';

/**
 * vue-i18n (Composition API, global scope) with one locale file per language, each loaded with a
 * dynamic import the first time it is needed. The build precompiles the messages (see
 * `vite.config.ts`), so the message compiler stays out of the bundle. `t` is typed against the
 * Danish messages: a key that does not exist does not compile.
 */
export type Messages = typeof da;
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

export const locales = ['da', 'en'] as const;
export type Locale = (typeof locales)[number];
export const isLocale = (value: unknown): value is Locale => (locales as readonly unknown[]).includes(value);

const loaders: Record<Locale, () => Promise<{ default: Messages }>> = {
  da: () => import('../locales/da'),
  en: () => import('../locales/en'),
};

export const i18n = createI18n({
  legacy: false,
  locale: 'da',
  fallbackLocale: 'da',
  missingWarn: false,
  fallbackWarn: false,
  messages: {},
});

const composer = i18n.global;
const loaded = new Set<Locale>();

/** The reader's language (reactive). */
export const currentLocale = computed<Locale>(() => (isLocale(composer.locale.value) ? composer.locale.value : 'da'));

/** Loads a language's messages once; Danish is always loaded too, as the fallback. */
async function ensureLoaded(locale: Locale): Promise<void> {
  const wanted: Locale[] = locale === 'da' ? ['da'] : ['da', locale];
  await Promise.all(
    wanted
      .filter((l) => !loaded.has(l))
      .map(async (l) => {
        const { default: messages } = await loaders[l]();
        composer.setLocaleMessage(l, messages as never);
        loaded.add(l);
      }),
  );
}

const STORAGE_KEY = 'deltag.locale';

/**
 * Switches the language: loads its messages, then sets vue-i18n's locale and `<html lang>` so screen
 * readers pronounce the page right. The choice is remembered in this browser (a preference, no
 * personal data).
 */
export async function setLocale(locale: Locale, remember = true): Promise<void> {
  await ensureLoaded(locale);
  composer.locale.value = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Storage can be switched off; the choice then lasts for this page only.
    }
  }
}

/** The language to start in: the reader's earlier choice, otherwise Danish (the platform's first language). */
export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // ignore
  }
  return 'da';
}

export function install(app: App): void {
  app.use(i18n);
}

export function t(key: MessageKey, values?: Record<string, string | number> | number): string {
  if (typeof values === 'number') return composer.t(key, { n: values, count: values }, values);
  return values ? composer.t(key, values) : composer.t(key);
}

/** A date as it falls in Gentofte, in the reader's language (see modules/dates.ts). */
export const d = (value: string | number | Date, format: DateFormat = 'long'): string => formatDate(value, format, currentLocale.value);

/** A server-side text in the reader's language, falling back to Danish, which is always there. */
export const localized = (text: Localized): string => (currentLocale.value === 'en' ? (text.en ?? text.da) : text.da);

/** The same functions for components; they re-render when the language changes. */
export const useI18n = () => ({ t, d, localized, locale: currentLocale });
