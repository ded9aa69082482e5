/**
 * What a person has answered so far, kept in this browser per process, so a reload or a break
 * between sections loses nothing. The draft is dropped once the answer is sent; the marker that
 * this browser has answered (and the anonymous token) stays, so a second visit is told so.
 */
export type AnswerValue = string | string[] | number;
export interface SurveyDraft {
  section: number;
  answers: Record<string, AnswerValue>;
}

const draftKey = (processId: string) => `deltag.survey.${processId}.draft`;
const doneKey = (processId: string) => `deltag.survey.${processId}.answered`;
const TOKEN_KEY = 'deltag.survey.token';

/** Storage can be switched off or full (private mode): the survey still works, only without a kept draft. */
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function loadDraft(processId: string): SurveyDraft | undefined {
  try {
    const raw = storage()?.getItem(draftKey(processId));
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<SurveyDraft>;
    if (typeof parsed.section !== 'number' || typeof parsed.answers !== 'object' || parsed.answers === null) return undefined;
    return { section: parsed.section, answers: parsed.answers };
  } catch {
    return undefined;
  }
}

export function saveDraft(processId: string, draft: SurveyDraft): void {
  try {
    storage()?.setItem(draftKey(processId), JSON.stringify(draft));
  } catch {
    // Full or blocked storage: the answers stay on the page until it is left.
  }
}

export function markAnswered(processId: string): void {
  try {
    storage()?.removeItem(draftKey(processId));
    storage()?.setItem(doneKey(processId), new Date().toISOString().slice(0, 10));
  } catch {
    // Nothing to keep: the server knows the token or the person has answered.
  }
}

/** The day this browser sent its answer, if it has. */
export const answeredDay = (processId: string): string | undefined => storage()?.getItem(doneKey(processId)) ?? undefined;

/** The anonymous answer's browser token: random, made once, kept, never tied to a person. */
export function browserToken(): string {
  const kept = storage()?.getItem(TOKEN_KEY);
  if (kept && /^[A-Za-z0-9_-]{22,64}$/.test(kept)) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const token = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  try {
    storage()?.setItem(TOKEN_KEY, token);
  } catch {
    // Without storage the token lasts this page; the server's rate limit still applies.
  }
  return token;
}
