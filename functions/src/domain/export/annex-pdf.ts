import { PDFDocument } from 'pdf-lib';
import { lensTags, type AiLensValue } from '#shared/rules/ai-lens';
import { channelShares, percentText } from '#shared/rules/channel-shares';
import { channelLabels } from '#shared/rules/labels';
import { effectWeightLabels, recommendationStatusLabels } from '#shared/rules/recommendations';
import type { ExportDocument, ExportRecommendation } from '#shared/schemas/export';
import { localDateTime } from '../../lib/copenhagen-time';
import { actionName, statusName } from './labels';
import { embedFonts, PdfWriter, TEXT_WIDTH, type Column } from './pdf-layout';

/**
 * The committee annex (udvalgsbilag) as a PDF, for freezing: the same sections in the same order as
 * the annex page prints them (pages/workspace/AnnexPage.vue with styles/print.css): organisation and
 * process, title, subtitle, the date it was made, the ranking rule, the statement on automated
 * processing, the ranked ideas with their AI lens, the figures for the whole process, the channels,
 * then the committee's recommendations and what each lens tag used means. A footer on every page
 * names the journal number, the version and when it was frozen, so a printed page says which
 * archived version it belongs to. Danish throughout: the annex goes to a Danish political committee.
 *
 * The bytes are a function of the document and the stamp alone (the PDF's dates are the freeze's
 * time, not the clock's), so the same input renders the same file and its SHA-256 means something.
 */

export interface AnnexStamp {
  journalNumber: string;
  version: number;
  /** ISO time of the freeze: the PDF's creation date and the footer's "Låst". */
  frozenAt: string;
}

/** A one-line row of a 9 pt table, with its padding. */
const TABLE_ROW = 9 * 1.4 + 8;
const ORGANISATION = 'Gentofte Kommune';
const words = {
  title: 'Udvalgsbilag',
  subtitle: 'Idéer fra borgere, virksomheder og medarbejdere',
  rule: 'Rangordning',
  automated: 'Automatisk behandling',
  ranking: 'De mest støttede idéer',
  empty: 'Ingen idéer passer til valget.',
  figures: 'Nøgletal for hele forløbet',
  channels: 'Hvordan bidragene kom ind',
  channelsIntro: 'Her kan du se, hvor mange bidrag der kom ind på nettet, og hvor mange Borgerservice eller et papirskema tog imod.',
  recommendations: 'Udvalgets anbefalinger',
  noRecommendations: 'Udvalget har ikke skrevet anbefalinger endnu.',
  lens: 'Hvad mærkerne om AI og dataetik betyder',
  lensIntro: 'Moderatorer og udvalget har givet idéer og anbefalinger mærker efter AI-forordningen og dataetik. Her står, hvad hvert mærke betyder, og hvad der følger af det.',
  notAssessed: 'Ikke vurderet',
};

/** Render the annex. `doc` is buildExport's document for the annex's filters (top, area). */
export async function renderAnnexPdf(doc: ExportDocument, stamp: AnnexStamp): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const frozen = new Date(stamp.frozenAt);
  const title = `${words.title} – ${doc.processTitle}`;
  pdf.setTitle(title, { showInWindowTitleBar: true });
  pdf.setSubject(`Journalnr. ${stamp.journalNumber}, version ${stamp.version}`);
  pdf.setLanguage('da-DK');
  pdf.setAuthor(ORGANISATION);
  pdf.setCreator('Deltag');
  pdf.setProducer('Deltag (pdf-lib)');
  pdf.setCreationDate(frozen);
  pdf.setModificationDate(frozen);

  const w = new PdfWriter(pdf, await embedFonts(pdf));
  w.text(`${ORGANISATION} · ${doc.processTitle}`, { size: 10, after: 4 });
  w.text(words.title, { size: 20, bold: true, after: 4 });
  w.text(words.subtitle, { size: 12, after: 2 });
  w.text(`Udarbejdet ${localDateTime(new Date(doc.generatedAt))}`, { after: 6 });

  w.heading(words.rule, 13);
  w.text(doc.rule);
  w.heading(words.automated, 13);
  w.text(doc.automatedProcessing);

  w.heading(words.ranking, 13);
  if (doc.rows.length === 0) w.text(words.empty);
  else w.table(rankingColumns(), doc.rows.map((r) => [String(r.rank), r.title, r.area, statusName(r.status), String(r.votes), String(r.comments), lensText(r.aiLens)]));

  figures(w, doc.summary);
  channels(w, doc.summary.channels);
  recommendations(w, doc.recommendations);
  lensExplained(w, [...doc.rows.map((r) => r.aiLens), ...doc.recommendations.map((r) => r.aiLens)]);

  w.footers(`Journalnr. ${stamp.journalNumber} · Version ${stamp.version} · Låst ${localDateTime(frozen)}`);
  return pdf.save({ useObjectStreams: false });
}

/** Column widths as shares of the line: the title gets about a third, as on the printed page. */
function rankingColumns(): Column[] {
  const share = (n: number) => TEXT_WIDTH * n;
  return [
    { header: 'Nr.', width: share(0.045), numeric: true },
    { header: 'Idé', width: share(0.3) },
    // Wide enough for "Arbejdsmiljøorganisationen" whole at 9 pt.
    { header: 'Område', width: share(0.17) },
    { header: 'Status', width: share(0.11) },
    { header: 'Stemmer', width: share(0.07), numeric: true },
    { header: 'Kommentarer', width: share(0.095), numeric: true },
    { header: 'AI og dataetik', width: share(0.21) },
  ];
}

const lensText = (lens: AiLensValue | undefined) => {
  const tags = lensTags(lens).map((t) => t.label.da);
  return tags.length ? tags.join('; ') : lens?.ethicsNote ? '' : words.notAssessed;
};

function figures(w: PdfWriter, s: ExportDocument['summary']): void {
  w.heading(words.figures, 13);
  const moderation = Object.entries(s.moderation).sort(([a], [b]) => a.localeCompare(b));
  w.pairs([
    ['Idéer', String(s.ideas)],
    ['Deltagere i alt', String(s.participants.citizen + s.participants.business + s.participants.employee)],
    ['Borgere', String(s.participants.citizen)],
    ['Virksomheder', String(s.participants.business)],
    ['Medarbejdere', String(s.participants.employee)],
    ['Stemmer', String(s.votes)],
    ['Kommentarer', String(s.comments)],
    ...moderation.map(([action, n]): [string, string] => [`Beslutninger: ${actionName(action)}`, String(n)]),
    [statusName('pending'), String(s.pending)],
    ['Anmeldt og venter på moderator', String(s.flagged)],
  ]);
}

function channels(w: PdfWriter, shares: ExportDocument['summary']['channels']): void {
  w.heading(words.channels, 13);
  w.text(words.channelsIntro, { after: 4 });
  const kinds = [
    ['Idéer', shares.ideas],
    ['Kommentarer', shares.comments],
    ['Svar på spørgeskemaet', shares.surveyAnswers],
  ] as const;
  for (const [caption, counts] of kinds) {
    const rows = channelShares(counts);
    const total = rows.reduce((sum, r) => sum + r.count, 0);
    // The caption, header and rows on one page: a short table is read as a whole.
    w.ensure((rows.length + 3) * TABLE_ROW);
    w.text(caption, { bold: true, after: 2 });
    if (total === 0) {
      w.text('Ingen endnu.', { after: 4 });
      continue;
    }
    const columns: Column[] = [
      { header: 'Kanal', width: TEXT_WIDTH * 0.3 },
      { header: 'Antal', width: TEXT_WIDTH * 0.1, numeric: true },
      { header: 'Andel', width: TEXT_WIDTH * 0.1, numeric: true },
    ];
    w.table(columns, [...rows.map((r) => [channelLabels[r.channel].da, String(r.count), percentText(r.share, 'da')]), ['I alt', String(total), percentText(1, 'da')]]);
    w.space(6);
  }
}

function recommendations(w: PdfWriter, items: ExportRecommendation[]): void {
  w.heading(words.recommendations, 13);
  if (items.length === 0) {
    w.text(words.noRecommendations);
    return;
  }
  items.forEach((r, i) => {
    w.heading(`${i + 1}. ${r.title}`, 11);
    w.text(`Status: ${recommendationStatusLabels[r.status].da}`, { after: 2 });
    w.text(r.rationale, { after: 4 });
    const effects = Object.entries(r.effects).filter(([, weight]) => weight > 0);
    if (effects.length) {
      w.text('Forventede effekter', { bold: true });
      for (const [effect, weight] of effects) w.text(`${effect}: ${effectWeightLabels[weight]?.da ?? weight} (${weight} af 3)`, { indent: 12 });
      w.space(2);
    }
    if (r.ideas.length) {
      w.text('Bygger på idéerne', { bold: true });
      for (const idea of r.ideas) w.text(`${idea.title} (${idea.votes} ${idea.votes === 1 ? 'stemme' : 'stemmer'})`, { indent: 12 });
      w.space(2);
    }
    w.text(`AI og dataetik: ${lensText(r.aiLens) || words.notAssessed}`);
    if (r.aiLens?.ethicsNote) w.text(`Dataetiske bemærkninger: ${r.aiLens.ethicsNote}`);
    w.space(6);
  });
}

/** Each tag used anywhere in the annex, once, with its plain-Danish explanation. */
function lensExplained(w: PdfWriter, lenses: (AiLensValue | undefined)[]): void {
  const used = new Map<string, { label: string; explain: string }>();
  for (const tag of lenses.flatMap((l) => lensTags(l))) {
    if (!used.has(tag.label.da)) used.set(tag.label.da, { label: tag.label.da, explain: tag.explain.da });
  }
  if (used.size === 0) return;
  w.heading(words.lens, 13);
  w.text(words.lensIntro, { after: 4 });
  for (const tag of used.values()) {
    w.text(tag.label, { bold: true });
    w.text(tag.explain, { after: 4 });
  }
}
