import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type RunningStack } from '#local/stack';
import { untilSearchFinds } from '../helpers/eventually';
import { TEST_DEMO_PARTICIPANTS } from '../helpers/stack';
import { collectPageErrors, launchBrowser, type BrowserSession } from '../helpers/browser';
import { codeFor, fillProfile, focusVisible, PASSWORD, postIdea, signIn, signUp, tabTo, tabToText, uniqueEmail, voteCountText } from '../helpers/journey';

/**
 * The participant journey, with the mouse and then by keyboard alone: sign up, confirm with the
 * emailed code, profile, post an idea through the wizard, find it in the list, vote, comment (edit
 * and delete within the window), sign out; a second user votes too and both see two votes.
 */
let stack: RunningStack;
let session: BrowserSession;

beforeAll(async () => {
  [stack, session] = await Promise.all([startStack({ ports: 'auto', seed: 'demo', demoParticipants: TEST_DEMO_PARTICIPANTS }), launchBrowser()]);
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

const idea = {
  title: `Lad AI sortere <b>post</b> ${Date.now().toString(36)}`,
  body: 'Kommunen får mange breve. En AI kunne læse dem og sende dem til den rigtige afdeling med det samme.\n\nSå går der kortere tid.',
  concerns: 'Breve kan indeholde følsomme oplysninger.',
};

/** The idea's id from its page's address. */
function ideaIdIn(url: string): string {
  const id = /[0-9A-HJKMNP-TV-Z]{26}/.exec(url)?.[0];
  if (!id) throw new Error(`no idea id in ${url}`);
  return id;
}

async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectPageErrors(page);
  await page.goto(stack.info.webUrl);
  await page.getByRole('heading', { level: 1, name: 'AI i Gentofte Kommune' }).waitFor();
  return { page, errors };
}

describe('a participant', () => {
  it('signs up, posts an idea, finds it, votes, comments and signs out; a second voter makes it two', async () => {
    const { page, errors } = await openPage();
    const email = uniqueEmail('anna');

    await signUp(page, stack, email);
    expect(await page.getByRole('status').first().innerText()).toContain('Din e-mailadresse er bekræftet');
    await signIn(page, email);
    // First sign-in without a profile: the profile form comes first.
    await fillProfile(page, 'Anna Testesen');
    expect(page.url()).toMatch(/\/min-side$/);

    await postIdea(page, idea);
    // The title is shown as the characters typed, never as markup.
    expect(await page.locator('#idea-title').innerText()).toBe(idea.title);
    expect(await page.locator('main b').count()).toBe(0);
    expect(await page.title()).toBe(`${idea.title} – Deltag – Gentofte Kommune`);
    expect(await page.getByText('Breve kan indeholde følsomme oplysninger.').isVisible()).toBe(true);

    // Find it in the list with the search box, and vote from the list. A new idea reaches search through
    // the table's stream within seconds (issue 18): wait for that, as a person would search again.
    await untilSearchFinds(stack.info.apiUrl, 'ai-i-gentofte', idea.title.split(' ').at(-1)!, ideaIdIn(page.url()));
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Idéer' }).click();
    await page.getByLabel('Søg i idéer').fill(idea.title.split(' ').at(-1)!);
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    const card = page.locator('article', { has: page.getByRole('link', { name: idea.title }) });
    await page.waitForFunction(() => document.querySelectorAll('main article').length === 1);
    await card.waitFor();
    const vote = card.getByRole('button', { name: `Stem på ${idea.title}` });
    await vote.click();
    await card.locator('[aria-pressed="true"]').waitFor();
    expect(await card.getByTestId('vote-count').innerText()).toBe('1 stemme');

    // Comment on the idea page, then edit and delete it within the window.
    await card.getByRole('link', { name: idea.title }).click();
    await page.getByRole('heading', { level: 1, name: idea.title }).waitFor();
    expect(await voteCountText(page)).toBe('1 stemme');
    await page.getByLabel('Kommentar', { exact: true }).fill('Godt forslag, men husk GDPR.');
    await page.getByLabel('Din holdning til idéen (valgfri)').selectOption('for');
    await page.getByRole('button', { name: 'Send kommentar' }).click();
    const posted = page.locator('article.comment', { hasText: 'Godt forslag, men husk GDPR.' });
    await posted.waitFor();
    const comment = page.locator(`#${await posted.getAttribute('id')}`);
    expect(await comment.innerText()).toContain('Holdning: For');
    await comment.getByRole('button', { name: 'Redigér' }).click();
    await comment.getByLabel('Kommentar').fill('Godt forslag, men husk databeskyttelsen.');
    await comment.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.locator('article.comment', { hasText: 'Godt forslag, men husk databeskyttelsen.' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Kommentarer (1)' }).isVisible()).toBe(true);

    // A second comment to delete, with the confirmation.
    await page.getByLabel('Kommentar', { exact: true }).fill('Denne kommentar slettes igen.');
    await page.getByRole('button', { name: 'Send kommentar' }).click();
    const doomed = page.locator('article.comment', { hasText: 'Denne kommentar slettes igen.' });
    await doomed.getByRole('button', { name: 'Slet' }).click();
    await doomed.getByRole('button', { name: 'Ja, slet' }).click();
    await page.getByText('Kommentaren er slettet.').waitFor();

    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByText('Du er logget ud.').waitFor();
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Log ind' }).isVisible()).toBe(true);

    // A second participant (a demo user with a profile) votes for the same idea.
    const { page: other, errors: otherErrors } = await openPage();
    await signIn(other, 'jens.demo@example.dk', 'Demo-adgang-2026');
    await other.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Idéer' }).click();
    await other.getByLabel('Søg i idéer').fill(idea.title.split(' ').at(-1)!);
    await other.getByRole('button', { name: 'Søg', exact: true }).click();
    await other.getByRole('link', { name: idea.title }).click();
    await other.getByRole('heading', { level: 1, name: idea.title }).waitFor();
    await other.getByRole('button', { name: `Stem på ${idea.title}` }).click();
    await other.locator('.idea-page__vote [aria-pressed="true"]').waitFor();
    expect(await voteCountText(other)).toBe('2 stemmer');

    // The second participant replies to the first one's comment, and flags the idea.
    const firstComment = other.locator('article.comment', { hasText: 'Godt forslag, men husk databeskyttelsen.' });
    await firstComment.getByRole('button', { name: 'Svar på kommentaren fra Anna Testesen' }).click();
    await other.getByLabel('Dit svar').fill('Enig, det er vigtigt.');
    await other.getByRole('button', { name: 'Send svar' }).click();
    await other.locator('.comments__replies article.comment', { hasText: 'Enig, det er vigtigt.' }).waitFor();
    await other.getByRole('button', { name: 'Anmeld idéen' }).click();
    await other.getByRole('group', { name: 'Hvorfor anmelder du?' }).getByLabel('Handler ikke om forløbet').check();
    await other.getByRole('button', { name: 'Send anmeldelse' }).click();
    await other.getByText('Tak. Når flere har anmeldt det, tages det ud af visningen, og en moderator ser på det.').waitFor();

    // The first participant signs in again and sees two votes, one of them theirs.
    await signIn(page, email);
    await page.goto(`${page.url().replace(/\/min-side.*$/, '')}/forloeb/ai-i-gentofte/ideer?q=${encodeURIComponent(idea.title.split(' ').at(-1)!)}`);
    const again = page.locator('article', { has: page.getByRole('link', { name: idea.title }) });
    await again.locator('[aria-pressed="true"]').waitFor();
    expect(await again.getByTestId('vote-count').innerText()).toBe('2 stemmer');

    expect(errors).toEqual([]);
    expect(otherErrors).toEqual([]);
  });

  it('is told what to fix when a form is sent empty, with errors tied to their fields', async () => {
    const { page, errors } = await openPage();
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Opret konto' }).click();
    await page.getByRole('button', { name: 'Opret konto' }).click();

    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Ret venligst følgende');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    const emailField = page.getByLabel('E-mailadresse');
    expect(await emailField.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await emailField.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`#${describedBy.split(' ').at(-1)}`).innerText()).toContain('gyldig e-mailadresse');
    // The summary links move focus to the field.
    await summary.getByRole('link', { name: /E-mailadresse/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    expect(errors).toEqual([]);
  });

  it('keeps a draft idea across a reload', async () => {
    const { page, errors } = await openPage();
    await signIn(page, 'sara.demo@example.dk', 'Demo-adgang-2026');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Del en idé' }).click();
    await page.getByLabel('Overskrift').fill('Et udkast, der overlever');
    await page.getByRole('button', { name: 'Næste' }).click();
    // Too short a description: the shared schema's Danish message, tied to the field.
    expect(await page.getByRole('alert').innerText()).toContain('Beskrivelse: Skal være mindst 20 tegn');
    expect(await page.getByLabel('Beskrivelse').getAttribute('aria-invalid')).toBe('true');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Del en idé' }).waitFor();
    expect(await page.getByLabel('Overskrift').inputValue()).toBe('Et udkast, der overlever');
    expect(errors).toEqual([]);
  });
});

describe('my data', () => {
  it('downloads my data, and deletes my account after a confirmation that says what happens', async () => {
    const { page, errors } = await openPage();
    await signIn(page, 'hanne.demo@example.dk', 'Demo-adgang-2026');
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    expect(await page.getByTestId('my-vote-count').innerText()).toMatch(/Du har/);

    await page.getByRole('button', { name: 'Hent mine data' }).click();
    const link = page.getByRole('link', { name: 'Filen er klar: gem dine data' });
    await link.waitFor();
    expect(await link.getAttribute('download')).toBe('deltag-mine-data.json');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const exported = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'))) as { profile: { email?: string } };
    expect(exported.profile.email).toBe('hanne.demo@example.dk');

    await page.getByRole('button', { name: 'Slet min konto' }).click();
    const confirm = page.locator('.alert', { has: page.getByRole('heading', { name: 'Når du sletter din konto, sker følgende:' }) });
    expect(await confirm.innerText()).toContain('Dine idéer bliver stående, men uden dit navn.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('delete-heading');
    await confirm.getByRole('button', { name: 'Ja, slet min konto' }).click();
    await page.getByText('Din konto er slettet.').waitFor();
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Log ind' }).isVisible()).toBe(true);

    // The sign-in is gone too.
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Log ind' }).click();
    await page.getByLabel('E-mailadresse').fill('hanne.demo@example.dk');
    await page.getByLabel('Adgangskode', { exact: true }).fill('Demo-adgang-2026');
    await page.getByRole('main').getByRole('button', { name: 'Log ind' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('E-mailadressen eller adgangskoden er forkert.');
    expect(errors).toEqual([]);
  });
});

/**
 * The whole journey by keyboard alone: Tab, Shift+Tab, Enter, Space and typing; no clicks. After
 * every navigation focus is on the new page's h1; every stop on the way shows a focus ring.
 */
describe('keyboard only', () => {
  it('signs up, fills in the profile, posts an idea, finds it, votes, comments and signs out', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    const email = uniqueEmail('tastatur');
    const title = `Tastaturidé ${Date.now().toString(36)}`;
    const activeText = () => page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    const activeTag = () => page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? '');
    const expectHeadingFocused = async (name: string | RegExp) => {
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      expect(await activeText()).toMatch(name);
    };
    const press = async (key: 'Enter' | 'Space') => {
      await page.keyboard.press(key === 'Space' ? ' ' : 'Enter');
    };

    await page.goto(stack.info.webUrl);
    await page.getByRole('heading', { level: 1, name: 'AI i Gentofte Kommune' }).waitFor();

    // The skip link is the first stop and visible when focused.
    await page.keyboard.press('Tab');
    expect(await activeText()).toBe('Gå til hovedindhold');
    expect(await focusVisible(page)).toBe(true);
    await press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('indhold');

    // Sign up.
    await tabToText(page, 'Opret konto', { back: true, tag: 'a' });
    expect(await focusVisible(page)).toBe(true);
    await press('Enter');
    await expectHeadingFocused('Opret konto');
    await tabToText(page, 'E-mailadresse', { tag: 'input' });
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await tabToText(page, 'Opret konto', { tag: 'button' });
    expect(await focusVisible(page)).toBe(true);
    await press('Enter');

    // Confirm with the code, then sign in.
    await expectHeadingFocused('Bekræft din e-mailadresse');
    await tabToText(page, 'Kode', { tag: 'input' });
    await page.keyboard.type(await codeFor(stack, email));
    await press('Enter');
    await expectHeadingFocused('Log ind');
    await tabToText(page, 'Adgangskode', { tag: 'input' });
    await page.keyboard.type(PASSWORD);
    await press('Enter');

    // The profile first (name, participant type by Space on the first radio).
    await expectHeadingFocused('Din profil');
    await tabToText(page, 'Navn, der vises ved dine idéer og kommentarer', { tag: 'input' });
    await page.keyboard.type('Tove Tastatur');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('radio');
    expect(await focusVisible(page)).toBe(true);
    await press('Space');
    await tabToText(page, 'Gem profil', { tag: 'button' });
    await press('Enter');
    await expectHeadingFocused('Hej Tove Tastatur');

    // The idea wizard, step by step.
    await tabToText(page, 'Del en idé', { back: true, tag: 'a' });
    await press('Enter');
    await expectHeadingFocused('Del en idé');
    await tabToText(page, 'Overskrift', { tag: 'input' });
    await page.keyboard.type(title);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Et forslag skrevet med tastaturet alene, for at vise at alt kan nås uden mus.');
    await tabToText(page, 'Næste', { tag: 'button' });
    await press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'step-heading');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('radio');
    await press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('effects');
    await press('Space');
    await tabTo(page, 'the first beneficiary', (el) => (el as HTMLInputElement).name === 'beneficiaries');
    await press('Space');
    await tabToText(page, 'Næste', { tag: 'button' });
    await press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'step-heading');
    await page.keyboard.press('Tab');
    expect(await activeTag()).toBe('textarea');
    await page.keyboard.type('Ingen særlige.');
    await tabToText(page, 'Næste', { tag: 'button' });
    await press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'step-heading');
    await tabToText(page, 'Send idéen', { tag: 'button' });
    await press('Enter');
    await expectHeadingFocused(title);
    await untilSearchFinds(stack.info.apiUrl, 'ai-i-gentofte', title, ideaIdIn(page.url()));

    // Find it in the list by searching, and vote there with Space.
    await tabToText(page, 'Idéer', { back: true, tag: 'a' });
    await press('Enter');
    await expectHeadingFocused('Idéer');
    await tabToText(page, 'Søg i idéer', { tag: 'input' });
    await page.keyboard.type(title);
    await press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('main article').length === 1);
    await tabToText(page, `Stem på ${title}`, { tag: 'button' });
    expect(await focusVisible(page)).toBe(true);
    await press('Space');
    await page.locator('main article [aria-pressed="true"]').waitFor();
    expect(await page.locator('main article [data-testid="vote-count"]').innerText()).toBe('1 stemme');

    // Open it and comment.
    await tabToText(page, title, { back: true, tag: 'a' });
    await press('Enter');
    await expectHeadingFocused(title);
    await tabToText(page, 'Kommentar', { tag: 'textarea' });
    await page.keyboard.type('Skrevet uden mus.');
    await tabToText(page, 'Send kommentar', { tag: 'button' });
    await press('Enter');
    await page.locator('article.comment', { hasText: 'Skrevet uden mus.' }).waitFor();
    // Focus lands on the new comment, so the reader hears it and continues from there.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('comment'))).toBe(true);

    // Sign out.
    await tabToText(page, 'Log ud', { back: true, tag: 'button', max: 200 });
    await press('Enter');
    await page.getByText('Du er logget ud.').waitFor();

    expect(errors).toEqual([]);
  });
});
