import axe from 'axe-core';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import type { Process } from '#shared/schemas/process';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import { profile, setProfile } from '../../frontend/src/modules/session';
import { workspaceRoutes } from '../../frontend/src/pages/workspace/routes';
import { json, stubApi, text } from './app';
import { process } from './fixtures';

/**
 * The process form's staff reminders (issue 16, settings.followUp): empty fields mean the defaults
 * (named in the help texts) and send nothing; a value is sent with the other's default; a saved
 * value shows; a value the schema refuses shows at its field with nothing sent.
 */
vi.setConfig({ testTimeout: 60_000 });
let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  resetWorkspaceProcesses();
  profile.value = undefined;
});

async function mountEdit(p: Process) {
  await setLocale('da', false);
  setProfile({ userId: 'user-ada', displayName: 'Ada Admin', participantType: 'employee', roles: ['admin'], createdAt: '', updatedAt: '' });
  const sent: { method: string; body: unknown }[] = [];
  stubApi((url, init) => {
    sent.push({ method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (init?.method === 'PATCH') return json({ ...p, updatedAt: '2026-12-02T10:00:00.000Z' });
    return url.pathname === '/api/processes' ? json({ items: [p] }) : json(p);
  });
  const empty = { render: () => null };
  const router = createRouter({ history: createMemoryHistory(), routes: [...workspaceRoutes, { path: '/', name: 'home', component: empty }, { path: '/forloeb/:processId', name: 'process', component: empty }] });
  await router.push(`/arbejdsrum/forloeb/${p.id}`);
  await router.isReady();
  const host = document.createElement('div');
  document.body.append(host);
  wrapper = mount({ render: () => h(RouterView) }, { attachTo: host, global: { plugins: [router, i18n] } });
  await flushPromises();
  return () => sent.filter((s) => s.method === 'PATCH');
}
const fill = async (id: string, value: string) => {
  const input = document.getElementById(id) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
};
const submit = async () => {
  await wrapper!.find('form.pf').trigger('submit');
  await flushPromises();
};

describe("the process form's staff reminders", () => {
  it('names the defaults, sends a value with the other default, and nothing else', async () => {
    const patches = await mountEdit(process);
    expect(text(document.body)).toContain('Standard: 48 timer.');
    expect(text(document.body)).toContain('Standard: 7 dage.');
    expect((document.getElementById('pf-settings-followUp-queueAlertHours') as HTMLInputElement).value).toBe('');
    await fill('pf-settings-followUp-queueAlertHours', '24');
    await submit();
    expect(patches()).toHaveLength(1);
    expect((patches()[0]!.body as { settings: Process['settings'] }).settings.followUp).toEqual({ queueAlertHours: 24, remindDaysBefore: 7 });
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('shows saved values, refuses one out of range at its field, and emptied sends none', async () => {
    const patches = await mountEdit({ ...process, settings: { ...process.settings, followUp: { queueAlertHours: 12, remindDaysBefore: 3 } } });
    expect((document.getElementById('pf-settings-followUp-remindDaysBefore') as HTMLInputElement).value).toBe('3');
    await fill('pf-settings-followUp-remindDaysBefore', '90');
    await submit();
    expect(patches()).toHaveLength(0);
    expect(document.getElementById('pf-settings-followUp-remindDaysBefore-error')).toBeTruthy();
    await fill('pf-settings-followUp-remindDaysBefore', '');
    await fill('pf-settings-followUp-queueAlertHours', '');
    await submit();
    expect(patches()).toHaveLength(1);
    expect((patches()[0]!.body as { settings: Process['settings'] }).settings).not.toHaveProperty('followUp');
  });
});
