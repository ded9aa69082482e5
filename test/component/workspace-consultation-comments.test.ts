import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { profile } from '../../frontend/src/modules/session';
import { buttonNamed, json, problem, text } from './app';
import { mountPage, published, responseOf, unmount } from './workspace-consultation-fixtures';

/**
 * Answering comments and the printed report against a fake API: the answer form sends nothing while
 * a part is missing and then the status and text; a moderator hides with a reason; a committee member
 * reads without forms; the report shows each paragraph's figures and comments with their answers.
 */
vi.setConfig({ testTimeout: 60_000 });
afterEach(() => {
  unmount();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  resetWorkspaceProcesses();
  profile.value = undefined;
});

const click = async (name: string, root: ParentNode = document.body) => {
  const button = buttonNamed(root, name);
  if (!button) throw new Error(`No button ${name}`);
  button.click();
  await flushPromises();
};

const A = '01HZX00000000000000000000A';
const B = '01HZX00000000000000000000B';
const comments = [responseOf(A), responseOf(B, { state: 'hidden', comment: undefined, authorName: undefined, answer: { status: 'adopted', text: 'Rettet.', answeredAt: '2026-11-04T10:00:00.000Z' } })];
// The fake filters by state as the API does.
const api = (over: (url: URL, init?: RequestInit) => Response | undefined = () => undefined) => (url: URL, init?: RequestInit) =>
  over(url, init) ??
  (url.pathname.endsWith('/responses')
    ? json({ items: comments.filter((c) => !url.searchParams.get('state') || c.state === url.searchParams.get('state')), nextCursor: null })
    : url.pathname === '/api/processes/ai-i-gentofte/documents/etik'
      ? json(published)
      : problem(404, 'Ikke fundet'));

describe('answering comments', () => {
  it('asks only for the unanswered ones, and saves an answer', async () => {
    const { of } = await mountPage('/arbejdsrum/hoering/etik/kommentarer', api((url, init) => (init?.method === 'PUT' ? json({ ...responseOf(A), answer: { ...JSON.parse(String(init.body)), answeredAt: '2026-11-05T10:00:00.000Z' } }) : undefined)));
    expect(of('GET').find((s) => s.path.endsWith('/responses'))?.query).toContain('unanswered=true');
    expect(document.querySelector('[data-testid="document-answered"]')?.textContent).toContain('1 af 2 besvaret');
    expect(text(document.body)).toContain('§ 1: 1 af 2 besvaret');
    expect(text(document.body)).toContain('Vi bruger AI.');
    expect(text(document.body)).toContain('Mette, medarbejder');
    expect(text(document.body)).toContain('Runde: Følgegruppen');
    const item = document.querySelector(`[aria-labelledby="cc-${A}"]`)!;
    await click('Gem svaret', item);
    expect(of('PUT')).toHaveLength(0);
    expect(text(item)).toContain('Vælg, hvad der skete med kommentaren.');
    (document.getElementById(`ca-${A}-status-partly`) as HTMLInputElement).click();
    const answer = document.getElementById(`ca-${A}-text`) as HTMLTextAreaElement;
    answer.value = 'Vi har tilføjet, hvem der har ansvaret.';
    answer.dispatchEvent(new Event('input'));
    await click('Gem svaret', item);
    expect(of('PUT')).toHaveLength(1);
    expect(of('PUT')[0]!.path).toBe(`/api/consultation-responses/${A}/answer`);
    expect(of('PUT')[0]!.body).toEqual({ status: 'partly', text: 'Vi har tilføjet, hvem der har ansvaret.' });
    expect(text(item)).toContain('Udvalgets svar: Delvist taget med.');
    // The form stays with the saved answer, now to be changed, and says it was saved.
    expect(text(item)).toContain('Svaret er gemt.');
    expect(text(item)).toContain('Ret svaret');
  });

  it('shows hidden ones under their filter, and a moderator hides only with a reason', async () => {
    const { of } = await mountPage('/arbejdsrum/hoering/etik/kommentarer?vis=hidden', api((_url, init) => (init?.method === 'POST' ? json({ ...responseOf(B), state: 'visible' }) : undefined)), ['moderator']);
    const query = of('GET').find((s) => s.path.endsWith('/responses'))?.query;
    expect(query).toContain('state=hidden');
    expect(query).not.toContain('unanswered');
    const item = document.querySelector(`[aria-labelledby="cc-${B}"]`)!;
    expect(text(item)).toContain('Teksten vises ikke, fordi kommentaren er skjult af moderator.');
    await click('Vis kommentaren igen', item);
    expect(of('POST')[0]!.body).toEqual({ action: 'restore' });
  });

  it('lets a committee member read without forms', async () => {
    await mountPage('/arbejdsrum/hoering/etik/kommentarer?vis=all', api(), ['committee']);
    expect(text(document.body)).toContain('Skriv hvem der har ansvaret.');
    expect(buttonNamed(document.body, 'Gem svaret')).toBeUndefined();
    expect(buttonNamed(document.body, 'Skjul kommentaren')).toBeUndefined();
  });
});

describe('the report', () => {
  it('shows the version with each paragraph’s figures and comments with their answers', async () => {
    const exported = {
      processId: 'ai-i-gentofte',
      version: { ...published.version, note: { da: 'Første udkast.' } },
      figures: published.figures,
      responses: [responseOf(A, { answer: { status: 'out-of-scope', text: 'Hører under et andet udvalg.', answeredAt: '2026-11-05T10:00:00.000Z' } })],
      exportedAt: '2026-11-06T10:00:00.000Z',
    };
    await mountPage('/arbejdsrum/hoering/etik/rapport', api((url) => (url.pathname.endsWith('/export') ? json(exported) : undefined)), ['committee']);
    expect(document.querySelector('h1')?.textContent).toContain('Høringsrapport: Etiske retningslinjer');
    const p1 = document.querySelector('[aria-labelledby="crp-1"]')!;
    expect(text(p1)).toContain('Bygger på: Åbenhed');
    const rows = [...p1.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent?.trim()).join('|'));
    expect(rows).toEqual(['Version 1 · Følgegruppen, Medarbejdere|2|1|1', 'I alt|2|1|1']);
    expect(text(p1)).toContain('Skriv hvem der har ansvaret.');
    expect(text(p1)).toContain('Udvalgets svar: Uden for rammen. Hører under et andet udvalg.');
    expect(text(document.querySelector('[aria-labelledby="crp-2"]')!)).toContain('Ingen kommentarer til dette afsnit.');
    expect(buttonNamed(document.body, 'Excel (XLSX)')).toBeTruthy();
    // The buttons do not print; the report does.
    expect(buttonNamed(document.body, 'Udskriv rapporten')!.closest('.no-print')).toBeTruthy();
    expect(document.querySelector('.cr-doc')!.closest('.no-print')).toBeNull();
  });
});
