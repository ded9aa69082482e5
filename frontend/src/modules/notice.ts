import { shallowRef } from 'vue';

/**
 * One short message for the next page ("Du er logget ud", "Din konto er slettet"), shown at the top
 * of <main> in a polite live region and cleared on the navigation after.
 */
export const notice = shallowRef<string | null>(null);
let keep = false;

export function announce(message: string): void {
  notice.value = message;
  keep = true;
}

/** Called after each navigation: a notice survives the navigation it was made for, not the next. */
export function ageNotice(): void {
  if (keep) keep = false;
  else notice.value = null;
}
