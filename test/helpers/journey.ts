import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningStack } from '#local/stack';

/**
 * Steps of the participant journey shared by the browser tests, each written the way a person
 * would do it (labels and roles, in Danish), and a keyboard-only variant where it matters.
 */
export const PASSWORD = 'Sikker-adgang-2026';

export const uniqueEmail = (who: string) => `${who}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.dk`;

/**
 * The code cognito-local "sent", waiting briefly for it to arrive. `stack.lastCode` reads the codes
 * from cognito-local's console output, and after the burst of demo sign-ups cognito-local's logger
 * stops writing (its async pino-pretty stream stalls), so no later code shows up there. Until the
 * stack fixes that, the code is read where cognito-local keeps it: the user record in its JSON
 * store in the stack's temp folder.
 */
export async function codeFor(stack: RunningStack, email: string): Promise<string> {
  for (let i = 0; i < 30; i++) {
    const code = stack.lastCode(email) ?? storedCode(stack.info.userPoolId, email);
    if (code) return code;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no code was sent to ${email}`);
}

function storedCode(userPoolId: string, email: string): string | undefined {
  for (const dir of readdirSync(tmpdir()).filter((d) => d.startsWith('deltag-'))) {
    for (const sub of ['', 'cognito']) {
      const file = join(tmpdir(), dir, sub, '.cognito', 'db', `${userPoolId}.json`);
      if (!existsSync(file)) continue;
      const db = JSON.parse(readFileSync(file, 'utf8')) as { Users?: Record<string, { Attributes?: { Name: string; Value: string }[]; ConfirmationCode?: string }> };
      const user = Object.values(db.Users ?? {}).find((u) => u.Attributes?.some((a) => a.Name === 'email' && a.Value.toLowerCase() === email.toLowerCase()));
      if (user?.ConfirmationCode) return user.ConfirmationCode;
    }
  }
  return undefined;
}

export async function signUp(page: Page, stack: RunningStack, email: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Opret konto' }).click();
  await page.getByRole('heading', { level: 1, name: 'Opret konto' }).waitFor();
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Opret konto' }).click();
  await page.getByRole('heading', { level: 1, name: 'Bekræft din e-mailadresse' }).waitFor();
  await page.getByLabel('Kode', { exact: true }).fill(await codeFor(stack, email));
  await page.getByRole('button', { name: 'Bekræft', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  if (!(await page.getByRole('heading', { level: 1, name: 'Log ind' }).isVisible())) {
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Log ind' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
  }
  const emailField = page.getByLabel('E-mailadresse');
  if ((await emailField.inputValue()) !== email) await emailField.fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Log ind' }).click();
  // Signed in, and the page it leads to (my page, or the profile form the first time) is open.
  await page.waitForURL((url) => !url.pathname.startsWith('/log-ind'));
  await page.getByRole('button', { name: 'Log ud' }).waitFor();
}

export async function fillProfile(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Din profil' }).waitFor();
  await page.getByLabel('Navn, der vises ved dine idéer og kommentarer').fill(name);
  await page.getByLabel('Borger').check();
  await page.getByRole('button', { name: 'Gem profil' }).click();
  await page.getByRole('heading', { level: 1, name: `Hej ${name}` }).waitFor();
}

export interface IdeaText {
  title: string;
  body: string;
  concerns: string;
}

export async function postIdea(page: Page, idea: IdeaText): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Del en idé' }).click();
  await page.getByRole('heading', { level: 1, name: 'Del en idé' }).waitFor();
  await page.getByLabel('Overskrift').fill(idea.title);
  await page.getByLabel('Beskrivelse').fill(idea.body);
  await page.getByRole('button', { name: 'Næste' }).click();
  await page.getByRole('heading', { level: 2, name: /Område og effekter/ }).waitFor();
  await page.getByRole('group', { name: 'Område' }).getByRole('radio').first().check();
  await page.getByRole('group', { name: 'Forventede effekter' }).getByRole('checkbox').first().check();
  await page.getByRole('group', { name: 'Hvem gavner det?' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Næste' }).click();
  await page.getByRole('heading', { level: 2, name: /Bekymringer/ }).waitFor();
  await page.getByLabel('Bekymringer og risici (valgfri)').fill(idea.concerns);
  await page.getByRole('button', { name: 'Næste' }).click();
  await page.getByRole('heading', { level: 2, name: /Se igennem og send/ }).waitFor();
  await page.getByRole('button', { name: 'Send idéen' }).click();
  await page.getByRole('heading', { level: 1, name: idea.title }).waitFor();
}

/** The vote count shown with the vote button on an idea page. */
export const voteCountText = (page: Page) => page.locator('.idea-page__vote [data-testid="vote-count"]').innerText();

/**
 * Presses Tab (Shift+Tab when `back`) until the focused element matches, and returns how many
 * presses it took; throws after `max`. `matches` runs in the page on `document.activeElement`.
 */
export async function tabTo(page: Page, description: string, matches: (el: Element) => boolean, options: { max?: number; back?: boolean } = {}): Promise<number> {
  const max = options.max ?? 120;
  const source = matches.toString();
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const found = await page.evaluate((fn) => {
      const el = document.activeElement;
      // eslint-disable-next-line no-new-func
      return el ? (new Function(`return (${fn})`)() as (e: Element) => boolean)(el) : false;
    }, source);
    if (found) return i;
  }
  throw new Error(`Tab did not reach ${description} in ${max} presses`);
}

/** Focus by Tab to the element whose text (or accessible label) is exactly `text`. */
export function tabToText(page: Page, text: string, options: { max?: number; back?: boolean; tag?: string } = {}): Promise<number> {
  const tag = options.tag ?? '';
  const fn = new Function(
    'el',
    `const text = ${JSON.stringify(text)}; const tag = ${JSON.stringify(tag)};
     if (tag && el.tagName.toLowerCase() !== tag) return false;
     const own = (el.textContent || '').replace(/\\s+/g, ' ').trim();
     const label = el.labels && el.labels[0] ? el.labels[0].textContent.replace(/\\s+/g, ' ').trim() : '';
     return own === text || label === text || el.getAttribute('aria-label') === text;`,
  ) as (el: Element) => boolean;
  return tabTo(page, `"${text}"`, fn, options);
}

/** Whether the focused element shows a focus indicator (an outline or a box shadow). */
export function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  });
}
