import { beforeAll, describe, expect, it } from 'vitest';
import { currentLocale, d, localized, setLocale, t } from '../../frontend/src/modules/i18n';
import da from '../../frontend/src/locales/da';
import en from '../../frontend/src/locales/en';

beforeAll(() => setLocale('da', false));

describe('the messages', () => {
  it('fill named placeholders and pick the plural form', () => {
    expect(t('idea.card.author', { name: 'Anna', type: t('participant.employee') })).toBe('Anna, medarbejder');
    expect(t('idea.card.votes', 0)).toBe('0 stemmer');
    expect(t('idea.card.votes', 1)).toBe('1 stemme');
    expect(t('idea.card.votes', 2)).toBe('2 stemmer');
    expect(t('me.votesCount', 0)).toBe('Du har ikke stemt på nogen idéer.');
    expect(t('me.votesCount', 1)).toBe('Du har stemt på 1 idé.');
    expect(t('form.email')).toBe('Skriv en gyldig e-mailadresse, fx navn@eksempel.dk');
  });

  it('format dates in Danish as they fall in Copenhagen', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Gentofte.
    expect(d('2026-12-31T23:30:00.000Z')).toBe('1. januar 2027');
    expect(d('2026-11-27T10:00:00.000Z', 'short')).toBe('27. nov. 2026');
  });

  it('switch to English with the lang attribute, and back', async () => {
    await setLocale('en', false);
    expect(currentLocale.value).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(t('idea.card.votes', 2)).toBe('2 votes');
    expect(d('2026-12-31T23:30:00.000Z')).toBe('1 January 2027');
    expect(localized({ da: 'Børn og unge', en: 'Children and young people' })).toBe('Children and young people');
    expect(localized({ da: 'Erhverv' })).toBe('Erhverv');
    await setLocale('da', false);
    expect(document.documentElement.lang).toBe('da');
    expect(localized({ da: 'Børn og unge', en: 'Children and young people' })).toBe('Børn og unge');
  });

  it('have the same keys in both languages', () => {
    const keys = (node: object, prefix = ''): string[] =>
      Object.entries(node).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
    expect(keys(en).sort()).toEqual(keys(da).sort());
  });
});
