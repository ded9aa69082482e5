import { describe, expect, it } from 'vitest';
import type { CommentSearchDoc, IdeaSearchDoc } from '#functions/domain/ports/search';
import { createSearchIndex } from '#functions/domain/search/engine';

/** The in-memory engine: folding, stop words, typo limits, ranking order, replacing and removing. */

let seq = 0;
function idea(over: Partial<IdeaSearchDoc> = {}): IdeaSearchDoc {
  seq++;
  return {
    kind: 'idea',
    id: `I${String(seq).padStart(4, '0')}`,
    processId: 'P1',
    title: 'En idé',
    body: 'Tekst uden noget særligt.',
    area: 'andet',
    status: 'published',
    held: false,
    authorName: 'Borger',
    authorType: 'citizen',
    createdAt: `2026-11-01T10:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    ...over,
  };
}
const ids = (hits: { id: string }[]): string[] => hits.map((h) => h.id);

describe('folding', () => {
  it('finds æ, ø and å written as ae, oe and aa, and the other way round', () => {
    const index = createSearchIndex();
    const a = idea({ title: 'Hjælp til ældre med bøger på biblioteket' });
    const b = idea({ title: 'Plejehjem for aeldre i Gentofte', body: 'Boern og paedagoger' });
    index.put(a);
    index.put(b);
    expect(ids(index.search('aeldre')).sort()).toEqual([a.id, b.id].sort());
    expect(ids(index.search('ÆLDRE')).sort()).toEqual([a.id, b.id].sort());
    expect(ids(index.search('boeger'))).toEqual([a.id]);
    expect(ids(index.search('børn'))).toEqual([b.id]);
    expect(ids(index.search('pædagoger'))).toEqual([b.id]);
  });

  it('finds a word typed with ae, oe, aa even where the stemmer reads the spellings differently', () => {
    const index = createSearchIndex();
    const a = idea({ title: 'Chatbot til pårørende' });
    index.put(a);
    index.put(idea({ title: 'Chatbot til forældre' }));
    // "paaroerende" stems to "paaro", "pårørende" to "pårør": the folded word itself still meets.
    expect(ids(index.search('paaroerende'))).toEqual([a.id]);
    expect(ids(index.search('paaroerendes'))).toEqual([a.id]);
  });

  it('drops accents: café finds cafe', () => {
    const index = createSearchIndex();
    const a = idea({ title: 'Et café for seniorer' });
    index.put(a);
    expect(ids(index.search('cafe'))).toEqual([a.id]);
  });
});

describe('words', () => {
  it('stems Danish inflections: chatbotten finds chatbot, borgerne finds borger', () => {
    const index = createSearchIndex();
    const a = idea({ title: 'En chatbot til borger', body: 'Svar døgnet rundt.' });
    index.put(a);
    expect(ids(index.search('chatbotten'))).toEqual([a.id]);
    expect(ids(index.search('borgerne'))).toEqual([a.id]);
  });

  it('a query of only stop words finds nothing, though every document holds them', () => {
    const index = createSearchIndex();
    index.put(idea({ title: 'Det er en idé og den er god', body: 'Vi vil have at det kan være på den måde.' }));
    expect(index.search('det er en og den')).toEqual([]);
    expect(index.search('')).toEqual([]);
    expect(index.search(' ,.;!? ')).toEqual([]);
  });

  it('keeps two-letter words that are not stop words: AI is findable', () => {
    const index = createSearchIndex();
    const a = idea({ title: 'AI i ældreplejen' });
    index.put(a);
    index.put(idea({ title: 'Flere cykelstier' }));
    expect(ids(index.search('ai'))).toEqual([a.id]);
  });

  it('finds a compound by its first part: chatbot finds chatbotløsning', () => {
    const index = createSearchIndex();
    const a = idea({ title: 'En ny chatbotløsning til borgerservice' });
    index.put(a);
    expect(ids(index.search('chatbot'))).toEqual([a.id]);
  });

  it('finds a compound by a short word too, but not by three letters', () => {
    const index = createSearchIndex();
    const a = idea({ title: 'Sensorer på skolevejen' });
    const b = idea({ title: 'Flere billeder i appen' });
    index.put(a);
    index.put(b);
    expect(ids(index.search('skole'))).toEqual([a.id]);
    expect(ids(index.search('bil'))).toEqual([]);
  });

  it('finds an idea by its area name', () => {
    const index = createSearchIndex({ areaName: (slug) => (slug === 'trafik' ? 'Trafik og mobilitet' : undefined) });
    const a = idea({ title: 'Smarte lyskryds', area: 'trafik' });
    index.put(a);
    index.put(idea({ title: 'Noget andet' }));
    expect(ids(index.search('mobilitet'))).toEqual([a.id]);
  });
});

describe('typos', () => {
  it('a word holding a digit (a case number, a code) is found only as written, in search and highlight', () => {
    const index = createSearchIndex();
    const a = idea({ title: 'Journal sag12345 om skolebus' });
    const b = idea({ title: 'Journal sag12346 om skolebus' });
    index.put(a);
    index.put(b);
    expect(ids(index.search('sag12345'))).toEqual([a.id]);
    expect(index.highlight(b, 'sag12345').title.filter((s) => s.hit)).toEqual([]);
    expect(ids(index.search('journl'))).toEqual(expect.arrayContaining([a.id, b.id]));
  });
  it('a five-letter word tolerates one typo; a four-letter word none', () => {
    const index = createSearchIndex();
    const a = idea({ title: 'Skole med robot' });
    const b = idea({ title: 'Bedre skat' });
    index.put(a);
    index.put(b);
    expect(ids(index.search('robpt'))).toEqual([a.id]);
    expect(ids(index.search('robo'))).toEqual([]);
    expect(ids(index.search('skolr'))).toEqual([a.id]);
    expect(ids(index.search('skst'))).toEqual([]);
    expect(ids(index.search('skat'))).toEqual([b.id]);
  });

  it('counts a transposition as one edit, and allows two edits from nine letters', () => {
    const index = createSearchIndex();
    const a = idea({ title: 'Hurtigere sagsbehandling med kunstig intelligens' });
    index.put(a);
    expect(ids(index.search('sagsbehnadling'))).toEqual([a.id]);
    expect(ids(index.search('intelligenz'))).toEqual([a.id]);
    expect(ids(index.search('intellgenz'))).toEqual([a.id]);
    expect(ids(index.search('kunstgi'))).toEqual([a.id]);
    expect(ids(index.search('intxllgenz'))).toEqual([]);
  });

  it('ranks the exact word above a word one typo away', () => {
    const index = createSearchIndex();
    const near = idea({ title: 'Bedre trafiks lys', createdAt: '2026-11-05T00:00:00.000Z' });
    const exact = idea({ title: 'Bedre trafik lys', createdAt: '2026-11-01T00:00:00.000Z' });
    const typo = idea({ title: 'Bedre tarfik lys', createdAt: '2026-11-09T00:00:00.000Z' });
    index.put(typo);
    index.put(exact);
    index.put(near);
    const found = ids(index.search('trafik'));
    expect(found.at(-1)).toBe(typo.id);
    expect(found).toHaveLength(3);
  });
});

describe('ranking', () => {
  it('ranks a title match above a body match', () => {
    const index = createSearchIndex();
    const inBody = idea({ title: 'Bedre service', body: 'Brug en robot i køkkenet.', createdAt: '2026-11-09T00:00:00.000Z' });
    const inTitle = idea({ title: 'Robot i køkkenet', body: 'Bedre service.', createdAt: '2026-11-01T00:00:00.000Z' });
    index.put(inBody);
    index.put(inTitle);
    expect(ids(index.search('robot'))).toEqual([inTitle.id, inBody.id]);
  });

  it('ranks a document with more of the words first, whatever the order they are typed in', () => {
    const index = createSearchIndex();
    const one = idea({ title: 'Robot robot robot', body: 'Robot og robot.' });
    const both = idea({ title: 'Robot i skolen', body: 'Til undervisning.' });
    index.put(one);
    index.put(both);
    expect(ids(index.search('robot skole'))[0]).toBe(both.id);
    expect(ids(index.search('skole robot'))[0]).toBe(both.id);
  });

  it('breaks a tie by recency, then by id', () => {
    const index = createSearchIndex();
    const old = idea({ id: 'B', title: 'Grøn energi', createdAt: '2026-01-01T00:00:00.000Z' });
    const recent = idea({ id: 'C', title: 'Grøn energi', createdAt: '2026-06-01T00:00:00.000Z' });
    const sameTimeLowerId = idea({ id: 'A', title: 'Grøn energi', createdAt: '2026-01-01T00:00:00.000Z' });
    index.put(old);
    index.put(recent);
    index.put(sameTimeLowerId);
    expect(ids(index.search('energi'))).toEqual(['C', 'A', 'B']);
  });

  it('applies the filter before ranking', () => {
    const index = createSearchIndex();
    const a = idea({ title: 'Robot', status: 'hidden' });
    const b = idea({ title: 'Robot hjælper' });
    index.put(a);
    index.put(b);
    expect(ids(index.search('robot', (d) => d.kind === 'idea' && d.status === 'published'))).toEqual([b.id]);
  });
});

describe('put and remove', () => {
  it('put replaces the document with the same id: old words are gone, new words found', () => {
    const index = createSearchIndex();
    const a = idea({ title: 'Cykelsti langs kysten' });
    index.put(a);
    index.put({ ...a, title: 'Solceller på taget' });
    expect(index.size).toBe(1);
    expect(index.search('cykelsti')).toEqual([]);
    expect(index.search('kysten')).toEqual([]);
    expect(ids(index.search('solceller'))).toEqual([a.id]);
    const stored = index.get(a.id);
    expect(stored?.kind === 'idea' ? stored.title : undefined).toBe('Solceller på taget');
  });

  it('remove takes the document and its words out', () => {
    const index = createSearchIndex();
    const a = idea({ title: 'Cykelsti langs kysten' });
    index.put(a);
    index.remove(a.id);
    index.remove('not-there');
    expect(index.size).toBe(0);
    expect(index.get(a.id)).toBeUndefined();
    expect(index.search('cykelsti')).toEqual([]);
    expect(index.search('cykelstu')).toEqual([]);
  });

  it('indexes a comment by its body', () => {
    const index = createSearchIndex();
    const c: CommentSearchDoc = { kind: 'comment', id: 'C1', processId: 'P1', ideaId: 'I1', body: 'Jeg er enig om robotten', status: 'visible', authorName: 'X', createdAt: '2026-11-01T00:00:00.000Z' };
    index.put(c);
    expect(ids(index.search('robot'))).toEqual(['C1']);
  });
});

describe('hostile input', () => {
  it('indexes a huge text and a word repeated thousands of times, and ranks by it sanely', () => {
    const index = createSearchIndex();
    const spam = idea({ title: 'robot '.repeat(500), body: `${'x'.repeat(1_000_000)} ${'ord '.repeat(50_000)}` });
    const plain = idea({ title: 'Et forslag', plainSummary: 'Om en robot' });
    index.put(spam);
    index.put(plain);
    const hits = index.search('robot');
    expect(ids(hits)).toEqual([spam.id, plain.id]);
    expect(hits.every((h) => Number.isFinite(h.score) && h.score > 0)).toBe(true);
    expect(ids(index.search('ord'))).toEqual([spam.id]);
    expect(index.search('x'.repeat(1_000_000))).toEqual([]);
  });

  it('treats markup and script as words of text', () => {
    const index = createSearchIndex();
    const a = idea({ title: '<script>alert("robot")</script>' });
    index.put(a);
    expect(ids(index.search('<script>'))).toEqual([a.id]);
    expect(ids(index.search('robot'))).toEqual([a.id]);
  });
});

describe('long texts', () => {
  it('corrects typos in the first eight words of a query only (a longer query is a text)', () => {
    const index = createSearchIndex();
    const a = idea({ title: 'Robotter i plejen' });
    index.put(a);
    const filler = 'alfa beta gamma delta epsilon zeta theta iota';
    expect(ids(index.search(`robottr ${filler}`))).toEqual([a.id]);
    expect(ids(index.search(`${filler} robottr`))).toEqual([]);
    expect(ids(index.search(`${filler} robotter`))).toEqual([a.id]);
  });
});
