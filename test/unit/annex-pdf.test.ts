import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { ExportDocument } from '#shared/schemas/export';
import { renderAnnexPdf } from '#functions/domain/export/annex-pdf';
import { wrap } from '#functions/domain/export/pdf-layout';
import { pdfText } from '../helpers/pdf-text';

const none = { web: 0, 'assisted-in-person': 0, 'assisted-phone': 0, paper: 0, event: 0 };
const row = (rank: number, title: string, extra: Partial<ExportDocument['rows'][number]> = {}): ExportDocument['rows'][number] => ({
  rank,
  id: `01JD${String(rank).padStart(22, '0')}`,
  title,
  area: 'Ældreområdet',
  effects: ['Bedre service'],
  beneficiaries: ['citizens'],
  status: 'published',
  officialAnswer: '',
  votes: 10 - rank,
  votesByType: { citizen: 10 - rank, business: 0, employee: 0 },
  comments: rank,
  createdAt: '2026-11-01T10:00:00.000Z',
  link: 'https://deltag.example/x',
  ...extra,
});

function documentWith(rows: ExportDocument['rows'], recommendations: ExportDocument['recommendations'] = []): ExportDocument {
  return {
    processId: 'ai-2026',
    processTitle: 'Kunstig intelligens i Gentofte – forår 2026',
    generatedAt: '2026-12-01T10:29:00.000Z',
    rule: 'Top 20 efter antal stemmer blandt idéer med status offentliggjort. Hver person tæller én gang pr. idé.',
    automatedProcessing: 'Ingen automatisk behandling har rangeret idéerne.',
    summary: {
      ideas: rows.length,
      ideasByArea: {},
      ideasByStatus: {},
      participants: { citizen: 7, business: 1, employee: 2 },
      votes: 30,
      votesByType: { citizen: 25, business: 2, employee: 3 },
      votesByArea: {},
      comments: 4,
      moderation: { publish: 3 },
      pending: 1,
      flagged: 0,
      channels: { ideas: { ...none, web: 3, paper: 1 }, comments: none, surveyAnswers: none },
    },
    rows,
    recommendations,
  } as ExportDocument;
}

const stamp = { journalNumber: '00.01.00-P20-1-26', version: 2, frozenAt: '2026-12-02T08:15:00.000Z' };
const text = async (bytes: Uint8Array) => (await pdfText(bytes)).flat().join('\n');

describe('renderAnnexPdf', () => {
  it('writes a PDF that re-opens, with header and trailer, A4 landscape pages and the freeze as its dates', async () => {
    const bytes = await renderAnnexPdf(documentWith([row(1, 'Chatbot til borgerservice')]), stamp);
    expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(Buffer.from(bytes.slice(-6)).toString('latin1')).toMatch(/%%EOF\s*$/);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const { width, height } = doc.getPage(0).getSize();
    expect(Math.round(width)).toBe(842);
    expect(Math.round(height)).toBe(595);
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-12-02T08:15:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-12-02T08:15:00.000Z');
    expect(doc.getTitle()).toBe('Udvalgsbilag – Kunstig intelligens i Gentofte – forår 2026');
  });

  it('holds the sections in the annex page order, with Danish letters intact and the footer on each page', async () => {
    const lens = { aiActCategory: 'high-risk' as const, highRiskArea: 'essential-services' as const, dpiaNeeded: true };
    const bytes = await renderAnnexPdf(
      documentWith([row(1, 'Ældre får hjælp på øen med åbne data', { aiLens: lens })], [
        {
          id: '01JD0000000000000000000099',
          title: 'Brug AI til journalisering',
          rationale: 'Sagsbehandlerne bruger for meget tid på at journalisere.',
          status: 'adopted',
          effects: { Effektivitet: 3, Kvalitet: 0 },
          ideas: [{ id: '01JD0000000000000000000001', title: 'Ældre får hjælp på øen med åbne data', votes: 9 }],
        },
      ]),
      stamp,
    );
    const all = await text(bytes);
    const order = ['Gentofte Kommune · Kunstig intelligens i Gentofte – forår 2026', 'Udvalgsbilag', 'Rangordning', 'Automatisk behandling', 'De mest støttede idéer', 'Nøgletal for hele forløbet', 'Hvordan bidragene kom ind', 'Udvalgets anbefalinger', 'Hvad mærkerne om AI og dataetik betyder'];
    const at = order.map((s) => all.indexOf(s));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(all).toContain('Ældre får hjælp på øen med åbne data');
    expect(all).toContain('Højrisiko efter AI-forordningen (bilag III): Adgang til offentlige ydelser og vigtige tjenester');
    expect(all).toContain('Vedtaget af det politiske udvalg');
    expect(all).toContain('Effektivitet: Stor (3 af 3)');
    expect(all).not.toContain('Kvalitet:');
    expect(all).toContain('Udarbejdet 01-12-2026 11:29');
    // The channels: 3 of the 4 ideas came in on the web, 1 on paper.
    expect(all).toMatch(/75 %\n/);
    expect(all).toMatch(/25 %\n/);
    // The explanation of the DPIA tag, in plain Danish (wrapped over lines, so its opening words).
    expect(all).toContain('Brugen behandler personoplysninger');
    const pages = await pdfText(bytes);
    for (const [i, lines] of pages.entries()) {
      expect(lines).toContain('Journalnr. 00.01.00-P20-1-26 · Version 2 · Låst 02-12-2026 09:15');
      expect(lines).toContain(`${i + 1} / ${pages.length}`);
    }
  });

  it('draws an emoji or other script as "?" instead of failing', async () => {
    const bytes = await renderAnnexPdf(documentWith([row(1, 'Robotter 🤖 i 日本 og på plejehjem 👍🏽')]), stamp);
    expect(await text(bytes)).toContain('Robotter ? i ?? og på plejehjem ??');
  });

  it('breaks a long table over pages with the header repeated, and wraps a long word', async () => {
    const long = 'Arbejdsmiljøorganisationssamarbejdsudvalgsmødereferatskabelon'.repeat(3);
    const rows = Array.from({ length: 60 }, (_, i) => row(i + 1, i === 0 ? long : `Idé nummer ${i + 1} om noget, der gør hverdagen lettere for borgerne i kommunen`));
    const pages = await pdfText(await renderAnnexPdf(documentWith(rows), stamp));
    expect(pages.length).toBeGreaterThan(2);
    const withHeader = pages.filter((lines) => lines.includes('Idé') && lines.includes('Kommentarer'));
    expect(withHeader.length).toBeGreaterThan(1);
    const all = pages.flat().join('');
    expect(all).toContain('Idé nummer 60');
    expect(all.replace(/\s/g, '')).toContain(long);
  });

  it('renders the same bytes for the same document and stamp', async () => {
    const doc = documentWith([row(1, 'Samme idé')]);
    const a = await renderAnnexPdf(doc, stamp);
    const b = await renderAnnexPdf(doc, stamp);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('says so when no idea fits and no recommendation is written yet', async () => {
    const all = await text(await renderAnnexPdf(documentWith([]), stamp));
    expect(all).toContain('Ingen idéer passer til valget.');
    expect(all).toContain('Udvalget har ikke skrevet anbefalinger endnu.');
    expect(all).not.toContain('Hvad mærkerne om AI og dataetik betyder');
  });
});

describe('wrap', () => {
  it('keeps every line within the width and loses no character, also of a 2,000-character word', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const text = `Kort start ${'æøå'.repeat(700)} og en helt almindelig slutning på sætningen`;
    const lines = wrap(font, 10, text, 200);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(200);
    expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
  });
});
