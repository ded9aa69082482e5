import { aiActCategoryLabels, highRiskAreaLabels } from '#shared/rules/ai-lens';
import { effectWeightLabels, recommendationStatusLabels } from '#shared/rules/recommendations';
import type { AiLens } from '#shared/schemas/ai-lens';
import type { ExportDocument, ExportRecommendation } from '#shared/schemas/export';
import type { ExportIdea, RecommendationRecord } from '../ports';
import type { Names } from './document';
import type { Column, Table } from './sheets';

/**
 * The committee's recommendations as the export carries them (issue 16): effects by the process's
 * Danish names, the ideas each builds on with their votes, and the AI Act lens; then the same as a
 * table for the CSV's last block and the workbook's "Anbefalinger" sheet, with the lens in the same
 * four columns as the ideas'.
 */

/**
 * `counted`: each public idea's votes as the ranking counted them (distinct supporters, merges
 * included), so an idea shows the same figure in the idea table and under a recommendation.
 * `others`: the linked ideas outside the ranking (merged ones), read by id; they show their own count.
 * An idea that is neither public nor merged (hidden, rejected, withdrawn since it was linked, or held
 * after flags) is left out, as on the recommendation's public page; so is an id that no longer exists.
 */
export function toExportRecommendations(
  records: RecommendationRecord[],
  counted: Map<string, { idea: ExportIdea; votes: number }>,
  others: ExportIdea[],
  names: Pick<Names, 'effect'>,
): ExportRecommendation[] {
  const outside = new Map(others.filter((i) => i.status === 'merged' && !i.held).map((i) => [i.id, { idea: i, votes: i.voteCount ?? 0 }]));
  return records.map((r) => ({
    id: r.id,
    title: r.title,
    rationale: r.rationale,
    status: r.status,
    effects: Object.fromEntries(Object.entries(r.effects).map(([id, weight]) => [names.effect(id), weight])),
    ideas: r.ideaIds.flatMap((id) => {
      const found = counted.get(id) ?? outside.get(id);
      return found ? [{ id, title: found.idea.title, votes: found.votes }] : [];
    }),
    ...(r.aiLens ? { aiLens: r.aiLens } : {}),
  }));
}

/** The ideas a recommendation links that the ranking did not count (to be read by id). */
export const linkedOutside = (records: RecommendationRecord[], counted: Map<string, unknown>): string[] =>
  [...new Set(records.flatMap((r) => r.ideaIds))].filter((id) => !counted.has(id));

/** The lens's four columns, shared by the idea table and the recommendations' (the headers the committee asked for). */
export const lensColumns: Column[] = [
  { header: 'AI-forordning', kind: 'text', width: 40, wrap: true },
  { header: 'DPIA nødvendig', kind: 'text', width: 12 },
  { header: 'Berører digitalt udfordrede', kind: 'text', width: 14 },
  { header: 'Dataetiske bemærkninger', kind: 'text', width: 50, wrap: true },
];

/** Empty cells when not assessed; "Ja"/"Nej" only for a flag someone answered. */
export function lensCells(lens: AiLens | undefined): string[] {
  const yesNo = (flag: boolean | undefined) => (flag === undefined ? '' : flag ? 'Ja' : 'Nej');
  const category = lens?.aiActCategory ? aiActCategoryLabels[lens.aiActCategory].da : '';
  const area = lens?.aiActCategory === 'high-risk' && lens.highRiskArea ? `: ${highRiskAreaLabels[lens.highRiskArea].da}` : '';
  return [category + area, yesNo(lens?.dpiaNeeded), yesNo(lens?.digitalExclusion), lens?.ethicsNote ?? ''];
}

const recommendationColumns: Column[] = [
  { header: 'Anbefaling', kind: 'text', width: 40, wrap: true },
  { header: 'Id', kind: 'text', width: 29 },
  { header: 'Status', kind: 'text', width: 24 },
  { header: 'Begrundelse', kind: 'text', width: 60, wrap: true },
  { header: 'Forventede effekter', kind: 'text', width: 36, wrap: true },
  { header: 'Bygger på idéerne', kind: 'text', width: 50, wrap: true },
  ...lensColumns,
];

export function recommendationTable(doc: Pick<ExportDocument, 'recommendations'>): Table {
  return {
    columns: recommendationColumns,
    rows: doc.recommendations.map((r) => [
      r.title,
      r.id,
      recommendationStatusLabels[r.status].da,
      r.rationale,
      // As the frozen annex words them: only the effects expected (weight above 0), the weight in words and of 3.
      Object.entries(r.effects)
        .filter(([, w]) => w > 0)
        .map(([name, w]) => `${name}: ${effectWeightLabels[w]?.da ?? w} (${w} af 3)`)
        .join('; '),
      r.ideas.map((i) => `${i.title} (${i.votes} ${i.votes === 1 ? 'stemme' : 'stemmer'})`).join('; '),
      ...lensCells(r.aiLens),
    ]),
  };
}
