import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { vi } from 'vitest';
import type { Component } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import { createAppRouter } from '../../frontend/src/router';

/**
 * Mounts a page or component the way the app runs it: with the app's router (in memory, at `path`)
 * and vue-i18n with the Danish messages loaded, attached to the document so focus can be checked.
 */
export async function mountInApp(component: Component, options: { path?: string; props?: Record<string, unknown> } = {}) {
  await setLocale('da', false);
  const router = createAppRouter(createMemoryHistory());
  await router.push(options.path ?? '/');
  await router.isReady();
  const host = document.createElement('div');
  document.body.append(host);
  const wrapper: VueWrapper = mount(component, { attachTo: host, props: options.props, global: { plugins: [router, i18n] } });
  await flushPromises();
  return { wrapper, host, router };
}

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const problem = (status: number, title: string, detail?: string, type = '/problems/x') =>
  new Response(JSON.stringify({ type, title, status, ...(detail ? { detail } : {}) }), { status, headers: { 'content-type': 'application/problem+json' } });

/** A fake API: answers by URL and method, and records every request. */
export function stubApi(answer: (url: URL, init: RequestInit | undefined) => Response | Promise<Response>) {
  const calls: { url: URL; init: RequestInit | undefined }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://deltag.test');
      calls.push({ url, init });
      return answer(url, init);
    }),
  );
  return calls;
}

export const text = (root: ParentNode) => root.textContent?.replace(/\s+/g, ' ') ?? '';
export const buttonNamed = (root: ParentNode, name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim() === name);
