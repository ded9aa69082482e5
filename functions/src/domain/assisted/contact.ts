/**
 * How an assistant finds a citizen again, and how the list shows them without giving their contact
 * details away to whoever looks at the screen. Pure functions (test/unit/assisted-contact.test.ts).
 */

/**
 * A name as the lookup compares it: lower case, accents dropped (é → e, ü → u), but the Danish
 * letters kept apart (å is not a, ø is not o): "Åse" must not find "Ase".
 */
export function foldName(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('da')
    .replace(/å/g, '\u0001')
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/\u0001/g, 'å')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A Danish phone number's own digits: spaces, dashes and the country code (+45, 0045) do not count. */
export function phoneDigits(phone: string): string {
  const typed = phone.trim();
  const digits = typed.replace(/\D/g, '');
  if (typed.startsWith('+45')) return digits.slice(2);
  if (typed.startsWith('0045')) return digits.slice(4);
  return digits;
}

/** What was typed in the lookup's one field, read as the kind of thing it is. */
export type LookupQuery = { kind: 'email'; email: string } | { kind: 'phone'; digits: string } | { kind: 'name'; folded: string };

export function readLookup(q: string): LookupQuery {
  const typed = q.trim();
  if (typed.includes('@')) return { kind: 'email', email: typed.toLowerCase() };
  // Only digits, spaces, dashes and a leading +, with at least 8 digits: a phone number.
  if (/^\+?[\d\s-]+$/.test(typed) && typed.replace(/\D/g, '').length >= 8) return { kind: 'phone', digits: phoneDigits(typed) };
  return { kind: 'name', folded: foldName(typed) };
}

/**
 * Does the person match? A name by any part of it; an e-mail and a phone number only whole, so the
 * lookup cannot be used to guess someone's number a digit at a time.
 */
export function matches(person: { name: string; email?: string | undefined; phone?: string | undefined }, query: LookupQuery): boolean {
  switch (query.kind) {
    case 'email':
      return person.email?.toLowerCase() === query.email;
    case 'phone':
      return person.phone !== undefined && phoneDigits(person.phone) === query.digits;
    case 'name':
      return foldName(person.name).includes(query.folded);
  }
}

/**
 * Enough of the contact details for the citizen to confirm "yes, that is me": the e-mail's first
 * letter and domain (`j***@example.dk`), or the phone number's last four digits (`•• •• 12 34`).
 */
export function contactHint(person: { email?: string | undefined; phone?: string | undefined }): string | undefined {
  if (person.email) {
    const [local = '', domain = ''] = person.email.split('@');
    return `${local.slice(0, 1)}***@${domain}`;
  }
  if (person.phone) {
    const last = phoneDigits(person.phone).slice(-4);
    return `•• •• ${last.slice(0, 2)} ${last.slice(2)}`;
  }
  return undefined;
}
