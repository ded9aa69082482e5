import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '#functions/domain/search/engine';
import { AREAS, IDEAS, QUERIES } from '../fixtures/search-relevance-da';

/**
 * Relevance on the fixed Danish set: precision at 5 over the 20 queries (relevant ideas among the
 * first five, out of min(5, relevant)), which the issue asks to be at least 0.8. The figure is printed
 * for the release note.
 */

const index = createSearchIndex({ areaName: (slug) => AREAS[slug] });
for (const idea of IDEAS) index.put(idea);
const top = (text: string, n = 5): string[] => index.search(text).slice(0, n).map((hit) => hit.id);

describe('relevance on the Danish test set', () => {
  it('has the 30 ideas and 20 queries, every relevant id an idea of the set', () => {
    expect(IDEAS).toHaveLength(30);
    expect(QUERIES).toHaveLength(20);
    const known = new Set(IDEAS.map((i) => i.id));
    for (const q of QUERIES) for (const id of q.relevant) expect(known.has(id)).toBe(true);
  });

  it('reaches a precision at 5 of at least 0.8', () => {
    const perQuery = QUERIES.map((q) => {
      const found = top(q.text).filter((id) => q.relevant.includes(id)).length;
      return { q, found, precision: found / Math.min(5, q.relevant.length) };
    });
    const precision = perQuery.reduce((sum, r) => sum + r.precision, 0) / perQuery.length;
    for (const r of perQuery) if (r.precision < 1) console.log(`  P@5 ${r.precision.toFixed(2)}  "${r.q.text}" → ${top(r.q.text).join(' ')} (relevant ${r.q.relevant.join(' ')})`);
    console.log(`Search relevance: precision at 5 = ${precision.toFixed(3)} over ${QUERIES.length} Danish queries`);
    expect(precision).toBeGreaterThanOrEqual(0.8);
  });

  it('puts the one clearly right idea first for the clearest queries', () => {
    expect(top('trafiklys', 1)).toEqual(['i13']);
    expect(top('ordblinde elever', 1)).toEqual(['i05']);
    expect(top('luftforurening', 1)).toEqual(['i19']);
    expect(top('skolernes skemaer', 1)).toEqual(['i08']);
    expect(top('opsummering af høringssvarene', 1)).toEqual(['i29']);
    expect(top('oversaettelse af breve', 1)).toEqual(['i10']);
  });

  it('finds through inflection, folding and typos', () => {
    expect(top('chatbotten', 2).sort()).toEqual(['i09', 'i30']);
    expect(top('plejehjemmet', 2).sort()).toEqual(['i01', 'i30']);
    expect(top('sagsbehandlng', 3)).toContain('i21');
    expect(top('kunstig intelligenz i undervisningen', 2).sort()).toEqual(['i06', 'i27']);
  });

  it('puts the existing idea first when an author starts writing the same one (the wizard\'s title and first sentence)', () => {
    expect(top('Chatbot der svarer borgerne. Mange spørger om affald og parkering om aftenen.', 1)).toEqual(['i09']);
    expect(top('Robot der gør rent på plejehjem. Så får personalet mere tid.', 1)).toEqual(['i01']);
    expect(top('Oversæt kommunens breve. Ikke alle læser dansk.', 1)).toEqual(['i10']);
    expect(top('Find huller i asfalten med kameraer. Skraldebilerne kører alligevel overalt.', 1)).toEqual(['i15']);
  });
});
