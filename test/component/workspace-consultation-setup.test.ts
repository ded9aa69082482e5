import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { profile } from '../../frontend/src/modules/session';
import { buttonNamed, json, problem, text } from './app';
import { mountPage, setup, unmount } from './workspace-consultation-fixtures';

/**
 * The consultation's overview and setup against a fake API: documents with "X af Y besvaret" and a
 * new one created; the setup saved whole, nothing sent while the schema refuses it, a conflict that
 * keeps the admin's input until they choose, a round removed only when confirmed, and the follow-group
 * invited by link and by e-mail.
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
  field.dispatchEvent(new Event('change'));
  await flushPromises();
};

describe('the consultation overview', () => {
  it('lists the documents with their version and answers, and creates one', async () => {
    const documents = [{ id: 'etik', title: { da: 'Etiske retningslinjer' }, currentVersion: 2, comments: 12, answered: 7 }];
    const { of } = await mountPage('/arbejdsrum/hoering', (url, init) => {
      if (init?.method === 'POST') return json({ documentId: 'ambition', title: { da: 'Ambition' }, blocks: [], basedOnVersion: 0, updatedAt: '2026-11-02T10:00:00.000Z' }, 201);
      if (url.pathname.endsWith('/consultation/documents')) return json({ items: documents });
      return problem(404, 'Ikke fundet');
    });
    expect(text(document.body)).toContain('Etiske retningslinjer');
    expect(text(document.body)).toContain('Version 2');
    expect(document.querySelector('[data-testid="answered"]')?.textContent).toBe('7 af 12 besvaret');
    expect(document.querySelector('a[href="/arbejdsrum/hoering/etik/kommentarer?forloeb=ai-i-gentofte"]') ?? document.querySelector('a[href^="/arbejdsrum/hoering/etik/kommentarer"]')).toBeTruthy();

    await click('Opret dokumentet');
    expect(of('POST')).toHaveLength(0);
    expect(document.getElementById('cd-id-error')).toBeTruthy();

    await fill('cd-id', 'Ambition med mellemrum');
    await fill('cd-title-da', 'Ambition');
    await click('Opret dokumentet');
    expect(of('POST')).toHaveLength(0);
    await fill('cd-id', 'ambition');
    await click('Opret dokumentet');
    expect(of('POST')).toHaveLength(1);
    expect(of('POST')[0]!.body).toEqual({ id: 'ambition', title: { da: 'Ambition' } });
    expect(text(document.body)).toContain('Dokumentet "Ambition" er oprettet.');
  });

  it('shows a committee member no way to create or edit', async () => {
    await mountPage('/arbejdsrum/hoering', () => json({ items: [{ id: 'etik', title: { da: 'Etik' }, currentVersion: 1, comments: 0, answered: 0 }] }), ['committee']);
    expect(text(document.body)).toContain('Etik');
    expect(text(document.body)).not.toContain('Opret et dokument');
    expect(text(document.body)).not.toContain('Redigér udkastet');
    expect(text(document.body)).toContain('Rapport');
  });
});

describe('the consultation setup', () => {
  it('builds rounds and a reference list from nothing and saves them whole', async () => {
    const { of } = await mountPage('/arbejdsrum/hoering/opsaetning', (_url, init) =>
      // The server answers with the stored setup: the invited round now has its join token.
      init?.method === 'PUT' ? json({ ...setup, updatedAt: '2026-11-05T10:00:00.000Z' }) : problem(404, 'Ikke fundet'),
    );
    expect(text(document.body)).toContain('Høringen er ikke sat op endnu.');
    expect(text(document.body)).toContain('Følgegruppen (medarbejdere) kommenterer først');
    await fill('cs-references-name-da', 'Dataetisk kompas');
    await click('Tilføj princip');
    expect(document.activeElement?.id).toBe('cs-references-items-0-id');
    await fill('cs-references-items-0-id', 'aabenhed');
    await fill('cs-references-items-0-label-da', 'Åbenhed');
    await click('Tilføj runde');
    expect(document.activeElement?.id).toBe('cs-rounds-0-title-da');
    await fill('cs-rounds-0-title-da', 'Følgegruppen');
    await fill('cs-rounds-0-startsAt', '2026-11-01T09:00');
    await fill('cs-rounds-0-endsAt', '2026-11-15T23:59');
    await click('Tilføj runde');
    await fill('cs-rounds-1-title-da', 'Offentlig høring');
    await fill('cs-rounds-1-startsAt', '2026-11-16T09:00');
    await fill('cs-rounds-1-endsAt', '2026-12-20T23:59');
    // An unsaved invited round cannot invite yet.
    expect(text(document.body)).toContain('Gem runden, før du kan invitere til den.');
    await click('Gem runder og referenceliste');
    expect(of('PUT')).toHaveLength(1);
    expect(of('PUT')[0]!.body).toEqual({
      references: { name: { da: 'Dataetisk kompas' }, items: [{ id: 'aabenhed', label: { da: 'Åbenhed' } }] },
      rounds: [
        { id: 'foelgegruppe', kind: 'invited', title: { da: 'Følgegruppen' }, startsAt: '2026-11-01T08:00:00.000Z', endsAt: '2026-11-15T22:59:00.000Z' },
        { id: 'offentlig', kind: 'public', title: { da: 'Offentlig høring' }, startsAt: '2026-11-16T08:00:00.000Z', endsAt: '2026-12-20T22:59:00.000Z' },
      ],
    });
    expect(text(document.body)).toContain('Høringens opsætning er gemt.');
    // Saved: the invited round now has its link.
    expect((document.getElementById('cs-rounds-0-link') as HTMLInputElement).value).toContain('/forloeb/ai-i-gentofte/hoering/runde/foelgegruppe?token=tok-0123456789abcdef');
  });

  it('sends nothing while the schema refuses it, and names each problem', async () => {
    const { of } = await mountPage('/arbejdsrum/hoering/opsaetning', () => json(setup));
    await fill('cs-rounds-1-endsAt', '2026-11-10T09:00');
    await fill('cs-rounds-0-title-da', '');
    await click('Gem runder og referenceliste');
    expect(of('PUT')).toHaveLength(0);
    expect(document.getElementById('cs-rounds-1-endsAt-error')?.textContent).toContain('Slutdatoen skal ligge efter startdatoen');
    expect(document.getElementById('cs-rounds-0-title-da-error')).toBeTruthy();
    expect(document.querySelector('.error-summary a[href="#cs-rounds-0-title-da"]')?.textContent).toContain('Runde 1, Titel (dansk)');
    expect(document.activeElement?.classList.contains('error-summary')).toBe(true);
  });

  it('keeps the input on a conflict until the admin has seen the latest and chosen', async () => {
    const latest = { ...setup, rounds: [setup.rounds[0]!], updatedAt: '2026-11-04T09:00:00.000Z' };
    let puts = 0;
    let gets = 0;
    const { of } = await mountPage('/arbejdsrum/hoering/opsaetning', (_url, init) => {
      if (init?.method === 'PUT') {
        puts++;
        if (puts === 1) return problem(409, 'Opsætningen er ændret af en anden');
        return json({ ...latest, ...JSON.parse(String(init.body)), updatedAt: '2026-11-05T09:00:00.000Z' });
      }
      return json(++gets > 1 ? latest : setup);
    });
    await fill('cs-rounds-1-title-da', 'Borgernes høring');
    await click('Gem runder og referenceliste');
    expect(text(document.body)).toContain('En anden har gemt imens');
    expect((document.getElementById('cs-rounds-1-title-da') as HTMLInputElement).value).toBe('Borgernes høring');
    await click('Se den seneste version');
    expect(document.activeElement?.id).toBe('cs-conflict-latest');
    await click('Behold mine ændringer og gem dem oven i');
    expect(of('PUT')).toHaveLength(2);
    expect((of('PUT')[1]!.body as { expectedUpdatedAt: string }).expectedUpdatedAt).toBe('2026-11-04T09:00:00.000Z');
    expect((of('PUT')[1]!.body as { rounds: { title: { da: string } }[] }).rounds[1]!.title.da).toBe('Borgernes høring');
  });

  it('removes a round only once confirmed, and invites the follow-group by e-mail', async () => {
    const { of } = await mountPage('/arbejdsrum/hoering/opsaetning', (url) =>
      url.pathname.endsWith('/invitations') ? json({ invited: 2, alreadyMembers: 1 }) : json(setup),
    );
    expect(text(document.body)).toContain('3 medlemmer har tilsluttet sig.');
    await click('Fjern runde 2');
    expect(document.activeElement?.id).toBe('cs-rounds-1-remove-confirm');
    await click('Annuller');
    expect(document.getElementById('cs-rounds-1-title-da')).toBeTruthy();
    expect(document.activeElement?.id).toBe('cs-rounds-1-remove');

    await fill('cs-rounds-0-emails', 'a@example.dk\nikke-en-adresse');
    await click('Send invitationer');
    expect(of('POST')).toHaveLength(0);
    expect(document.getElementById('cs-rounds-0-emails-error')?.textContent).toContain('ikke-en-adresse');
    await fill('cs-rounds-0-emails', 'A@example.dk, b@example.dk\nc@example.dk');
    await click('Send invitationer');
    expect(of('POST')).toHaveLength(1);
    expect(of('POST')[0]!.path).toBe('/api/processes/ai-i-gentofte/consultation/rounds/foelgegruppe/invitations');
    expect(of('POST')[0]!.body).toEqual({ emails: ['a@example.dk', 'b@example.dk', 'c@example.dk'] });
    expect(text(document.body)).toContain('2 inviteret. 1 var allerede medlemmer.');
  });
});
