import { t, type MessageKey } from './i18n';

// What the title was made from, so a language switch can make it again in the new language.
let current: { key?: MessageKey; text?: string } = {};

function apply(): void {
  const suffix = t('app.titleSuffix');
  const page = current.key ? t(current.key) : current.text;
  document.title = page ? `${page} – ${suffix}` : suffix;
}

/** Sets `document.title` as "<page> – Deltag – Gentofte Kommune" (page: a text, e.g. an idea's title). */
export function setTitle(page: string | undefined): void {
  current = { text: page };
  apply();
}

/** The same with a message key, so the title follows the language. */
export function setTitleKey(key: MessageKey | undefined): void {
  current = { key };
  apply();
}

/** After a language switch: the same title in the new language. */
export const refreshTitle = apply;

/**
 * Focuses the page's h1, waiting briefly for a page that renders it after its data arrives. While it
 * waits, the page may move focus itself (a link to one comment focuses that comment once it has
 * loaded); the heading must not take focus back from it, so a retry gives way to any element inside
 * main that took focus after the first attempt.
 */
export function focusHeading(attempts = 20, activeAtStart: Element | null = document.activeElement): void {
  const active = document.activeElement;
  if (active && active !== activeAtStart && active !== document.body && active.closest('main')) return;
  const heading = document.querySelector<HTMLElement>('main h1');
  if (heading) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
    return;
  }
  // A retry can outlive its document (a component test's environment is torn down while it waits): then it stops.
  if (attempts > 0) setTimeout(() => typeof document !== 'undefined' && focusHeading(attempts - 1, activeAtStart), 50);
  else document.getElementById('indhold')?.focus();
}
