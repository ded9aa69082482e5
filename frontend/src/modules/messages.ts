/**
 * The message format the locale files are written in (vue-i18n's, the subset this app uses), read
 * by a few lines instead of vue-i18n's runtime: that runtime (core-base, vue-i18n and their shared
 * helpers) was about 10 kB gzip of the first visit's budget, for three features:
 * - `{name}` fills a named value; `{'@'}` is a literal (vue-i18n reserves `@`, `{`, `}` and `|`);
 * - `a | b` picks singular or plural, `a | b | c` zero, one or more, by vue-i18n's default rule,
 *   so the files and the component tests read the same as before;
 * - a key that is missing gives the key itself, so a gap shows instead of an empty element.
 */
export type Values = Record<string, string | number>;

const placeholder = /\{\s*(?:'([^']*)'|([\w-]+))\s*\}/g;

/** vue-i18n's default plural rule: the case for `choice` among `cases`. */
function pluralCase(choice: number, cases: number): number {
  const n = Math.abs(choice);
  if (cases === 2) return n === 1 ? 0 : 1;
  return Math.min(n, 2);
}

/** Formats one message; `plural` is the number `t(key, n)` passed, if any. */
export function format(message: string, values: Values = {}, plural?: number): string {
  let text = message;
  if (message.includes('|')) {
    const cases = message.split('|').map((c) => c.trim());
    // As vue-i18n: a numeric `count` or `n` chooses, then the number passed, else -1 (the first of two).
    const pick = [values.count, values.n, plural].find((v): v is number => typeof v === 'number') ?? -1;
    text = cases[Math.min(pluralCase(pick, cases.length), cases.length - 1)]!;
  }
  return text.replace(placeholder, (_, literal: string | undefined, name: string) => (literal ?? String(values[name] ?? '')));
}

/** Why a message would not read right (unbalanced braces, HTML), or undefined when it is fine. */
export function messageProblem(message: string): string | undefined {
  const rest = message.replace(placeholder, '');
  if (/[{}]/.test(rest)) return 'a brace outside a {placeholder}';
  if (/@/.test(rest)) return "a bare @ (write {'@'})";
  if (/<\/?[a-z][^>]*>/i.test(message)) return 'HTML';
  return undefined;
}
