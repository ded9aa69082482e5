import { flushPromises, type VueWrapper } from '@vue/test-utils';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IdeaDetail } from '#shared/schemas/idea';
import { resetPlainView } from '../../frontend/src/composables/idea/usePlainView';
import { clearVotes } from '../../frontend/src/composables/idea/useVotes';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { setLocale } from '../../frontend/src/modules/i18n';
import { signIn, signOut } from '../../frontend/src/modules/session';
import IdeaPage from '../../frontend/src/pages/IdeaPage.vue';
import NewIdeaPage from '../../frontend/src/pages/NewIdeaPage.vue';
import { buttonNamed, json, mountInApp, problem, stubApi, text } from './app';
import { idea, process } from './fixtures';

/**
 * Plain language on the citizen's pages (issue 15): an idea's "letlæst" summary first with a toggle
 * to the full text (remembered for the session), the author's form for it, the wizard's optional
 * summary field with its counter; axe finds nothing on them. A process's plain introduction:
 * plain-language-process.test.ts.
 */
const config = { apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'client-1', cognitoEndpoint: 'http://127.0.0.1:9229' };
const token = `h.${btoa(JSON.stringify({ sub: 'user-1' })).replace(/=+$/, '')}.s`;
type Answer = (url: URL, init: RequestInit | undefined) => Response | Promise<Response> | undefined;

function backend(answer: Answer) {
  return stubApi((url, init) => {
    if (url.pathname === '/config.json') return json(config);
    if (url.host === '127.0.0.1:9229') return json({ AuthenticationResult: { AccessToken: token, RefreshToken: 'r', ExpiresIn: 3600 } });
    return answer(url, init) ?? json({ items: [], nextCursor: null });
  });
}

/** axe-core on the mounted page (happy-dom computes no colours: contrast is checked in the browser tests). */
async function violations(root: Element) {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

const SUMMARY = 'Kommunen kan bruge AI til at skrive referater. Så får alle dem hurtigere.';
const detail = (overrides: Partial<IdeaDetail> = {}): IdeaDetail => ({
  ...idea(7),
  body: 'Første afsnit af den lange tekst.\n\nAndet afsnit.',
  plainSummary: SUMMARY,
  updatedAt: '2026-11-27T10:00:00.000Z',
  ...overrides,
});
const ideaPath = (d: IdeaDetail) => `/forloeb/ai-i-gentofte/ideer/${d.id}`;

let wrapper: VueWrapper | undefined;
beforeEach(async () => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  resetPlainView();
  resetProcessCache();
  clearVotes();
  await setLocale('da', false);
});
afterEach(async () => {
  wrapper?.unmount();
  wrapper = undefined;
  await signOut();
  vi.unstubAllGlobals();
});

/** The idea page over a fake API; `author` signs in first (the fake Cognito answers through the same stub). */
async function openIdea(d: IdeaDetail, extra: Answer = () => undefined, options: { author?: boolean; locale?: 'en' } = {}) {
  const calls = backend((url, init) => {
    if (url.pathname === '/api/processes/ai-i-gentofte') return json(process);
    if (url.pathname === `/api/ideas/${d.id}`) return json(d);
    return extra(url, init);
  });
  if (options.author) await signIn('anna@example.dk', 'langt-kodeord-1');
  const mounted = await mountInApp(IdeaPage, { path: ideaPath(d) });
  wrapper = mounted.wrapper;
  if (options.locale) await setLocale(options.locale, false);
  await flushPromises();
  return { ...mounted, calls };
}

describe("an idea's letlæst summary", () => {
  it('comes first under "Letlæst", and one button swaps it for the full text and back, remembered for the session', async () => {
    const { host } = await openIdea(detail());
    const heading = host.querySelector('#idea-text-heading')!;
    expect(heading.textContent).toBe('Letlæst');
    const region = host.querySelector('#idea-text')!;
    expect(text(region).trim()).toBe(SUMMARY);
    expect(text(host)).not.toContain('Første afsnit');
    const toggle = buttonNamed(host, 'Vis hele teksten')!;
    expect(toggle.getAttribute('aria-controls')).toBe('idea-text');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    // The summary comes before the full text would, and before the facts.
    expect(heading.compareDocumentPosition(host.querySelector('#effects-heading')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(await violations(host)).toEqual([]);

    toggle.click();
    await flushPromises();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent?.trim()).toBe('Vis letlæst udgave');
    expect([...region.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Første afsnit af den lange tekst.', 'Andet afsnit.']);
    expect(heading.textContent).toBe('Hele teksten');
    expect(sessionStorage.getItem('deltag.ideaTextView')).toBe('full');

    // The next idea opens the way the reader left the last one.
    wrapper!.unmount();
    resetPlainView();
    const other = detail({ ...idea(8), body: 'Den anden idés tekst er lang nok.' });
    const again = await openIdea(other);
    expect(text(again.host.querySelector('#idea-text')!).trim()).toBe('Den anden idés tekst er lang nok.');
    buttonNamed(again.host, 'Vis letlæst udgave')!.click();
    await flushPromises();
    expect(text(again.host.querySelector('#idea-text')!).trim()).toBe(SUMMARY);
    expect(sessionStorage.getItem('deltag.ideaTextView')).toBe('plain');
  });

  it('is plain text, never HTML; an idea without one shows its text as before, with no toggle', async () => {
    const { host } = await openIdea(detail({ plainSummary: 'Kort <b>og</b> klart.' }));
    expect(text(host.querySelector('#idea-text')!)).toContain('Kort <b>og</b> klart.');
    expect(host.querySelector('#idea-text b')).toBeNull();
    wrapper!.unmount();

    const plain = await openIdea(detail({ plainSummary: undefined }));
    expect(plain.host.querySelector('#idea-text-heading')).toBeNull();
    expect(buttonNamed(plain.host, 'Vis hele teksten')).toBeUndefined();
    expect([...plain.host.querySelectorAll('.idea-page__body p')].map((p) => p.textContent)).toEqual(['Første afsnit af den lange tekst.', 'Andet afsnit.']);
  });

  it('in English: the heading and the toggle', async () => {
    const { host } = await openIdea(detail(), undefined, { locale: 'en' });
    expect(host.querySelector('#idea-text-heading')?.textContent).toBe('Easy to read');
    expect(buttonNamed(host, 'Show the full text')).toBeDefined();
  });
});

describe("the author's form for the summary", () => {
  const mineList = (d: IdeaDetail) => json({ items: [{ ...d, heldForReview: false }], nextCursor: null });

  it('lets the author write one: over 300 characters is refused before sending, then it is saved and shown', async () => {
    const d = detail({ plainSummary: undefined });
    const sent: unknown[] = [];
    const { host } = await openIdea(
      d,
      (url, init) => {
        if (url.pathname === '/api/me/ideas') return mineList(d);
        if (url.pathname === `/api/ideas/${d.id}/plain-summary` && init?.method === 'PUT') {
          const body = JSON.parse(String(init.body)) as { plainSummary: string | null };
          sent.push(body);
          return json({ ...d, plainSummary: body.plainSummary ?? undefined });
        }
        return undefined;
      },
      { author: true },
    );
    buttonNamed(host, 'Skriv et letlæst resumé')!.click();
    // The form is its own chunk, loaded on this first click (IdeaPage's first visit does not carry it).
    await vi.waitFor(() => expect(host.querySelector('#plain-summary-form-text')).not.toBeNull());
    const field = host.querySelector<HTMLTextAreaElement>('#plain-summary-form-text')!;
    expect(document.activeElement).toBe(field);
    expect(text(host)).toContain('Du har 300 tegn tilbage');

    field.value = 'x'.repeat(301);
    field.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(text(host)).toContain('Du har skrevet 1 tegn for meget');
    buttonNamed(host, 'Gem resuméet')!.click();
    await flushPromises();
    expect(sent).toEqual([]);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(text(host)).toContain('Må højst være 300 tegn');

    field.value = SUMMARY;
    field.dispatchEvent(new Event('input'));
    buttonNamed(host, 'Gem resuméet')!.click();
    await flushPromises();
    expect(sent).toEqual([{ plainSummary: SUMMARY }]);
    expect(text(host.querySelector('#idea-text')!).trim()).toBe(SUMMARY);
    expect(buttonNamed(host, 'Ret det letlæste resumé')).toBeDefined();
    expect(await violations(host)).toEqual([]);
  });

  it('removes it with null, and shows the server\'s refusal without losing the text', async () => {
    const d = detail();
    const sent: unknown[] = [];
    let refuse = true;
    const { host } = await openIdea(
      d,
      (url, init) => {
        if (url.pathname === '/api/me/ideas') return mineList(d);
        if (url.pathname.endsWith('/plain-summary') && init?.method === 'PUT') {
          sent.push(JSON.parse(String(init.body)));
          if (refuse) return problem(403, 'Du kan kun rette dine egne idéer');
          return json({ ...d, plainSummary: undefined });
        }
        return undefined;
      },
      { author: true },
    );
    buttonNamed(host, 'Ret det letlæste resumé')!.click();
    // The form is its own chunk, loaded on this first click (IdeaPage's first visit does not carry it).
    await vi.waitFor(() => expect(host.querySelector('#plain-summary-form-text')).not.toBeNull());
    const field = host.querySelector<HTMLTextAreaElement>('#plain-summary-form-text')!;
    expect(field.value).toBe(SUMMARY);
    buttonNamed(host, 'Fjern resuméet')!.click();
    await flushPromises();
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('Du kan kun rette dine egne idéer');
    expect(field.value).toBe(SUMMARY);
    refuse = false;
    buttonNamed(host, 'Fjern resuméet')!.click();
    await flushPromises();
    expect(sent).toEqual([{ plainSummary: null }, { plainSummary: null }]);
    expect(host.querySelector('#idea-text-heading')).toBeNull();
    expect(buttonNamed(host, 'Skriv et letlæst resumé')).toBeDefined();
  });

  it('is not offered on someone else\'s idea, nor to a reader who is signed out', async () => {
    const d = detail();
    const first = await openIdea(d);
    expect(buttonNamed(first.host, 'Ret det letlæste resumé')).toBeUndefined();
    expect(first.calls.some((c) => c.url.pathname === '/api/me/ideas')).toBe(false);
    wrapper!.unmount();

    const second = await openIdea(d, (url) => (url.pathname === '/api/me/ideas' ? json({ items: [{ ...idea(9), heldForReview: false }], nextCursor: null }) : undefined), { author: true });
    expect(second.calls.some((c) => c.url.pathname === '/api/me/ideas')).toBe(true);
    expect(buttonNamed(second.host, 'Ret det letlæste resumé')).toBeUndefined();
  });
});

describe("the wizard's summary field", () => {
  it('is optional, counts the characters left, refuses over 300, and is sent with the idea', async () => {
    const posted: unknown[] = [];
    backend((url, init) => {
      if (url.pathname === '/api/processes/ai-i-gentofte') return json(process);
      if (url.pathname === '/api/me') return json({ displayName: 'Anna' });
      if (url.pathname === '/api/processes/ai-i-gentofte/ideas' && init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return json({ ...detail(), status: 'pending' }, 201);
      }
      return undefined;
    });
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const draft = { step: 0, title: 'AI til referater', body: 'Referaterne fra møderne kunne skrives af AI.', area: 'erhverv', effects: ['kvalitet'], beneficiaries: ['citizens'], concerns: '', eventId: '' };
    sessionStorage.setItem('deltag.ideaDraft.ai-i-gentofte', JSON.stringify(draft));
    const { host, wrapper: w } = await mountInApp(NewIdeaPage, { path: '/forloeb/ai-i-gentofte/ideer/ny' });
    wrapper = w;
    const field = host.querySelector<HTMLTextAreaElement>('#plainSummary')!;
    expect(host.querySelector('label[for="plainSummary"]')?.textContent).toBe('Letlæst resumé (valgfri)');
    expect(field.getAttribute('aria-describedby')).toBe('plainSummary-hint');
    expect(host.querySelector('#plainSummary-hint')?.textContent).toContain('almindelige ord');
    expect(await violations(host)).toEqual([]);

    field.value = 'y'.repeat(310);
    field.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(text(host)).toContain('Du har skrevet 10 tegn for meget');
    buttonNamed(host, 'Næste')!.click();
    await flushPromises();
    expect([...host.querySelectorAll('.error-summary a')].map((a) => a.textContent)).toEqual(['Letlæst resumé: Må højst være 300 tegn']);

    field.value = SUMMARY;
    field.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(text(host)).toContain(`Du har ${300 - SUMMARY.length} tegn tilbage`);
    buttonNamed(host, 'Næste')!.click();
    await flushPromises();
    buttonNamed(host, 'Næste')!.click();
    await flushPromises();
    buttonNamed(host, 'Næste')!.click();
    await flushPromises();
    const row = [...host.querySelectorAll('.wizard__review div')].find((div) => div.querySelector('dt')?.textContent === 'Letlæst resumé');
    expect(row?.querySelector('dd')?.textContent).toBe(SUMMARY);
    buttonNamed(host, 'Send idéen')!.click();
    await flushPromises();
    expect(posted).toEqual([expect.objectContaining({ title: 'AI til referater', plainSummary: SUMMARY })]);
  });

  it('left empty, the idea is sent without one', async () => {
    const posted: Record<string, unknown>[] = [];
    backend((url, init) => {
      if (url.pathname === '/api/processes/ai-i-gentofte') return json(process);
      if (url.pathname === '/api/me') return json({ displayName: 'Anna' });
      if (url.pathname === '/api/processes/ai-i-gentofte/ideas' && init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)) as Record<string, unknown>);
        return json({ ...detail(), status: 'pending' }, 201);
      }
      return undefined;
    });
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const draft = { step: 3, title: 'AI til referater', body: 'Referaterne fra møderne kunne skrives af AI.', area: 'erhverv', effects: ['kvalitet'], beneficiaries: ['citizens'], concerns: '', plainSummary: '   ', eventId: '' };
    sessionStorage.setItem('deltag.ideaDraft.ai-i-gentofte', JSON.stringify(draft));
    const { host, wrapper: w } = await mountInApp(NewIdeaPage, { path: '/forloeb/ai-i-gentofte/ideer/ny' });
    wrapper = w;
    expect(text(host.querySelector('.wizard__review')!)).not.toContain('Letlæst resumé');
    buttonNamed(host, 'Send idéen')!.click();
    await flushPromises();
    expect(posted).toHaveLength(1);
    expect(posted[0]).not.toHaveProperty('plainSummary');
  });
});
