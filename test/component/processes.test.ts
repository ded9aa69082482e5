import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, type RouteLocationNormalized } from 'vue-router';
import type { IdeaDetail } from '#shared/schemas/idea';
import type { Process, ProcessChange } from '#shared/schemas/process';
import App from '../../frontend/src/App.vue';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import { signIn, signOut } from '../../frontend/src/modules/session';
import NewIdeaPage from '../../frontend/src/pages/NewIdeaPage.vue';
import ProcessChangesPage from '../../frontend/src/pages/ProcessChangesPage.vue';
import ProcessListPage from '../../frontend/src/pages/ProcessListPage.vue';
import ProcessPage from '../../frontend/src/pages/ProcessPage.vue';
import { toSoleProcess } from '../../frontend/src/modules/process-redirects';
import { createAppRouter } from '../../frontend/src/router';
import { json, mountInApp, problem, stubApi, text } from './app';
import { idea, process } from './fixtures';

/**
 * The public side of processes: the list (active and archived apart), a process's page (its
 * charter, the timeline with every open phase marked), the public list of its rule changes, the
 * addresses that lead to a process (`/`, the old `/ideer…`), and the main menu's process.
 * Each test: prepare (a fake API), act (open the page or address), assess.
 */
const day = 86_400_000;
const config = { apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'client-1', cognitoEndpoint: 'http://127.0.0.1:9229' };
const token = `h.${btoa(JSON.stringify({ sub: 'user-1' })).replace(/=+$/, '')}.s`;
const at = (days: number) => new Date(Date.now() + days * day).toISOString();

/** A process `days` from now, with the given phases (relative days) and fields. */
function aProcess(id: string, phases: [Process['phases'][number]['kind'], number, number?][], extra: Partial<Process> = {}): Process {
  return {
    ...process,
    id,
    title: { da: `Forløb ${id}`, en: `Process ${id}` },
    summary: { da: `Resumé af ${id}` },
    phases: phases.map(([kind, from, to]) => ({ kind, title: { da: `${kind}-fase` }, startsAt: at(from), ...(to === undefined ? {} : { endsAt: at(to) }) })),
    ...extra,
  };
}

let wrapper: VueWrapper | undefined;
beforeEach(async () => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  resetProcessCache();
  await setLocale('da', false);
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
});

async function open(component: Parameters<typeof mountInApp>[0], path: string) {
  const mounted = await mountInApp(component, { path });
  wrapper = mounted.wrapper;
  return mounted;
}

describe('the list of processes', () => {
  it('lists active processes apart from archived ones, each with its period and where it stands', async () => {
    const running = aProcess('koerer', [['ideas', -10, 20], ['survey', -5, 5], ['closed', 20]]);
    const coming = aProcess('kommer', [['information', 30, 60], ['review', 60, 90]]);
    const old = aProcess('gammel', [['ideas', -400, -300], ['closed', -300]], { archivedAt: at(-200) });
    stubApi((url) => (url.pathname === '/api/processes' ? json({ items: [old, running, coming] }) : problem(404, 'Ikke fundet')));

    const { host } = await open(ProcessListPage, '/forloeb');

    expect(host.querySelectorAll('h1')).toHaveLength(1);
    expect(host.querySelector('h1')?.textContent).toBe('Forløb');
    const section = (heading: string) => [...host.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === heading)!;
    const titles = (s: Element) => [...s.querySelectorAll('article h3 a')].map((a) => [a.textContent, a.getAttribute('href')]);
    // The latest start first.
    expect(titles(section('Aktive forløb'))).toEqual([
      ['Forløb kommer', '/forloeb/kommer'],
      ['Forløb koerer', '/forloeb/koerer'],
    ]);
    expect(titles(section('Arkiverede forløb'))).toEqual([['Forløb gammel', '/forloeb/gammel']]);
    const facts = (id: string) => [...host.querySelector(`#process-${id}-title`)!.closest('article')!.querySelectorAll('dt, dd, p')].map((e) => e.textContent);
    // Both open phases named, and the last phase's missing end is not invented.
    expect(facts('koerer')).toEqual(['Resumé af koerer', 'Periode', expect.stringMatching(/^Fra \d+\. \S+ \d{4}$/), 'Status', 'Åben nu: ideas-fase, survey-fase']);
    expect(facts('kommer')).toEqual(['Resumé af kommer', 'Periode', expect.stringMatching(/^\d+\. \S+ \d{4} til \d+\. \S+ \d{4}$/), 'Status', expect.stringMatching(/^Begynder \d+\. /)]);
    expect(facts('gammel')?.at(-1)).toMatch(/^Arkiveret \d+\. /);
  });

  it('says so when there are no processes, and has no archived section without archived ones', async () => {
    stubApi(() => json({ items: [] }));

    const { host } = await open(ProcessListPage, '/forloeb');

    expect(text(host)).toContain('Der er ingen forløb endnu');
    expect(host.querySelector('h2')).toBeNull();
  });
});

describe("a process's page (its charter)", () => {
  const charter = aProcess('charter', [['information', -20, 30], ['ideas', -10, 10], ['survey', -5, 5], ['review', 30, 60], ['closed', 60]], {
    description: { da: 'Formålet står her.' },
    charter: {
      tasks: { da: 'Udvalget skal:\n- kortlægge muligheder\n- anbefale projekter' },
      members: [
        { name: 'Anna Andersen', role: { da: 'Formand', en: 'Chair' } },
        { name: 'Bo Berg', role: { da: 'Borgerrepræsentant' } },
      ],
      meetings: [
        { at: at(20), title: { da: 'Andet møde' } },
        { at: at(-3), title: { da: 'Første møde' } },
      ],
      outcome: { da: 'Udvalget afleverer en anbefaling.' },
    },
    areas: [
      { id: 'boern-og-unge', name: { da: 'Børn og unge' } },
      { id: 'gammelt-omraade', name: { da: 'Gammelt område' }, retired: true },
    ],
  });

  it('shows purpose, tasks as a list, members, the timeline with every open phase marked, meetings, outcome and areas', async () => {
    stubApi((url) => (url.pathname === '/api/processes/charter' ? json(charter) : json({ items: [idea(1)], nextCursor: null })));

    const { host } = await open(ProcessPage, '/forloeb/charter');

    expect([...host.querySelectorAll('h1')].map((h) => h.textContent)).toEqual(['Forløb charter']);
    // Headings in order: h1, then h2s, then the idea cards' h3s; nothing skipped.
    const levels = [...host.querySelectorAll('h1, h2, h3, h4')].map((h) => Number(h.tagName[1]));
    expect(levels.every((level, i) => i === 0 || level <= levels[i - 1]! + 1)).toBe(true);
    expect([...host.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Formål',
      'Udvalgets opgaver',
      'Tidsplan',
      'Møder og arrangementer',
      'Udvalgets medlemmer',
      'Det sker der med dit input',
      'Områder',
      'Forventede effekter',
      'Nyeste idéer',
    ]);
    const tasks = host.querySelector('[aria-labelledby="charter-tasks"]')!;
    expect(tasks.querySelector('p')?.textContent).toBe('Udvalget skal:');
    expect([...tasks.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['kortlægge muligheder', 'anbefale projekter']);
    // Three phases overlap now: each is marked, and the summary names them all.
    const current = [...host.querySelectorAll('[aria-current="step"]')];
    expect(current.map((li) => li.querySelector('.process-timeline__title')?.firstChild?.textContent?.trim())).toEqual(['information-fase', 'ideas-fase', 'survey-fase']);
    expect(text(host.querySelector('.process-timeline__stage')!)).toBe('Åben nu: information-fase, ideas-fase, survey-fase.');
    // Each phase says what kind it is and what it opens, in the shared wording.
    expect(text(current[2]!)).toContain('Spørgeskema: Svar på et spørgeskema.');
    expect(text(host.querySelector('.process-timeline__list li:nth-child(4)')!)).toContain('Udvalget behandler:');
    expect(text(host.querySelector('.process-members')!)).toContain('Anna Andersen, Formand');
    expect(text(host.querySelector('.process-members')!)).toContain('Bo Berg, Borgerrepræsentant');
    // Meetings in date order, the one held marked.
    const meetings = [...host.querySelectorAll('.process-meetings__item')].map((li) => text(li));
    expect(meetings[0]).toMatch(/Første møde\s*Afholdt/);
    expect(meetings[1]).toContain('Andet møde');
    expect(meetings[1]).not.toContain('Afholdt');
    expect(text(host)).toContain('Udvalget afleverer en anbefaling.');
    // A retired area is still shown, and says it takes no new ideas.
    expect(text(host.querySelector('#charter-areas-heading')!.parentElement!)).toContain('Gammelt område (ikke længere åben for nye idéer)');
    // Ideas can be shared now (the ideas phase is open): the links lead into this process.
    const href = (name: string) => [...host.querySelectorAll('a')].find((a) => a.textContent?.trim() === name)?.getAttribute('href');
    expect(href('Del din idé')).toBe('/forloeb/charter/ideer/ny');
    expect(href('Se idéerne')).toBe('/forloeb/charter/ideer');
    expect(href('Se ændringer i forløbets faser og regler')).toBe('/forloeb/charter/aendringer');
    // On paper: the page's own address instead of the buttons.
    expect(host.querySelector('.charter__print-only')?.textContent).toMatch(/^Forløbet på nettet: .*\/forloeb\/charter$/);
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('says when the process is archived, and offers no participation', async () => {
    const archived = { ...charter, archivedAt: at(-1) };
    stubApi((url) => (url.pathname === '/api/processes/charter' ? json(archived) : json({ items: [], nextCursor: null })));

    const { host } = await open(ProcessPage, '/forloeb/charter');

    expect(text(host.querySelector('.process-intro .alert')!)).toMatch(/^Forløbet blev arkiveret .* Du kan læse det hele, men ikke længere dele idéer, stemme eller kommentere\.$/);
    expect([...host.querySelectorAll('a')].map((a) => a.textContent?.trim())).not.toContain('Del din idé');
    // The content stays readable.
    expect(text(host)).toContain('kortlægge muligheder');
  });

  it('says when there is no such process (and the ideas of it are not listed)', async () => {
    stubApi(() => problem(404, 'Forløbet findes ikke'));

    const { host } = await open(ProcessPage, '/forloeb/findes-ikke');

    expect(host.querySelector('h1')?.textContent).toBe('Forløbet findes ikke');
    expect(host.querySelector('a.button')?.getAttribute('href')).toBe('/forloeb');
    expect(document.title).toBe('Forløbet findes ikke – Deltag – Gentofte Kommune');
  });
});

describe('the new-idea form of a process', () => {
  it('does not offer a retired area or effect', async () => {
    const withRetired = {
      ...process,
      areas: [...process.areas, { id: 'udgaaet', name: { da: 'Udgået område' }, retired: true }],
      effects: [...process.effects, { id: 'udgaaet-effekt', name: { da: 'Udgået effekt' }, retired: true }],
    };
    // A draft from before the area was retired loses that choice.
    sessionStorage.setItem('deltag.ideaDraft.ai-i-gentofte', JSON.stringify({ step: 1, title: 'En god titel', body: 'En beskrivelse, der er lang nok.', area: 'udgaaet', effects: ['kvalitet', 'udgaaet-effekt'], beneficiaries: [], concerns: '' }));
    stubApi((url) => {
      if (url.pathname === '/config.json') return json(config);
      if (url.host === '127.0.0.1:9229') return json({ AuthenticationResult: { AccessToken: token, RefreshToken: 'r', ExpiresIn: 3600 } });
      return url.pathname === '/api/processes/ai-i-gentofte' ? json(withRetired) : json({ displayName: 'Anna' });
    });
    // The form is for signed-in people.
    await signIn('anna@example.dk', 'langt-kodeord-1');

    const { host } = await open(NewIdeaPage, '/forloeb/ai-i-gentofte/ideer/ny');
    await signOut();

    const labels = [...host.querySelectorAll('label')].map((l) => l.textContent?.trim());
    expect(labels).toContain('Børn og unge');
    expect(labels).toContain('Kvalitet');
    expect(labels).not.toContain('Udgået område');
    expect(labels).not.toContain('Udgået effekt');
    expect(host.querySelector<HTMLInputElement>('input[value="kvalitet"]')?.checked).toBe(true);
    expect(host.querySelectorAll('input[type="radio"]:checked')).toHaveLength(0);
  });
});

describe('the addresses that lead to a process', () => {
  const one = aProcess('eneste', [['ideas', -1, 30]]);
  const other = aProcess('andet', [['ideas', -1, 30]]);
  const archived = aProcess('arkiveret', [['ideas', -100, -50]], { archivedAt: at(-40) });
  const detail: IdeaDetail = { ...idea(7), processId: 'andet', body: 'Brødtekst.', updatedAt: '2026-11-27T10:00:00.000Z' };

  async function land(path: string, processes: Process[]) {
    const calls = stubApi((url) => {
      if (url.pathname === '/api/processes') return json({ items: processes });
      if (url.pathname === `/api/ideas/${detail.id}`) return json(detail);
      return problem(404, 'Ikke fundet');
    });
    const router = createAppRouter(createMemoryHistory());
    await router.push(path);
    await router.isReady();
    return { path: router.currentRoute.value.fullPath, calls };
  }

  it('`/` goes to the one process that is not archived', async () => {
    expect((await land('/', [archived, one])).path).toBe('/forloeb/eneste');
  });

  it('`/` goes to the list when two processes are active, or none', async () => {
    expect((await land('/', [one, other])).path).toBe('/forloeb');
    resetProcessCache();
    expect((await land('/', [archived])).path).toBe('/forloeb');
  });

  it("`/` starts loading the page's script while the list is fetched, not after it", async () => {
    let answer: (r: Response) => void = () => undefined;
    stubApi(() => new Promise<Response>((resolve) => (answer = resolve)));
    const pageScript = vi.fn(async () => undefined);
    const to = createAppRouter(createMemoryHistory()).resolve('/') as RouteLocationNormalized;
    const guard = toSoleProcess('process', pageScript)(to);
    await flushPromises();
    expect(pageScript).toHaveBeenCalledTimes(1);

    answer(json({ items: [one] }));
    expect(await guard).toMatchObject({ name: 'process', params: { processId: 'eneste' } });
  });

  it('`/` goes to the list when the processes cannot be fetched (the list page says so, with a retry)', async () => {
    stubApi(() => problem(503, 'Tjenesten er midlertidigt utilgængelig'));
    const router = createAppRouter(createMemoryHistory());
    await router.push('/');
    expect(router.currentRoute.value.fullPath).toBe('/forloeb');
  });

  it('the old `/ideer` and `/ideer/ny` go to the active process, with their query', async () => {
    expect((await land('/ideer?sort=top&q=skole', [one, archived])).path).toBe('/forloeb/eneste/ideer?sort=top&q=skole');
    // The form needs a signed-in user: sign-in comes first, and leads back to the new address.
    expect((await land('/ideer/ny', [one])).path).toBe(`/log-ind?next=${encodeURIComponent('/forloeb/eneste/ideer/ny')}`.replace(/%2F/g, '/'));
    resetProcessCache();
    expect((await land('/ideer', [one, other])).path).toBe('/forloeb');
  });

  it("an idea's old address goes to the idea in its own process, with its query and hash", async () => {
    const { path, calls } = await land(`/ideer/${detail.id}?fra=mail#kommentarer`, [one, other]);

    expect(path).toBe(`/forloeb/andet/ideer/${detail.id}?fra=mail#kommentarer`);
    expect(calls.map((c) => c.url.pathname)).toContain(`/api/ideas/${detail.id}`);
  });

  it("an unknown idea's old address stays, and the idea page says it does not exist", async () => {
    stubApi(() => problem(404, 'Idéen findes ikke'));

    const { host, router } = await open((await import('../../frontend/src/pages/IdeaPage.vue')).default, '/ideer/01JDEMO0000000000000000099');

    expect(router.currentRoute.value.fullPath).toBe('/ideer/01JDEMO0000000000000000099');
    expect(host.querySelector('h1')?.textContent).toBe('Idéen findes ikke');
  });
});

describe('the main menu', () => {
  async function menu(path: string, processes: Process[]) {
    stubApi((url) => (url.pathname === '/api/processes' ? json({ items: processes }) : problem(404, 'Ikke fundet')));
    const router = createAppRouter(createMemoryHistory());
    await router.push(path);
    await router.isReady();
    const host = document.createElement('div');
    document.body.append(host);
    wrapper = mount(App, { attachTo: host, global: { plugins: [router, i18n] } });
    await flushPromises();
    return [...host.querySelectorAll('nav a')].map((a) => `${a.textContent?.trim()} ${a.getAttribute('href')}`);
  }

  it("offers the one active process's page, ideas and form on any page, and the list", async () => {
    const one = aProcess('eneste', [['ideas', -1, 30]]);
    expect(await menu('/privatliv', [one])).toEqual([
      'Forløbet /forloeb/eneste',
      'Idéer /forloeb/eneste/ideer',
      'Del en idé /forloeb/eneste/ideer/ny',
      'Alle forløb /forloeb',
      'Log ind /log-ind',
      'Opret konto /opret-konto',
    ]);
  });

  it('offers only the list when several processes are active, and on a process page that process', async () => {
    const processes = [aProcess('et', [['ideas', -1, 30]]), aProcess('to', [['ideas', -1, 30]])];
    expect(await menu('/privatliv', processes)).toEqual(['Alle forløb /forloeb', 'Log ind /log-ind', 'Opret konto /opret-konto']);
    wrapper?.unmount();
    resetProcessCache();
    expect((await menu('/forloeb/to/aendringer', processes)).slice(0, 3)).toEqual(['Forløbet /forloeb/to', 'Idéer /forloeb/to/ideer', 'Del en idé /forloeb/to/ideer/ny']);
  });
});

describe('the public list of changes to a process', () => {
  const changed: ProcessChange[] = [
    {
      at: '2026-12-01T09:30:00.000Z',
      action: 'process-update',
      changes: [
        {
          field: 'phases',
          before: [{ kind: 'ideas', title: { da: 'Idéer' }, startsAt: '2026-11-01T00:00:00.000Z', endsAt: '2026-12-15T00:00:00.000Z' }],
          after: [{ kind: 'ideas', title: { da: 'Idéer' }, startsAt: '2026-11-01T00:00:00.000Z', endsAt: '2027-01-15T00:00:00.000Z' }],
        },
        { field: 'settings.votesPerPerson', before: null, after: 5 },
        { field: 'settings.moderation', before: 'post', after: 'pre' },
        { field: 'areas', before: [{ id: 'a', name: { da: 'Skole' } }], after: [{ id: 'a', name: { da: 'Skole' }, retired: true }, { id: 'b', name: { da: 'Klima' } }] },
        // Stored in another order than the settings list them: shown in the settings' order.
        { field: 'settings.limits', before: { votesPerMinute: 30, commentsPerMinute: 10, ideasPerHour: 5, flagsPerHour: 20 }, after: { flagsPerHour: 20, ideasPerHour: 2, votesPerMinute: 30, commentsPerMinute: 10 } },
        { field: 'settings.somethingNew', after: { '<b>': '<i>x</i>' } },
      ],
    },
    { at: '2026-11-01T08:00:00.000Z', action: 'process-create', changes: [{ field: 'settings.flagThreshold', after: 3 }] },
  ];

  it('shows each change newest first, dated, with each rule before and after in words, and what changed marked', async () => {
    const calls = stubApi((url) => (url.pathname === '/api/processes/ai-i-gentofte' ? json(process) : json({ items: changed })));

    const { host } = await open(ProcessChangesPage, '/forloeb/ai-i-gentofte/aendringer');

    expect(calls.map((c) => c.url.pathname).sort()).toEqual(['/api/processes/ai-i-gentofte', '/api/processes/ai-i-gentofte/changes']);
    expect([...host.querySelectorAll('h1')].map((h) => h.textContent)).toEqual(['Ændringer i forløbet']);
    expect(document.title).toBe('Ændringer i forløbet: AI i Gentofte Kommune – Deltag – Gentofte Kommune');
    expect([...host.querySelectorAll('article h2')].map((h) => text(h).trim())).toEqual(['1. dec. 2026, 10.30 · : Forløb ændret', '1. nov. 2026, 09.00 · : Forløb oprettet']);
    const field = (label: string) => [...host.querySelectorAll('.process-change__field')].find((f) => f.querySelector('dt')?.textContent === label)!;
    const sides = (label: string) => [...field(label).querySelectorAll('ul')].map((ul) => [...ul.querySelectorAll('li')].map((li) => text(li).trim()));
    expect(sides('Faser og datoer')).toEqual([
      ['Idéer – Idéer: 1. november 2026 til 15. december 2026 ændret'],
      ['Idéer – Idéer: 1. november 2026 til 15. januar 2027 ændret'],
    ]);
    expect(sides('Stemmer pr. person')).toEqual([['Ubegrænset ændret'], ['5 ændret']]);
    expect(sides('Moderation')).toEqual([['Idéer vises med det samme og modereres bagefter ændret'], ['Idéer vises, når en moderator har godkendt dem ændret']]);
    // Only what differs is marked: the unchanged limits and the unchanged area's old entry are not.
    expect(sides('Områder')).toEqual([['Skole ændret'], ['Skole (ikke længere åben for nye idéer) ændret', 'Klima ændret']]);
    expect(sides('Grænser pr. person')[1]).toEqual(['Stemmer pr. minut: 30', 'Kommentarer pr. minut: 10', 'Idéer pr. time: 2 ændret', 'Anmeldelser pr. time: 20']);
    // A field this version does not know is shown as stored, as text.
    expect(sides('settings.somethingNew')).toEqual([['{"<b>":"<i>x</i>"}']]);
    expect(host.querySelector('b, i')).toBeNull();
    // At creation there is no "before": the values stand alone.
    expect(text(field('Anmeldelser, før et indlæg tages ud til moderation'))).not.toContain('Før');
    expect(field('Anmeldelser, før et indlæg tages ud til moderation').querySelectorAll('dd > div')).toHaveLength(1);
  });

  it('says when there are no changes, and when the process does not exist', async () => {
    stubApi((url) => (url.pathname === '/api/processes/ai-i-gentofte' ? json(process) : json({ items: [] })));
    const { host } = await open(ProcessChangesPage, '/forloeb/ai-i-gentofte/aendringer');
    expect(text(host)).toContain('Der er ingen ændringer at vise.');
    wrapper?.unmount();
    resetProcessCache();

    stubApi(() => problem(404, 'Ikke fundet'));
    const missing = await open(ProcessChangesPage, '/forloeb/findes-ikke/aendringer');
    expect(missing.host.querySelector('h1')?.textContent).toBe('Forløbet findes ikke');
  });
});
