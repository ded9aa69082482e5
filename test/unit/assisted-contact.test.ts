import { describe, expect, it } from 'vitest';
import { contactHint, foldName, matches, phoneDigits, readLookup } from '#functions/domain/assisted/contact';

/** How an assistant finds a citizen again (name, e-mail, phone), and how the list masks contact details. */

const jens = { name: 'Jens Ærø Hansen', email: 'jens.hansen@example.dk', phone: '+45 39 98 12 34' };
const aase = { name: 'Åse Müller' };
const ase = { name: 'Ase Jensen' };

describe('the lookup', () => {
  it('finds a name by any part of it, whatever the case and accents', () => {
    expect(matches(jens, readLookup('hansen'))).toBe(true);
    expect(matches(jens, readLookup('JENS ÆRØ'))).toBe(true);
    expect(matches(aase, readLookup('muller'))).toBe(true);
    expect(matches(aase, readLookup('Müll'))).toBe(true);
    expect(matches(jens, readLookup('Hanne'))).toBe(false);
  });

  it('keeps the Danish letters apart: å is not a, æ is not ae, ø is not o', () => {
    expect(matches(aase, readLookup('åse'))).toBe(true);
    expect(matches(ase, readLookup('åse'))).toBe(false);
    expect(matches(aase, readLookup('ase'))).toBe(false);
    expect(matches(jens, readLookup('aero'))).toBe(false);
    // An å typed as a + combining ring is the same å.
    expect(foldName('A\u030Ase')).toBe('åse');
  });

  it('finds an e-mail only whole, in any case', () => {
    expect(matches(jens, readLookup('Jens.Hansen@Example.dk'))).toBe(true);
    expect(matches(jens, readLookup('jens.hansen@example'))).toBe(false);
    expect(matches(jens, readLookup('@example.dk'))).toBe(false);
  });

  it('finds a phone number by its digits, with or without spaces and +45, but only whole', () => {
    expect(matches(jens, readLookup('39981234'))).toBe(true);
    expect(matches(jens, readLookup('39 98 12 34'))).toBe(true);
    expect(matches(jens, readLookup('+4539981234'))).toBe(true);
    expect(matches(jens, readLookup('0045 39 98 12 34'))).toBe(true);
    expect(matches(jens, readLookup('3998 1235'))).toBe(false);
    // Four digits are not a phone number: read as a name, they find nobody.
    expect(readLookup('1234')).toEqual({ kind: 'name', folded: '1234' });
    expect(matches(jens, readLookup('1234'))).toBe(false);
    expect(phoneDigits('+45 39 98 12 34')).toBe('39981234');
  });
});

describe('the contact hint', () => {
  it("shows the e-mail's first letter and domain, or the phone's last four digits", () => {
    expect(contactHint(jens)).toBe('j***@example.dk');
    expect(contactHint({ phone: '+45 39 98 12 34' })).toBe('•• •• 12 34');
    expect(contactHint({})).toBeUndefined();
  });

  it('never holds the whole e-mail or number', () => {
    expect(contactHint(jens)).not.toContain('hansen');
    expect(contactHint({ phone: '39981234' })).not.toContain('3998');
  });
});
