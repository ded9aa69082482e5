import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import PrivacyPage from '../../frontend/src/pages/PrivacyPage.vue';
import { setLocale } from '../../frontend/src/modules/i18n';
import { mountInApp } from './app';

/**
 * The privacy page tells what deleting the account does (issue 17, deliver 6), in Danish and
 * English: the abuse counters and mail records go at once, the audit log keeps the municipality's
 * decisions about and by the person under a pseudonym, and the download holds the decisions taken
 * about one with their reasons. Rendered as the reader sees it.
 */
let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function pageText(locale: 'da' | 'en') {
  const mounted = await mountInApp(PrivacyPage, { path: '/privatliv' });
  wrapper = mounted.wrapper;
  await setLocale(locale, false);
  await flushPromises();
  return mounted.wrapper.text().replace(/\s+/g, ' ');
}

describe('the privacy page on erasure and access', () => {
  it('in Danish: pseudonym in the audit log, counters deleted at once, decisions in the download', async () => {
    const text = await pageText('da');
    expect(text).toContain('Tællere mod misbrug');
    expect(text).not.toContain('De slettes automatisk efter cirka en time.');
    expect(text).toContain('slettes med det samme, når du sletter din konto');
    expect(text).toContain('under et pseudonym');
    expect(text).toContain('moderatorernes afgørelser om dig og dit indhold med begrundelserne');
  });

  it('in English: the same', async () => {
    const text = await pageText('en');
    expect(text).not.toContain('They are deleted automatically after about an hour.');
    expect(text).toContain('deleted at once when you delete your account');
    expect(text).toContain('under a pseudonym');
    expect(text).toContain("the moderators' decisions about you and your content with their reasons");
    await setLocale('da', false);
  });
});
