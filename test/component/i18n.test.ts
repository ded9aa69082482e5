import { describe, expect, it } from 'vitest';
import { d, localized, t } from '../../frontend/src/modules/i18n';

describe('the Danish messages', () => {
  it('fills named placeholders and picks the plural form like vue-i18n', () => {
    expect(t('idea.card.author', { name: 'Anna', type: t('participant.employee') })).toBe('Anna, medarbejder');
    expect(t('idea.card.votes', 0)).toBe('0 stemmer');
    expect(t('idea.card.votes', 1)).toBe('1 stemme');
    expect(t('idea.card.votes', 2)).toBe('2 stemmer');
  });

  it('formats dates in Danish as they fall in Copenhagen', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Gentofte.
    expect(d('2026-12-31T23:30:00.000Z')).toBe('1. januar 2027');
    expect(d('2026-11-27T10:00:00.000Z', 'short')).toBe('27. nov. 2026');
  });

  it('falls back to Danish for a text without the reader language', () => {
    expect(localized({ da: 'Børn og unge' })).toBe('Børn og unge');
  });
});
