import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IdeaSearchDoc } from '#functions/domain/ports/search';
import { createSearchIndex } from '#functions/domain/search/engine';
import type { Segment } from '#shared/schemas/highlight';

/** Highlights are plain-text segments that put together give the source back, hits marked. */

function idea(over: Partial<IdeaSearchDoc> = {}): IdeaSearchDoc {
  return {
    kind: 'idea', id: 'I1', processId: 'P1', title: 'En idé', body: 'Tekst.', area: 'andet', status: 'published',
    held: false, authorName: 'Borger', authorType: 'citizen', createdAt: '2026-11-01T10:00:00.000Z', ...over,
  };
}
const join = (segments: Segment[]): string => segments.map((s) => s.text).join('');
const hits = (segments: Segment[]): string[] => segments.filter((s) => s.hit).map((s) => s.text);

const LONG_BODY =
  'Gentofte Kommune har mange opgaver, og borgerne skriver hver dag til kommunen om alt fra affald til byggesager. ' +
  'Mange henvendelser ligner hinanden, og svarene findes allerede på hjemmesiden, men de er svære at finde. ' +
  'Derfor foreslår jeg en chatbot på kommunens hjemmeside, der kan svare på de mest almindelige spørgsmål om affald, ' +
  'parkering og byggetilladelser døgnet rundt. Den skal altid sige tydeligt, at den er en maskine, og give borgeren ' +
  'mulighed for at tale med en medarbejder. Svarene skal kunne læses højt for dem, der ser dårligt.';

describe('highlight', () => {
  it('marks the matching words of the title, by stem, folding and typo', () => {
    const index = createSearchIndex();
    const doc = idea({ title: 'Chatbotten hjælper ældre borgere med sagsbehandling' });
    index.put(doc);
    const { title } = index.highlight(doc, 'chatbot aeldre sagsbehandlng');
    expect(join(title)).toBe(doc.title);
    expect(hits(title)).toEqual(['Chatbotten', 'ældre', 'sagsbehandling']);
  });

  it('cuts a snippet of the body around the first hit, between words, with … at the cut ends', () => {
    const index = createSearchIndex();
    const doc = idea({ title: 'Svar døgnet rundt', body: LONG_BODY });
    index.put(doc);
    const { snippet } = index.highlight(doc, 'parkering');
    const text = join(snippet);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    const inner = text.slice(1, -1);
    expect(LONG_BODY.includes(inner)).toBe(true);
    expect(inner.length).toBeGreaterThanOrEqual(150);
    expect(inner.length).toBeLessThanOrEqual(220);
    const from = LONG_BODY.indexOf(inner);
    expect(LONG_BODY.charAt(from - 1)).toBe(' ');
    expect(LONG_BODY.charAt(from + inner.length)).toMatch(/\s/);
    expect(hits(snippet)).toEqual(['parkering']);
  });

  it('shows a short body whole, and the excerpt when the text has no hit', () => {
    const index = createSearchIndex();
    const doc = idea({ title: 'Robot i køkkenet', body: 'Kort tekst.' });
    expect(join(index.highlight(doc, 'robot').snippet)).toBe('Kort tekst.');
    expect(join(index.highlight(doc, 'robot', 'Et uddrag').snippet)).toBe('Et uddrag');
    expect(hits(index.highlight(doc, 'robot').title)).toEqual(['Robot']);
  });

  it('keeps HTML as text: the segments are the characters of the title', () => {
    const index = createSearchIndex();
    const doc = idea({ title: '<b>robot</b> <script>alert(1)</script>', body: '<img src=x onerror=alert(1)> robot' });
    index.put(doc);
    const { title, snippet } = index.highlight(doc, 'robot');
    expect(join(title)).toBe(doc.title);
    expect(join(snippet)).toBe(doc.body);
    expect(hits(title)).toEqual(['robot']);
  });

  it('takes the snippet from the plain summary when only it matches', () => {
    const index = createSearchIndex();
    const doc = idea({ title: 'Tidsbestilling', body: 'Ring og bestil tid.', plainSummary: 'En telefonrobot tager telefonen.' });
    expect(join(index.highlight(doc, 'telefonrobot').snippet)).toBe(doc.plainSummary);
    expect(hits(index.highlight(doc, 'telefonrobot').snippet)).toEqual(['telefonrobot']);
  });

  it('gives a comment no title, and its body as the snippet', () => {
    const index = createSearchIndex();
    const comment = { kind: 'comment' as const, id: 'C1', processId: 'P1', ideaId: 'I1', body: 'Enig, robotten er god', status: 'visible', authorName: 'X', createdAt: '2026-11-01T00:00:00.000Z' };
    const { title, snippet } = index.highlight(comment, 'robot');
    expect(title).toEqual([]);
    expect(hits(snippet)).toEqual(['robotten']);
  });

  it('cuts a long excerpt too, and never splits an emoji', () => {
    const index = createSearchIndex();
    const doc = idea({ body: 'Kort.' });
    const excerpt = '😀'.repeat(300);
    const text = join(index.highlight(doc, 'robot', excerpt).snippet);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(222);
    expect(/[\uD800-\uDBFF]$/.test(text.slice(0, -1))).toBe(false);
  });

  it('puts any text back together exactly from its segments, whatever the query', () => {
    const index = createSearchIndex();
    const word = fc.constantFrom('robot', 'Robotten', 'ældre', 'aeldre', 'skole', 'skoler', '<b>', 'og', 'AI', '😀', 'x', '2027', 'é');
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '  ', '\n', ', ', '.', '')), { maxLength: 120 }).map((parts) => parts.map(([w, sep]) => w + sep).join(''));
    fc.assert(
      fc.property(text, text, fc.constantFrom('robot', 'aeldre skole', 'ai', 'robott', '<b>'), (title, body, query) => {
        const { title: t, snippet } = index.highlight(idea({ title, body }), query);
        expect(join(t)).toBe(title);
        const joined = join(snippet);
        const inner = joined.replace(/^…/, '').replace(/…$/, '');
        expect(body.includes(inner)).toBe(true);
        // Uncut ends are the body's own ends.
        if (!joined.startsWith('…')) expect(body.startsWith(inner)).toBe(true);
        if (!joined.endsWith('…')) expect(body.endsWith(inner)).toBe(true);
        expect(t.every((s) => s.text.length > 0) && snippet.every((s) => s.text.length > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
