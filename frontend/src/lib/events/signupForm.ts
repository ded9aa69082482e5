import type { DietNeed } from '#shared/rules/events';
import type { SignupCreate } from '#shared/schemas/events';
import type { Problem } from '#shared/schemas/problem';

/** The sign-up form as typed. */
export interface SignupDraft {
  diet: DietNeed[];
  dietNote: string;
  accessibility: string;
  note: string;
}
export type SignupField = keyof SignupDraft;

export const emptySignup = (): SignupDraft => ({ diet: [], dietNote: '', accessibility: '', note: '' });

/**
 * The body the API takes: what was typed, trimmed, with empty fields left out (every need is
 * optional, and the schema refuses an empty string), and the invitation link's token when there is one.
 */
export function signupBody(draft: SignupDraft, invitation?: string): SignupCreate {
  const text = (value: string) => value.trim() || undefined;
  const body: SignupCreate = { diet: [...draft.diet] };
  const dietNote = text(draft.dietNote.replace(/\s+/g, ' '));
  const accessibility = text(draft.accessibility);
  const note = text(draft.note);
  if (dietNote) body.dietNote = dietNote;
  if (accessibility) body.accessibility = accessibility;
  if (note) body.note = note;
  if (invitation) body.invitation = invitation;
  return body;
}

const fields: readonly SignupField[] = ['diet', 'dietNote', 'accessibility', 'note'];

/** The server's field messages (`body.dietNote` …) at their fields; the first per field wins. */
export function signupFieldErrors(problem: Problem | undefined): Partial<Record<SignupField, string>> {
  const found: Partial<Record<SignupField, string>> = {};
  for (const e of problem?.errors ?? []) {
    const field = fields.find((f) => e.path === `body.${f}` || e.path.startsWith(`body.${f}.`));
    if (field) found[field] ??= e.message;
  }
  return found;
}
