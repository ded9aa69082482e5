import axe from 'axe-core';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExportRecommendation, ExportRow } from '#shared/schemas/export';
import type { AnnexVersion } from '../../frontend/src/api/recommendationsWorkspace';
import AnnexFreezePanel from '../../frontend/src/components/workspace/recommendations/AnnexFreezePanel.vue';
import AnnexRecommendations from '../../frontend/src/components/workspace/recommendations/AnnexRecommendations.vue';
import WorkspaceAnnexRanking from '../../frontend/src/components/workspace/WorkspaceAnnexRanking.vue';
import { setLocale } from '../../frontend/src/modules/i18n';
import { profile, setProfile } from '../../frontend/src/modules/session';
import { buttonNamed, json, mountInApp, problem, stubApi, text } from './app';

/**
 * The annex's parts of issue 16 against a fake API: each ranked idea's lens tags, the committee's
 * recommendations (status, weighted effects in words, ideas with votes, lens explained), and freezing
 * the annex (the journal number checked first, in Danish; the version listed with its full hash;
 * the PDF fetched with the token). Axe 0 in Danish and English.
 */
vi.setConfig({ testTimeout: 60_000 });
afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  profile.value = undefined;
});
const violations = async () => (await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } })).violations.map((v) => v.id);

const row: ExportRow = {
  rank: 1,
  id: '01JD0000000000000000000001',
  title: 'Chatbot på borger.dk',
  area: 'Borgerservice',
  effects: ['Hastighed'],
  beneficiaries: ['citizens'],
  status: 'selected',
  officialAnswer: '',
  votes: 12,
  votesByType: { citizen: 10, business: 1, employee: 1 },
  comments: 3,
  createdAt: '2026-11-27T10:00:00.000Z',
  link: 'https://deltag.example/forloeb/x/ideer/1',
  aiLens: { aiActCategory: 'transparency', digitalExclusion: true },
};
const rec: ExportRecommendation = {
  id: '01JREC0000000000000000000A',
  title: 'AI-hjælp til journalnotater',
  rationale: 'Medarbejderne bruger meget tid på notater.',
  status: 'adopted',
  effects: { Kvalitet: 2, Hastighed: 3 },
  ideas: [{ id: row.id, title: row.title, votes: 12 }],
  aiLens: { aiActCategory: 'high-risk', highRiskArea: 'employment', dpiaNeeded: true },
};
const hash = 'ab'.repeat(32);
const version: AnnexVersion = {
  processId: 'ai-i-gentofte',
  version: 1,
  frozenAt: '2026-12-02T10:00:00.000Z',
  frozenByName: 'Udvalgets sekretær',
  journalNumber: '00.01.00-P20-1-26',
  sha256: hash,
  bytes: 48_000,
  filename: 'udvalgsbilag-v1.pdf',
};

describe('the annex', () => {
  it("shows each idea's lens tags and the committee's recommendations with weights in words", async () => {
    stubApi(() => problem(404, 'Ikke fundet'));
    await mountInApp({ components: { WorkspaceAnnexRanking, AnnexRecommendations }, template: '<div><WorkspaceAnnexRanking :rows="rows" /><AnnexRecommendations :recommendations="recs" /></div>', data: () => ({ rows: [row], recs: [rec] }) });
    expect(text(document.querySelector('[data-testid="annex-lens"]')!)).toContain('Krav om åbenhed efter AI-forordningen');
    expect(text(document.querySelector('[data-testid="annex-lens"]')!)).toContain('Berører borgere, der har svært ved det digitale');
    const r = document.querySelector('[data-testid="annex-recommendation"]')!;
    expect(text(r)).toContain('Vedtaget af det politiske udvalg');
    expect(text(r)).toMatch(/Hastighed\s*Stor \(3\)/);
    expect(text(r)).toContain('Chatbot på borger.dk (12 stemmer)');
    expect(text(r)).toContain('Højrisiko efter AI-forordningen (bilag III): Beskæftigelse og ansatte');
    expect(text(r)).toContain('menneskeligt tilsyn');
    expect(await violations()).toEqual([]);
  });
});

describe('freezing the annex', () => {
  it('checks the journal number first, freezes with the page settings, lists the version with its full hash, and fetches the PDF with the token', async () => {
    setProfile({ userId: 'u-c', displayName: 'Sekretær', participantType: 'employee', roles: ['committee'], createdAt: '', updatedAt: '' });
    const sent: { method: string; path: string; body?: unknown; auth?: string | null }[] = [];
    stubApi((url, init) => {
      sent.push({ method: init?.method ?? 'GET', path: url.pathname, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (url.pathname.endsWith('/annex/versions') && init?.method === 'POST') return json(version, 201);
      if (url.pathname.endsWith('/annex/versions')) return json({ items: [] });
      if (url.pathname.endsWith('/versions/1/pdf')) return new Response(new Blob(['%PDF-1.7']), { status: 200, headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="udvalgsbilag-v1.pdf"' } });
      return problem(404, 'Ikke fundet');
    });
    const saved = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    await mountInApp(AnnexFreezePanel, { props: { processId: 'ai-i-gentofte', top: 10, area: 'borgerservice' } });
    expect(text(document.body)).toContain('Bilaget er ikke låst endnu.');

    const field = document.getElementById('annex-journal') as HTMLInputElement;
    field.value = '#';
    field.dispatchEvent(new Event('input'));
    buttonNamed(document.body, 'Lås bilaget')!.click();
    await flushPromises();
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(0);
    expect(document.getElementById('annex-journal-error')?.textContent).toContain('Skriv journalnummeret');
    expect(document.activeElement).toBe(field);

    field.value = '00.01.00-P20-1-26';
    field.dispatchEvent(new Event('input'));
    buttonNamed(document.body, 'Lås bilaget')!.click();
    await flushPromises();
    expect(sent.find((s) => s.method === 'POST')!.body).toEqual({ journalNumber: '00.01.00-P20-1-26', top: 10, area: 'borgerservice' });
    expect(text(document.body)).toContain('Version 1 er låst.');
    const listed = document.querySelector('[data-version="1"]')!;
    expect(listed.querySelector('code')!.textContent).toBe(hash);
    expect(text(listed)).toContain('00.01.00-P20-1-26');
    expect(text(listed)).toContain('47 kB');
    expect(await violations()).toEqual([]);

    buttonNamed(document.body, 'Hent version 1 som PDF')!.click();
    await flushPromises();
    expect(sent.some((s) => s.path.endsWith('/annex/versions/1/pdf'))).toBe(true);
    expect(saved).toHaveBeenCalledOnce();
    expect(document.querySelector('[role="alert"]')).toBeNull();

    await setLocale('en', false);
    await flushPromises();
    expect(text(document.body)).toContain('Freeze the annex as a PDF');
    expect(await violations()).toEqual([]);
    await setLocale('da', false);
  });

  it('shows a moderator the versions but no freeze form', async () => {
    setProfile({ userId: 'u-m', displayName: 'Moderator', participantType: 'employee', roles: ['moderator'], createdAt: '', updatedAt: '' });
    stubApi(() => json({ items: [version] }));
    await mountInApp(AnnexFreezePanel, { props: { processId: 'ai-i-gentofte', top: 20 } });
    expect(document.getElementById('annex-journal')).toBeNull();
    expect(document.querySelector('[data-version="1"] code')!.textContent).toBe(hash);
  });
});
