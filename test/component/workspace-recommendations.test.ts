import axe from 'axe-core';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { setLocale } from '../../frontend/src/modules/i18n';
import { profile } from '../../frontend/src/modules/session';
import { buttonNamed, json, problem, text } from './app';
import { idea as anyIdea, process } from './fixtures';
import { mountPage, unmount } from './workspace-events-fixtures';
import { recommendation, REC_ID } from './workspace-recommendations-fixtures';

/**
 * The committee's recommendation editor against a fake API shaped by the shared schemas: nothing sent
 * while the schema refuses it, a new one created with weighted effects and ideas found by search, a
 * save that meets someone else's change (input kept, latest shown, kept on top), the status with its
 * note, the lens with its explanations, deleting only after the question; axe 0 in both languages.
 */
vi.setConfig({ testTimeout: 60_000 });
afterEach(() => {
  unmount();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  resetWorkspaceProcesses();
  profile.value = undefined;
});

/** The list fixture's ids are not ULIDs; a recommendation's ideas must be. */
const idea: typeof anyIdea = (n, over = {}) => anyIdea(n, { id: `01JD${String(n).padStart(22, '0')}`, ...over });
const q = `?forloeb=${process.id}`;
const click = async (name: string) => {
  const button = buttonNamed(document.body, name);
  if (!button) throw new Error(`No button ${name}`);
  button.click();
  await flushPromises();
};
const fill = async (id: string, value: string) => {
  const field = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
  if (!field) throw new Error(`No field ${id}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
  field.dispatchEvent(new Event('change'));
  await flushPromises();
};
const check = async (id: string) => {
  const input = document.getElementById(id) as HTMLInputElement | null;
  if (!input) throw new Error(`No input ${id}`);
  input.click();
  await flushPromises();
};
const violations = async () => (await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } })).violations.map((v) => v.id);
const one = `/api/processes/${process.id}/recommendations/${REC_ID}`;

describe('a new recommendation', () => {
  it('sends nothing while the schema refuses it, then creates it with weights and found ideas', async () => {
    const { of, router } = await mountPage(`/arbejdsrum/anbefalinger/ny${q}`, (url, init) => {
      if (url.pathname.endsWith('/ideas')) return json({ items: [idea(1, { voteCount: 4 }), idea(2, { voteCount: 1, title: 'Chatbot på borger.dk' })], nextCursor: null });
      if (init?.method === 'POST') return json(recommendation({ ...JSON.parse(String(init.body)), ideas: [] }), 201);
      if (url.pathname.endsWith(`/recommendations/${REC_ID}`)) return json(recommendation());
      return problem(404, 'Ikke fundet');
    }, ['committee']);
    expect(text(document.querySelector('nav')!)).toContain('Anbefalinger');
    await click('Opret anbefaling');
    expect(of('POST')).toHaveLength(0);
    expect(document.getElementById('rec-title-error')).toBeTruthy();
    expect(text(document.querySelector('.error-summary')!)).toContain('Begrundelse');

    await fill('rec-title', 'AI-hjælp til journalnotater');
    await fill('rec-rationale', 'Medarbejderne bruger meget tid på notater.');
    await check('rec-effects-hastighed-3');
    await fill('rec-idea-q', 'chatbot');
    await click('Søg');
    const search = of('GET').find((s) => s.path.endsWith('/ideas'))!;
    expect(new URLSearchParams(search.query).get('q')).toBe('chatbot');
    expect(text(document.querySelector('[data-testid="rec-found"]')!)).toContain('1 stemme');
    (document.querySelector('[aria-label="Tilføj Chatbot på borger.dk"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(text(document.querySelector('[data-testid="rec-chosen"]')!)).toContain('Chatbot på borger.dk');
    expect(await violations()).toEqual([]);

    await click('Opret anbefaling');
    expect(of('POST')[0]!.body).toEqual({
      title: 'AI-hjælp til journalnotater',
      rationale: 'Medarbejderne bruger meget tid på notater.',
      effects: { kvalitet: 0, hastighed: 3 },
      ideaIds: [idea(2).id],
    });
    expect(router.currentRoute.value.path).toBe(`/arbejdsrum/anbefalinger/${REC_ID}`);
    expect(text(document.body)).toContain('Anbefalingen er oprettet.');
  });
});

describe('a saved recommendation', () => {
  it('keeps the input when someone else saved meanwhile, shows the latest, and saves on top of it', async () => {
    let version = '2026-12-01T10:00:00.000Z';
    const { of } = await mountPage(`/arbejdsrum/anbefalinger/${REC_ID}${q}`, (url, init) => {
      if (url.pathname === one && init?.method === 'PUT') {
        const body = JSON.parse(String(init.body)) as { expectedUpdatedAt: string };
        if (body.expectedUpdatedAt !== version) return json({ type: '/problems/conflict', title: 'Ændret imens', status: 409 }, 409);
        return json(recommendation({ title: 'Mit bud', updatedAt: '2026-12-01T12:00:00.000Z' }));
      }
      if (url.pathname === one) return json(recommendation({ updatedAt: version, title: version === '2026-12-01T10:00:00.000Z' ? 'AI-hjælp til journalnotater' : 'Kollegas titel' }));
      return problem(404, 'Ikke fundet');
    }, ['committee']);
    expect((document.getElementById('rec-effects-hastighed-3') as HTMLInputElement).checked).toBe(true);
    expect(text(document.querySelector('[data-testid="rec-chosen"]')!)).toContain('4 stemmer');
    version = '2026-12-01T11:00:00.000Z';
    await fill('rec-title', 'Mit bud');
    await click('Gem ændringer');
    expect(document.getElementById('rec-conflict-heading')?.textContent).toContain('En anden har gemt imens');
    expect((document.getElementById('rec-title') as HTMLInputElement).value).toBe('Mit bud');
    await click('Se den seneste version');
    expect(text(document.getElementById('rec-conflict-latest')!)).toContain('Kollegas titel');
    await click('Behold mine ændringer og gem dem oven i');
    const puts = of('PUT');
    expect(puts).toHaveLength(2);
    expect((puts[1]!.body as { expectedUpdatedAt: string; title: string }).expectedUpdatedAt).toBe('2026-12-01T11:00:00.000Z');
    expect((puts[1]!.body as { title: string }).title).toBe('Mit bud');
    expect(text(document.body)).toContain('Ændringerne er gemt.');
  });

  it("records the political committee's decision with its note, and sets the lens with each choice explained", async () => {
    const { of } = await mountPage(`/arbejdsrum/anbefalinger/${REC_ID}${q}`, (url, init) => {
      if (url.pathname === `${one}/status`) return json(recommendation({ status: 'adopted', statusNote: 'ØU 3/12', updatedAt: '2026-12-02T10:00:00.000Z', statusChangedAt: '2026-12-02T10:00:00.000Z' }));
      if (url.pathname === `${one}/ai-lens`) return json(recommendation({ status: 'adopted', aiLens: JSON.parse(String(init!.body)).lens, updatedAt: '2026-12-02T11:00:00.000Z' }));
      if (url.pathname === one) return json(recommendation());
      return problem(404, 'Ikke fundet');
    }, ['committee']);
    await check('rec-status-adopted');
    await fill('rec-status-note', 'ØU 3/12');
    await click('Gem status');
    expect(of('POST')[0]!.body).toEqual({ status: 'adopted', note: 'ØU 3/12', expectedUpdatedAt: '2026-12-01T10:00:00.000Z' });
    expect(text(document.body)).toContain('Status er gemt: Vedtaget af det politiske udvalg.');
    expect(document.getElementById('rec-init-owner')).toBeTruthy();
    expect(document.getElementById('rec-delete')).toBeNull();

    expect(text(document.body)).toContain('AI-forordningen forbyder denne slags brug');
    await check('rec-lens-category-high-risk');
    await click('Gem vurdering');
    expect(of('PUT')).toHaveLength(0);
    expect(document.getElementById('rec-lens-area-error')?.textContent).toContain('Vælg området i bilag III');
    await fill('rec-lens-area', 'essential-services');
    await check('rec-lens-dpia');
    await click('Gem vurdering');
    expect(of('PUT')[0]!.body).toEqual({ lens: { aiActCategory: 'high-risk', highRiskArea: 'essential-services', dpiaNeeded: true }, expectedUpdatedAt: '2026-12-02T10:00:00.000Z' });
    expect(text(document.body)).toContain('Vurderingen er gemt.');
    expect(await violations()).toEqual([]);
    await setLocale('en', false);
    await flushPromises();
    expect(text(document.body)).toContain('Save assessment');
    expect(await violations()).toEqual([]);
    await setLocale('da', false);
  });

  it('deletes a proposed one only after the question', async () => {
    const { of, router } = await mountPage(`/arbejdsrum/anbefalinger/${REC_ID}${q}`, (url, init) => {
      if (init?.method === 'DELETE') return new Response(null, { status: 204 });
      if (url.pathname === one) return json(recommendation());
      if (url.pathname.endsWith('/recommendations')) return json({ items: [] });
      return problem(404, 'Ikke fundet');
    }, ['committee']);
    await click('Slet anbefaling');
    expect(of('DELETE')).toHaveLength(0);
    await click('Annuller');
    expect(of('DELETE')).toHaveLength(0);
    await click('Slet anbefaling');
    await click('Ja, slet den');
    expect(of('DELETE')).toHaveLength(1);
    expect(router.currentRoute.value.path).toBe('/arbejdsrum/anbefalinger');
  });
});
