import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { profile } from '../../frontend/src/modules/session';
import { buttonNamed, json, problem, text } from './app';
import { draft, mountPage, published, responseOf, setup, unmount } from './workspace-consultation-fixtures';

/**
 * The draft editor against a fake API: a new paragraph gets the next number no version has used, the
 * draft is saved whole, a conflict keeps it, removing asks first, leaving with unsaved changes asks
 * first, and publishing names the comments that led to each changed paragraph.
 */
vi.setConfig({ testTimeout: 60_000 });
afterEach(() => {
  unmount();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  resetWorkspaceProcesses();
  profile.value = undefined;
});

const click = async (name: string) => {
  const button = buttonNamed(document.body, name);
  if (!button) throw new Error(`No button ${name}`);
  button.click();
  await flushPromises();
};
const fill = async (id: string, value: string) => {
  const field = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
  if (!field) throw new Error(`No field ${id}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
  await flushPromises();
};

type Handler = (url: URL, init?: RequestInit) => Response | undefined;
const api = (over: Handler = () => undefined) => (url: URL, init?: RequestInit) => {
  const own = over(url, init);
  if (own) return own;
  if (url.pathname.endsWith('/draft')) return json(draft);
  if (url.pathname.endsWith('/consultation')) return json(setup);
  if (url.pathname === '/api/processes/ai-i-gentofte/documents/etik') return json(published);
  if (url.pathname.includes('/consultation/documents/etik/responses')) return json({ items: [responseOf('01HZX00000000000000000000A'), responseOf('01HZX00000000000000000000B', { comment: 'Godt.' })], nextCursor: null });
  return problem(404, 'Ikke fundet');
};

describe('the draft editor', () => {
  it('numbers a new paragraph past every number used, and saves the draft whole', async () => {
    const { of } = await mountPage('/arbejdsrum/hoering/etik', api((_url, init) => (init?.method === 'PUT' ? json({ ...draft, ...JSON.parse(String(init.body)), updatedAt: '2026-11-03T10:00:00.000Z' }) : undefined)));
    expect(text(document.body)).toContain('Bygger på version 1.');
    // § 1 differs from version 1; § 2 does not.
    expect(text(document.body)).toContain('Afsnit § 1 (ændret siden version 1)');
    expect(text(document.body)).not.toContain('Afsnit § 2 (');
    await click('Tilføj afsnit');
    // Version 1 used § 3 (removed in the draft): the new one is § 4.
    expect(text(document.body)).toContain('Afsnit § 4 (nyt)');
    expect(document.activeElement?.id).toBe('de-blocks-3-text-da');
    await fill('de-blocks-3-text-da', 'Vi evaluerer hvert år.');
    (document.getElementById('de-blocks-3-cite-menneskelig-kontrol') as HTMLInputElement).click();
    await flushPromises();
    await click('Flyt op: Afsnit § 4');
    await click('Gem udkastet');
    expect(of('PUT')).toHaveLength(1);
    expect(of('PUT')[0]!.body).toEqual({
      title: { da: 'Etiske retningslinjer' },
      blocks: [
        { kind: 'heading', text: { da: 'Formål' } },
        { kind: 'paragraph', no: 1, text: { da: 'Vi bruger AI til gavn for borgerne.' }, cites: ['aabenhed'] },
        { kind: 'paragraph', no: 4, text: { da: 'Vi evaluerer hvert år.' }, cites: ['menneskelig-kontrol'] },
        { kind: 'paragraph', no: 2, text: { da: 'Et menneske træffer altid afgørelsen.' } },
      ],
      expectedUpdatedAt: '2026-11-02T10:00:00.000Z',
    });
    expect(text(document.body)).toContain('Udkastet er gemt.');
  });

  it('sends nothing with an empty paragraph, and keeps the draft on a conflict', async () => {
    const { of } = await mountPage('/arbejdsrum/hoering/etik', api((_url, init) => (init?.method === 'PUT' ? problem(409, 'Udkastet er ændret af en anden') : undefined)));
    await click('Tilføj afsnit');
    await click('Gem udkastet');
    expect(of('PUT')).toHaveLength(0);
    expect(document.getElementById('de-blocks-3-text-da-error')).toBeTruthy();
    expect(document.querySelector('.error-summary a[href="#de-blocks-3-text-da"]')?.textContent).toContain('Afsnit § 4, Tekst (dansk)');
    await fill('de-blocks-3-text-da', 'Nyt afsnit.');
    await click('Gem udkastet');
    expect(of('PUT')).toHaveLength(1);
    expect(text(document.body)).toContain('En anden har gemt imens');
    expect((document.getElementById('de-blocks-3-text-da') as HTMLTextAreaElement).value).toBe('Nyt afsnit.');
  });

  it('removes a block only once confirmed, and asks before leaving with unsaved changes', async () => {
    const { router } = await mountPage('/arbejdsrum/hoering/etik', api());
    await click('Fjern Afsnit § 2');
    expect(document.activeElement?.id).toBe('de-blocks-2-remove-confirm');
    await click('Ja, fjern');
    expect(document.getElementById('de-blocks-2-text-da')).toBeNull();
    expect(text(document.body)).toContain('Afsnit § 2 er fjernet fra udkastet.');
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await router.push('/arbejdsrum/hoering');
    expect(confirm).toHaveBeenCalledWith('Du har ændringer i udkastet, som ikke er gemt. Vil du forlade siden?');
    expect(router.currentRoute.value.path).toBe('/arbejdsrum/hoering/etik');
  });

  it('publishes a new version with the comments behind a changed paragraph', async () => {
    const { of } = await mountPage(
      '/arbejdsrum/hoering/etik',
      api((url, init) => (init?.method === 'POST' && url.pathname.endsWith('/versions') ? json({ ...published.version, version: 2, publishedAt: '2026-11-04T10:00:00.000Z' }, 201) : undefined)),
    );
    await click('Offentliggør ny version');
    expect(document.activeElement?.getAttribute('aria-labelledby')).toBe('dp-heading');
    expect(text(document.body)).toContain('Kommentarer, der førte til ændringen af § 1');
    expect(of('GET').some((s) => s.query.includes('paragraph=1'))).toBe(true);
    await click('Offentliggør');
    expect(of('POST')).toHaveLength(0);
    expect(document.getElementById('dp-note-da-error')?.textContent).toContain('Skriv en versionsnote.');
    await fill('dp-note-da', 'Formålet er skrevet tydeligere.');
    (document.getElementById('dp-1-01HZX00000000000000000000A') as HTMLInputElement).click();
    await flushPromises();
    await click('Offentliggør');
    expect(of('POST')).toHaveLength(1);
    expect(of('POST')[0]!.body).toEqual({
      note: { da: 'Formålet er skrevet tydeligere.' },
      changes: [{ paragraphNo: 1, responseIds: ['01HZX00000000000000000000A'] }],
      expectedUpdatedAt: '2026-11-02T10:00:00.000Z',
    });
    expect(text(document.body)).toContain('Version 2 er offentliggjort.');
  });
});
