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

/** Focuses the page's h1, waiting briefly for a page that renders it after its data arrives. */
export function focusHeading(attempts = 20): void {
  const heading = document.querySelector<HTMLElement>('main h1');
  if (heading) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
    return;
  }
  if (attempts > 0) setTimeout(() => focusHeading(attempts - 1), 50);
  else document.getElementById('indhold')?.focus();
}
