import { onMounted, shallowRef, type Component } from 'vue';

/**
 * A component that loads after the page has mounted, in its own chunk (render it with
 * `<component :is>` once set). Not Vue's defineAsyncComponent: that would put its loader machinery
 * into the first-visit bundle, which has no room for it (test/e2e/pages.test.ts).
 */
export function useLazyComponent(load: () => Promise<{ default: Component }>) {
  const component = shallowRef<Component>();
  onMounted(() => load().then((m) => void (component.value = m.default), () => undefined));
  return component;
}
