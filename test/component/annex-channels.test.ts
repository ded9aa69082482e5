import { mount } from '@vue/test-utils';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelShares } from '#shared/schemas/export';
import AnnexChannels from '../../frontend/src/components/workspace/AnnexChannels.vue';
import { setLocale } from '../../frontend/src/modules/i18n';

/**
 * The annex's "Hvordan bidragene kom ind" (issue 15): a table per kind of contribution with each
 * channel's count and share, captioned, in Danish and English; a kind without any says so.
 */
const zero = { web: 0, 'assisted-in-person': 0, 'assisted-phone': 0, paper: 0, event: 0 };
const shares: ChannelShares = {
  ideas: { ...zero, web: 6, 'assisted-in-person': 1, paper: 1 },
  comments: { ...zero, web: 2, 'assisted-phone': 1 },
  surveyAnswers: zero,
};

const cells = (table: Element) => [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim()));

beforeEach(async () => {
  await setLocale('da', false);
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('AnnexChannels', () => {
  it('shows each kind as a captioned table: every channel with its Danish label, count and share, and the total', async () => {
    const wrapper = mount(AnnexChannels, { props: { shares }, attachTo: document.body });
    expect(wrapper.find('h2').text()).toBe('Hvordan bidragene kom ind');
    const ideas = wrapper.find('[data-testid="annex-channels-ideas"]').element;
    expect(ideas.querySelector('caption')!.textContent).toBe('Idéer');
    expect(cells(ideas)).toEqual([
      ['Kanal', 'Antal', 'Andel'],
      ['På nettet', '6', '75 %'],
      ['Borgerservice, fremmøde', '1', '12,5 %'],
      ['Borgerservice, telefon', '0', '0 %'],
      ['Papirskema', '1', '12,5 %'],
      ['Arrangement', '0', '0 %'],
      ['I alt', '8', '100 %'],
    ]);
    const comments = wrapper.find('[data-testid="annex-channels-comments"]').element;
    expect(comments.querySelector('caption')!.textContent).toBe('Kommentarer');
    expect(cells(comments)[3]).toEqual(['Borgerservice, telefon', '1', '33,3 %']);
    // No answers: a sentence, not a table of zeros.
    const answers = wrapper.find('[data-testid="annex-channels-surveyAnswers"]');
    expect(answers.element.tagName).toBe('P');
    expect(answers.text()).toBe('Ingen endnu.');
    // Row headers name the channel, column headers the figure: a screen reader reads "Papirskema, Andel, 12,5 %".
    expect(ideas.querySelectorAll('tbody th[scope="row"]')).toHaveLength(5);
    expect(ideas.querySelectorAll('thead th[scope="col"]')).toHaveLength(3);

    const result = await axe.run(wrapper.element, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
    wrapper.unmount();
  });

  it('speaks English when the reader does', async () => {
    await setLocale('en', false);
    const wrapper = mount(AnnexChannels, { props: { shares } });
    expect(wrapper.find('h2').text()).toBe('How the contributions came in');
    const ideas = wrapper.find('[data-testid="annex-channels-ideas"]').element;
    expect(cells(ideas)[2]).toEqual(['Citizen service, in person', '1', '12.5%']);
    expect(wrapper.find('[data-testid="annex-channels-surveyAnswers"]').text()).toBe('None yet.');
    wrapper.unmount();
  });
});
