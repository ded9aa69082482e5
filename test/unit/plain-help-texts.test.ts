import { describe, expect, it } from 'vitest';
import { longSentences, PLAIN_SENTENCE_WORDS } from '../../shared/rules/assisted';
import da from '../../frontend/src/locales/da';
import en from '../../frontend/src/locales/en';
import eventsDa from '../../frontend/src/locales/events/da';
import eventsEn from '../../frontend/src/locales/events/en';
import plainDa from '../../frontend/src/locales/plain/da';
import plainEn from '../../frontend/src/locales/plain/en';

/**
 * Plain Danish (issue 15): every text the new-idea wizard shows (its own messages, the "letlæst"
 * summary's field and the event-origin choice it offers) has no sentence over PLAIN_SENTENCE_WORDS
 * words, in Danish and in English. A new or rewritten help text that runs long fails here.
 */
type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix: string): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}.${k}`, v] as [string, string]] : leaves(v, `${prefix}.${k}`)));

const wizardTexts = {
  da: [...leaves(da.wizard, 'wizard'), ...leaves(plainDa.summary, 'plainPages.summary'), ...leaves(eventsDa.origin, 'eventPages.origin')],
  en: [...leaves(en.wizard, 'wizard'), ...leaves(plainEn.summary, 'plainPages.summary'), ...leaves(eventsEn.origin, 'eventPages.origin')],
};

describe('the wizard help texts are plain', () => {
  for (const language of ['da', 'en'] as const) {
    it(`${language}: no sentence over ${PLAIN_SENTENCE_WORDS} words`, () => {
      const texts = wizardTexts[language];
      expect(texts.length).toBeGreaterThan(25);
      const long = texts.flatMap(([key, text]) => longSentences(text).map((sentence) => `${key}: ${sentence}`));
      expect(long).toEqual([]);
    });
  }

  it('covers the hints the wizard shows', () => {
    const keys = wizardTexts.da.map(([key]) => key);
    for (const key of ['wizard.intro', 'wizard.fields.titleHint', 'wizard.fields.bodyHint', 'wizard.fields.concernsHint', 'plainPages.summary.hint', 'eventPages.origin.hint']) {
      expect(keys).toContain(key);
    }
  });

  it('the check finds a long sentence (the test can fail)', () => {
    const long = 'Hvis du vil fortælle os om en idé, som du har fået, og som handler om kunstig intelligens i kommunen, så skriv den her nedenfor.';
    expect(longSentences(long)).toHaveLength(1);
    expect(longSentences('Skriv kort. Brug almindelige ord.')).toEqual([]);
  });
});
