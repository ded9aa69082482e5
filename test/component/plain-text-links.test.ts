import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import PlainText from '../../frontend/src/components/ui/PlainText.vue';

describe('plain text', () => {
  const text = 'Se https://gentofte.dk/ai for mere.\n\n- <b>punkt</b> javascript:alert(1)';

  it('makes bare http(s) addresses links only when asked, and never markup', () => {
    const linked = mount(PlainText, { props: { text, links: true } });
    expect(linked.findAll('a').map((a) => a.attributes('href'))).toEqual(['https://gentofte.dk/ai']);
    expect(linked.find('li').text()).toBe('<b>punkt</b> javascript:alert(1)');
    expect(linked.find('b').exists()).toBe(false);

    const plain = mount(PlainText, { props: { text } });
    expect(plain.findAll('a')).toHaveLength(0);
    expect(plain.find('p').text()).toBe('Se https://gentofte.dk/ai for mere.');
  });
});
