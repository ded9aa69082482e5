import { flushPromises, mount } from '@vue/test-utils';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import FormChoices from '../../frontend/src/components/form/FormChoices.vue';
import FormErrorSummary from '../../frontend/src/components/form/FormErrorSummary.vue';
import FormText from '../../frontend/src/components/form/FormText.vue';
import { isEmail, isStrongPassword } from '../../frontend/src/lib/inputChecks';
import { safeHref } from '../../frontend/src/lib/safeLinks';
import { safeNext } from '../../frontend/src/lib/safeLinks';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';

beforeAll(() => setLocale('da', false));
const global = { plugins: [i18n] };

describe('a text field', () => {
  it('ties its hint and error to the input and says when it is invalid', async () => {
    const wrapper = mount(FormText, { props: { id: 'title', label: 'Overskrift', hint: 'Mellem 5 og 140 tegn.', error: 'Skal være mindst 5 tegn' }, global });
    const input = wrapper.get('input');
    expect(wrapper.get('label').attributes('for')).toBe('title');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(input.attributes('aria-describedby')).toBe('title-hint title-error');
    expect(wrapper.get('#title-error').text()).toBe('Fejl: Skal være mindst 5 tegn');
    await wrapper.setProps({ error: undefined });
    expect(input.attributes('aria-invalid')).toBeUndefined();
    expect(input.attributes('aria-describedby')).toBe('title-hint');
  });

  it('binds its value both ways', async () => {
    const wrapper = mount(FormText, { props: { id: 'body', label: 'Beskrivelse', multiline: true, modelValue: 'a', 'onUpdate:modelValue': (v: string) => wrapper.setProps({ modelValue: v }) }, global });
    await wrapper.get('textarea').setValue('ny tekst');
    expect(wrapper.props('modelValue')).toBe('ny tekst');
  });
});

describe('a group of choices', () => {
  it('is a fieldset with a legend, described by its error, and toggles checkboxes as a list', async () => {
    let value: string[] = ['a'];
    const wrapper = mount(FormChoices, {
      props: {
        id: 'effects',
        legend: 'Forventede effekter',
        type: 'checkbox',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
        error: 'Vælg mindst én',
        modelValue: value,
        'onUpdate:modelValue': (v: string | string[] | undefined) => {
          value = Array.isArray(v) ? v : [];
        },
      },
      global,
    });
    expect(wrapper.get('legend').text()).toBe('Forventede effekter');
    expect(wrapper.get('fieldset').attributes('aria-describedby')).toBe('effects-error');
    // The first option carries the group's id, so the error summary can focus it.
    expect(wrapper.get('#effects').attributes('value')).toBe('a');
    await wrapper.get('#effects-b').setValue(true);
    expect(value).toEqual(['a', 'b']);
  });
});

describe('the error summary', () => {
  it('is an alert that takes focus and links each error to its field', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const field = document.createElement('input');
    field.id = 'email';
    document.body.append(field);
    const wrapper = mount(FormErrorSummary, { props: { errors: [], focusKey: 0 }, global, attachTo: host });
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);

    await wrapper.setProps({ errors: [{ field: 'email', label: 'E-mailadresse', message: 'Skriv en gyldig e-mailadresse' }], focusKey: 1 });
    await flushPromises();

    const alert = wrapper.get('[role="alert"]');
    expect(document.activeElement).toBe(alert.element);
    expect(alert.text()).toContain('Ret venligst følgende:');
    const link = alert.get('a');
    expect(link.attributes('href')).toBe('#email');
    expect(link.text()).toBe('E-mailadresse: Skriv en gyldig e-mailadresse');
    await link.trigger('click');
    expect(document.activeElement).toBe(field);
    wrapper.unmount();
  });
});

describe('input checks', () => {
  it('follow the pool password policy and a plain email shape', () => {
    expect(isStrongPassword('kortkode1')).toBe(false);
    expect(isStrongPassword('LANGTKODEORD1')).toBe(false);
    expect(isStrongPassword('langtkodeord')).toBe(false);
    expect(isStrongPassword('langt-kodeord-1')).toBe(true);
    expect(isEmail('anna@example.dk')).toBe(true);
    expect(isEmail('anna@example')).toBe(false);
  });

  it('only follow a "next" path inside the app', () => {
    expect(safeNext('/ideer/ny')).toBe('/ideer/ny');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(undefined, '/min-side')).toBe('/min-side');
  });

  it('only make links of http(s) URLs', () => {
    expect(safeHref('https://www.gentofte.dk')).toBe('https://www.gentofte.dk/');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<b>x</b>')).toBeUndefined();
    expect(safeHref('/relative')).toBeUndefined();
  });
});

describe('the source', () => {
  it('never renders HTML from data: no v-html and no innerHTML anywhere in the SPA', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = join(dir, name);
        return statSync(full).isDirectory() ? files(full) : /\.(vue|ts)$/.test(name) ? [full] : [];
      });
    const offenders = files('frontend/src').filter((f) => /v-html|innerHTML|insertAdjacentHTML|outerHTML\s*=/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
