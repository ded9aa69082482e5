import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '#functions/domain/export/csv';
import { exportTable, summarySheet } from '#functions/domain/export/sheets';
import { ideaMail } from '#functions/domain/notifications';
import { auditActions } from '#shared/rules/audit';
import { auditActionLabels, beneficiaryLabels, inSentence, statusLabels } from '#shared/rules/labels';
import { beneficiaries, ideaStatuses, publicStatuses } from '#shared/rules/values';
import type { ExportRow, ExportSummary } from '#shared/schemas/export';
import da from '../../frontend/src/locales/da';
import en from '../../frontend/src/locales/en';
import workspaceDa from '../../frontend/src/locales/workspace/da';
import workspaceEn from '../../frontend/src/locales/workspace/en';
import { beneficiaryText, statusText } from '../../frontend/src/lib/labels';
import { actionText } from '../../frontend/src/lib/workspaceI18n';
import { setLocale } from '../../frontend/src/modules/i18n';
import { anIdea } from '../fakes/records';

/**
 * One vocabulary: a status, a beneficiary and an audit action have one name, the same in the SPA,
 * in the author's mail, in the CSV/XLSX export and in the annex's figures (shared/rules/labels.ts).
 */

const row = (overrides: Partial<ExportRow> = {}): ExportRow => ({
  rank: 1,
  id: '01JD0000000000000000000001',
  title: 'Chatbot',
  area: 'Borgerservice og administration',
  effects: ['Effektivitet'],
  beneficiaries: ['citizens'],
  status: 'published',
  officialAnswer: '',
  votes: 3,
  votesByType: { citizen: 3, business: 0, employee: 0 },
  comments: 0,
  createdAt: '2026-11-28T10:00:00.000Z',
  link: 'https://deltag.example.dk/ideer/01JD0000000000000000000001',
  ...overrides,
});
const statusColumn = exportTable({ rows: [] }).columns.findIndex((c) => c.header === 'Status');
const beneficiaryColumn = exportTable({ rows: [] }).columns.findIndex((c) => c.header === 'Hvem gavner det');

beforeAll(async () => {
  await setLocale('da', false);
});
afterAll(async () => {
  await setLocale('da', false);
});

describe('one name per status', () => {
  it.each(publicStatuses)('%s: the SPA, the mail and the CSV say the same', (status) => {
    const label = statusLabels[status].da;

    const mail = ideaMail(anIdea('01JD0000000000000000000001'), { action: 'set-status', status }, 'https://deltag.example.dk')!;
    const csv = toCsv(exportTable({ rows: [row({ status })] }));
    const cell = exportTable({ rows: [row({ status })] }).rows[0]![statusColumn];

    expect(statusText(status)).toBe(label);
    expect(mail.subject).toBe(`Ny status for din idé: ${label}`);
    expect(mail.text).toContain(`har nu status ${inSentence(label)}.`);
    expect(cell).toBe(label);
    expect(csv).toContain(`;${label};`);
  });

  it('has an English name for every status in the SPA, and the catalogues hold no second copy', async () => {
    const leaves = (messages: object): string[] => Object.values(messages).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v as object)));
    const catalogue = [...leaves(da), ...leaves(workspaceDa)];
    const catalogueEn = [...leaves(en), ...leaves(workspaceEn)];
    for (const status of ideaStatuses) {
      expect(catalogue, status).not.toContain(statusLabels[status].da);
      expect(catalogueEn, status).not.toContain(statusLabels[status].en);
    }

    await setLocale('en', false);
    expect(ideaStatuses.map(statusText)).toEqual(ideaStatuses.map((s) => statusLabels[s].en));
    await setLocale('da', false);
  });

  it('names the statuses in the overview sheet as the table does', () => {
    const summary = summarySheet({ ideasByStatus: {}, ideasByArea: {}, votesByArea: {}, moderation: {}, participants: { citizen: 0, business: 0, employee: 0 }, votesByType: { citizen: 0, business: 0, employee: 0 } } as unknown as ExportSummary);
    for (const status of publicStatuses) expect(summary.map((r) => r[0])).toContain(`Idéer, ${statusLabels[status].da}`);
  });
});

describe('one name per beneficiary and audit action', () => {
  it('gives each beneficiary the same words in the SPA and the export, capitalised as a value standing alone', () => {
    const cell = exportTable({ rows: [row({ beneficiaries: [...beneficiaries] })] }).rows[0]![beneficiaryColumn];

    expect(cell).toBe(beneficiaries.map((b) => beneficiaryLabels[b].da).join(', '));
    for (const b of beneficiaries) {
      expect(beneficiaryText(b)).toBe(beneficiaryLabels[b].da);
      expect(beneficiaryLabels[b].da[0]).toBe(beneficiaryLabels[b].da[0]!.toLocaleUpperCase('da'));
    }
  });

  it('names each audit action the same in the audit log, the annex and the export overview', () => {
    const moderation = Object.fromEntries(auditActions.map((a) => [a, 1]));
    const summary = summarySheet({ ideasByStatus: {}, ideasByArea: {}, votesByArea: {}, moderation, participants: { citizen: 0, business: 0, employee: 0 }, votesByType: { citizen: 0, business: 0, employee: 0 } } as unknown as ExportSummary);

    for (const action of auditActions) {
      expect(actionText(action)).toBe(auditActionLabels[action].da);
      expect(summary.map((r) => r[0])).toContain(`Moderationsbeslutninger, ${auditActionLabels[action].da}`);
    }
  });
});
