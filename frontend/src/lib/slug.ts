/**
 * A URL slug from a Danish title: "Børn og unge" → "boern-og-unge", "AI i Gentofte Kommune" →
 * "ai-i-gentofte-kommune". Danish letters are spelled out the way Danish URLs spell them (æ → ae,
 * ø → oe, å → aa); other accents are dropped. At most `max` characters, cut between words. The
 * server's slug schema decides what is valid; this only suggests.
 */
export function slugify(text: string, max = 64): string {
  const plain = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max + 1);
  const end = cut.lastIndexOf('-');
  return (end > 0 ? cut.slice(0, end) : plain.slice(0, max)).replace(/-+$/, '');
}

/** A slug not in `taken`: the slug itself, else with "-2", "-3" … added. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
