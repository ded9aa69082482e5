/**
 * The phone's key for a live round: one random token per code, kept in this browser's localStorage,
 * so the server can count one answer per phone per question without knowing who answered. Beside it
 * the ids of the questions this phone has answered, so a reload continues where it was.
 */
const TOKEN_LENGTH = 32;
const tokenKey = (code: string) => `deltag.live.${code}.token`;
const answeredKey = (code: string) => `deltag.live.${code}.answered`;

/** 24 random bytes as base64url: 32 characters of [A-Za-z0-9_-], what the answer schema takes. */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array((TOKEN_LENGTH * 3) / 4));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const VALID = /^[A-Za-z0-9_-]{32}$/;

/**
 * The token for a code: the one saved, else a new one saved now. With storage switched off it is a
 * new token per page load; the answers then still count, once each for as long as the page lives.
 */
export function liveToken(code: string, memory: Map<string, string> = fallback): string {
  try {
    const saved = localStorage.getItem(tokenKey(code));
    if (saved && VALID.test(saved)) return saved;
    const token = newToken();
    localStorage.setItem(tokenKey(code), token);
    return token;
  } catch {
    const token = memory.get(code) ?? newToken();
    memory.set(code, token);
    return token;
  }
}
const fallback = new Map<string, string>();

export function answeredQuestions(code: string): Set<string> {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(answeredKey(code)) ?? '[]');
    return new Set(Array.isArray(saved) ? saved.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

export function rememberAnswered(code: string, questionId: string): void {
  try {
    const ids = answeredQuestions(code);
    ids.add(questionId);
    localStorage.setItem(answeredKey(code), JSON.stringify([...ids]));
  } catch {
    // Storage off: the page itself still shows the question as answered until it reloads.
  }
}
