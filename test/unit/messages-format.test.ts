import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { format, messageProblem } from '../../frontend/src/modules/messages';

/**
 * The SPA reads its messages with modules/messages.ts (vue-i18n's format, without its runtime).
 * Before, vue-i18n's build-time compiler failed the build on a message it could not read; this
 * test does that now, for every locale file, and pins the rules the files were written for.
 */
const root = 'frontend/src/locales';
const localeFiles = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /(?:^|[\\/])(?:da|en)\.ts$/.test(f));
const leaves = (node: unknown, prefix = ''): [string, unknown][] =>
  typeof node === 'object' && node !== null ? Object.entries(node).flatMap(([k, v]) => leaves(v, `${prefix}${k}.`)) : [[prefix.slice(0, -1), node]];

describe('the message format', () => {
  it('fills named values and literals', () => {
    expect(format('Hej {name}, skriv til os{\'@\'}gentofte.dk', { name: 'Anna' })).toBe('Hej Anna, skriv til os@gentofte.dk');
    expect(format('{ name } og {missing}', { name: 'Bo' })).toBe('Bo og ');
  });

  it('picks plural forms by vue-i18n\'s default rule', () => {
    const two = '{n} stemme | {n} stemmer';
    expect([0, 1, 2, 7].map((n) => format(two, { n, count: n }, n))).toEqual(['0 stemmer', '1 stemme', '2 stemmer', '7 stemmer']);
    const three = 'ingen | én | {count} i alt';
    expect([0, 1, 5].map((n) => format(three, { count: n }, n))).toEqual(['ingen', 'én', '5 i alt']);
    // Without a number vue-i18n takes the singular of two forms and the middle of three.
    expect(format(two, {})).toBe(' stemme');
    expect(format(three)).toBe('én');
  });

  it('finds what would not read', () => {
    expect(messageProblem('{name} er med')).toBeUndefined();
    expect(messageProblem('skriv til os@gentofte.dk')).toMatch(/@/);
    expect(messageProblem('et {åbent')).toMatch(/brace/);
    expect(messageProblem('<b>fed</b>')).toBe('HTML');
  });

  it.each(localeFiles)('reads every message in locales/%s', async (file) => {
    const { default: messages } = (await import(/* @vite-ignore */ pathToFileURL(resolve(root, file)).href)) as { default: unknown };
    const entries = leaves(messages);
    expect(entries.length).toBeGreaterThan(0);
    const problems = entries.flatMap(([key, value]) =>
      typeof value !== 'string' ? [`${key}: not a string`] : messageProblem(value) ? [`${key}: ${messageProblem(value)}`] : [],
    );
    expect(problems).toEqual([]);
  });
});
