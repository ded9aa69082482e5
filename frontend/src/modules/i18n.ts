import { computed, ref, shallowReactive } from 'vue';
import type { Localized } from '#shared/schemas/text';
import type da from '../locales/da';
import { formatDate, type DateFormat } from './dates';
import { format, type Values } from './messages';

/**
 * One locale file per language, each loaded with a dynamic import the first time it is needed, read
 * by modules/messages.ts (vue-i18n's message format, without its runtime: see there why). `t` is
 * typed against the Danish messages: a key that does not exist does not compile.
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

type Tree = { [key: string]: string | Tree };

/**
 * The loaded messages per language and the reader's language, reactive, so whatever `t` rendered
 * renders again when either changes. Shaped like the subset of vue-i18n's global composer that
 * lazy-messages.ts and the tests used (`i18n.global`, `app.use(i18n)`).
 */
const store = shallowReactive<Partial<Record<Locale, Tree>>>({});
const lookup = (tree: Tree | undefined, key: string): string | undefined => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
};
const composer = {
  locale: ref<string>('da'),
  get availableLocales(): Locale[] {
    return Object.keys(store) as Locale[];
  },
  getLocaleMessage: (locale: Locale): Tree => store[locale] ?? {},
  setLocaleMessage: (locale: Locale, messages: Tree): void => void (store[locale] = messages),
  mergeLocaleMessage: (locale: Locale, messages: Tree): void => void (store[locale] = { ...store[locale], ...messages }),
  /** Whether the key has a message in the reader's language or in Danish. */
  te: (key: string): boolean => (lookup(store[composer.locale.value as Locale], key) ?? lookup(store.da, key)) !== undefined,
  /** The message in the reader's language, else Danish, else the key itself. */
  t: (key: string, values?: Values, plural?: number): string => {
    const message = lookup(store[composer.locale.value as Locale], key) ?? lookup(store.da, key);
    return message === undefined ? key : format(message, values, plural);
  },
};
export const i18n = { global: composer, install: (): void => undefined };

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
        // Keep what lazy-messages.ts merged in before (a page's namespace), under the language's own messages.
        composer.setLocaleMessage(l, { ...store[l], ...(messages as unknown as Tree) });
        loaded.add(l);
      }),
  );
}

const STORAGE_KEY = 'deltag.locale';

/**
 * Switches the language: loads its messages, then sets the locale and `<html lang>` so screen
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

/** Nothing to install any more; kept so main.ts and the tests read as before. */
export function install(_app?: unknown): void {}

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
