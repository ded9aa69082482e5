import { flushPromises, type VueWrapper } from '@vue/test-utils';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { setLocale } from '../../frontend/src/modules/i18n';
import ProcessPage from '../../frontend/src/pages/ProcessPage.vue';
import { buttonNamed, json, mountInApp, stubApi, text } from './app';
import { process } from './fixtures';

/**
 * A process's plain-language ("letlæst") introduction on its page (issue 15): behind one button with
 * aria-expanded, in the reader's language, the Danish marked lang="da" for an English reader when
 * there is no English; nothing when the process has none; axe finds nothing.
 */
let wrapper: VueWrapper | undefined;
beforeEach(async () => {
  document.body.innerHTML = '';
  resetProcessCache();
  await setLocale('da', false);
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
});

async function violations(root: Element) {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

function backend(answer: (url: URL) => Response | undefined) {
  return stubApi((url) => answer(url) ?? json({ items: [], nextCursor: null }));
}

describe("a process's plain introduction", () => {
  const plainIntro = { da: 'Kommunen vil bruge AI. Vi vil høre, hvad du synes.' };

  async function openProcess(p: typeof process, locale?: 'en') {
    backend((url) => (url.pathname === '/api/processes/ai-i-gentofte' ? json(p) : undefined));
    const mounted = await mountInApp(ProcessPage, { path: '/forloeb/ai-i-gentofte' });
    wrapper = mounted.wrapper;
    if (locale) await setLocale(locale, false);
    await flushPromises();
    return mounted;
  }

  it('is offered behind "Læs en letlæst udgave", shown and hidden by one button', async () => {
    const { host } = await openProcess({ ...process, plainIntro });
    const button = buttonNamed(host, 'Læs en letlæst udgave')!;
    const region = host.querySelector<HTMLElement>('#plain-intro-text')!;
    expect(button.getAttribute('aria-controls')).toBe('plain-intro-text');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(region.style.display).toBe('none');
    button.click();
    await flushPromises();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(region.style.display).toBe('');
    expect(text(region)).toContain('Letlæst udgave');
    expect(text(region)).toContain('Vi vil høre, hvad du synes.');
    expect(region.getAttribute('lang')).toBeNull();
    expect(await violations(host)).toEqual([]);
    expect(button.textContent?.trim()).toBe('Skjul den letlæste udgave');
  });

  it('in English: the English text, or the Danish one marked lang="da" when there is none', async () => {
    const first = await openProcess({ ...process, plainIntro }, 'en');
    buttonNamed(first.host, 'Read an easy-to-read version')!.click();
    await flushPromises();
    expect(first.host.querySelector('#plain-intro-text')?.getAttribute('lang')).toBe('da');
    wrapper!.unmount();
    resetProcessCache();

    const second = await openProcess({ ...process, plainIntro: { ...plainIntro, en: 'The council wants to use AI. Tell us what you think.' } }, 'en');
    const region = second.host.querySelector('#plain-intro-text')!;
    expect(region.getAttribute('lang')).toBeNull();
    expect(text(region)).toContain('Tell us what you think.');
  });

  it('is not offered when the process has none', async () => {
    const { host } = await openProcess(process);
    expect(host.querySelector('#plain-intro-text')).toBeNull();
    expect(buttonNamed(host, 'Læs en letlæst udgave')).toBeUndefined();
  });
});
