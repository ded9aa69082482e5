import { mount } from '@vue/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import WorkspaceBarChart from '../../frontend/src/components/workspace/WorkspaceBarChart.vue';
import { barsOf } from '../../frontend/src/lib/chartData';
import { setLocale } from '../../frontend/src/modules/i18n';

/** The annex's hand-written SVG bar chart: bars proportional to the values, and the same figures as a table. */
beforeAll(async () => {
  await setLocale('da', false);
});

const widths = (root: Element) => [...root.querySelectorAll('rect.ws-chart__bar')].map((r) => Number(r.getAttribute('width')));

describe('WorkspaceBarChart', () => {
  it('draws one bar per value, proportional to the value, the largest at full length', () => {
    // Prepare
    const data = [
      { label: 'Børn og unge', value: 12 },
      { label: 'Erhverv', value: 6 },
      { label: 'Ældre, sundhed og omsorg', value: 3 },
      { label: 'Kultur, idræt og fritid', value: 0 },
    ];

    // Act
    const wrapper = mount(WorkspaceBarChart, { props: { id: 'chart-test', title: 'Idéer pr. område', data } });

    // Assess
    const bars = widths(wrapper.element);
    expect(bars).toHaveLength(4);
    const full = Number(wrapper.find('rect.ws-chart__track').attributes('width'));
    expect(full).toBeGreaterThan(0);
    expect(bars[0]).toBe(full);
    for (const [i, d] of data.entries()) expect(bars[i]! / full).toBeCloseTo(d.value / 12, 2);
    expect(bars[3]).toBe(0);
    expect(wrapper.findAll('text.ws-chart__value').map((t) => t.text())).toEqual(['12', '6', '3', '0']);
    expect(wrapper.findAll('text.ws-chart__label').map((t) => t.text())).toEqual(data.map((d) => d.label));
  });

  it('is one image named by its heading, with the figures in a data table', () => {
    const data = [
      { label: 'Borgere', value: 40 },
      { label: 'Virksomheder', value: 10 },
      { label: 'Medarbejdere', value: 25 },
    ];

    const wrapper = mount(WorkspaceBarChart, { props: { id: 'votes-by-type', title: 'Stemmer pr. deltagertype', data } });

    const svg = wrapper.find('svg');
    expect(svg.attributes('role')).toBe('img');
    const labelledBy = svg.attributes('aria-labelledby')!;
    expect(wrapper.find(`#${labelledBy}`).text()).toBe('Stemmer pr. deltagertype');
    expect(wrapper.find(`#${labelledBy}`).element.tagName).toBe('H3');

    const table = wrapper.find('details table');
    expect(wrapper.find('details summary').text()).toContain('Tallene bag diagrammet');
    expect(table.find('caption').text()).toBe('Stemmer pr. deltagertype');
    const rows = table.findAll('tbody tr').map((tr) => [tr.find('th').text(), tr.find('td').text()]);
    expect(rows).toEqual([
      ['Borgere', '40'],
      ['Virksomheder', '10'],
      ['Medarbejdere', '25'],
    ]);
    expect(table.findAll('th[scope="col"]').map((th) => th.text())).toEqual(['Kategori', 'Antal']);
  });

  it('draws empty bars, not NaN, when every value is zero, and renders labels as text', () => {
    const hostile = '<script>alert(1)</script>';
    const wrapper = mount(WorkspaceBarChart, {
      props: { id: 'zeros', title: 'Nul', data: [{ label: hostile, value: 0 }, { label: 'B', value: 0 }] },
    });

    expect(widths(wrapper.element)).toEqual([0, 0]);
    expect(wrapper.find('text.ws-chart__label').text()).toBe(hostile);
    expect(wrapper.element.querySelector('script')).toBeNull();
  });

  it('takes a count per name, largest first (barsOf)', () => {
    expect(barsOf({ Erhverv: 2, 'Børn og unge': 5, Ældre: 2 })).toEqual([
      { label: 'Børn og unge', value: 5 },
      { label: 'Erhverv', value: 2 },
      { label: 'Ældre', value: 2 },
    ]);
  });
});
