import type { Localized } from '#shared/schemas/text';
import da from '../locales/da';

/**
 * A stand-in for vue-i18n while the SPA has one language and one page: the same call shapes
 * (`t(key)`, `t(key, { name })`, `t(key, n)` for plurals, `d(date, 'long')`) so components move to
 * vue-i18n's `useI18n()` by changing an import. Keys are type-checked against the Danish messages.
 */
type Messages = typeof da;
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

export type Locale = 'da';
export const locale: Locale = 'da';

const dateFormats = {
  /** 27. november 2026 */
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  /** 27. nov. 2026 */
  short: { day: 'numeric', month: 'short', year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateFormat = keyof typeof dateFormats;

// Dates are shown as they fall in Gentofte, whatever the reader's clock says.
const TIME_ZONE = 'Europe/Copenhagen';
const formatters = new Map<DateFormat, Intl.DateTimeFormat>();

function message(key: MessageKey): string {
  let node: unknown = da;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : key;
}

/** vue-i18n's default rule: with two forms, 1 takes the first and everything else the second. */
function choose(text: string, count: number): string {
  const forms = text.split('|').map((form) => form.trim());
  const n = Math.abs(count);
  const index = forms.length === 2 ? (n === 1 ? 0 : 1) : Math.min(n, forms.length - 1);
  return forms[index] ?? text;
}

export function t(key: MessageKey, values?: Record<string, string | number> | number): string {
  const plural = typeof values === 'number';
  const named: Record<string, string | number> = plural ? { n: values, count: values } : (values ?? {});
  const text = plural ? choose(message(key), values) : message(key);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in named ? String(named[name]) : whole));
}

export function d(value: string | number | Date, format: DateFormat = 'long'): string {
  let formatter = formatters.get(format);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('da-DK', { ...dateFormats[format], timeZone: TIME_ZONE });
    formatters.set(format, formatter);
  }
  return formatter.format(typeof value === 'string' ? new Date(value) : value);
}

/** A server-side text in the reader's language, falling back to Danish, which is always there. */
export const localized = (text: Localized): string => text[locale] ?? text.da;

export const useI18n = () => ({ t, d, locale, localized });
