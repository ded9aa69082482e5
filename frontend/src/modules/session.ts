import { computed, shallowRef } from 'vue';
import type { Profile } from '#shared/schemas/user';
import { ApiError, useTokenSource } from '../api/client';
import type * as cognito from '../api/cognito';

// Cognito's client loads only when someone signs in or a stored session is renewed: an anonymous
// first visit (most of them) does not carry it (the first-visit budget, frontend/scripts/bundle-size.ts).
const cognitoApi = () => import('../api/cognito');

/**
 * Who is signed in. The access token lives in memory only (gone with the tab); the refresh token is
 * kept in sessionStorage so a reload keeps the user signed in, and it is gone when the tab closes.
 * Nothing goes to localStorage or cookies (the privacy page says so).
 */
const REFRESH_KEY = 'deltag.refresh';
/** Renew this long before the access token expires. */
const MARGIN_MS = 60_000;

interface AccessState {
  token: string;
  expiresAt: number;
  userId: string;
}

const access = shallowRef<AccessState | null>(null);
/** undefined: not looked up yet; null: signed in but no profile yet. */
export const profile = shallowRef<Profile | null | undefined>(undefined);

export const signedIn = computed(() => access.value !== null);
export const userId = computed(() => access.value?.userId);

function storage(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}

function subjectOf(token: string): string {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : '';
  } catch {
    return '';
  }
}

function accept(tokens: cognito.Tokens) {
  access.value = { token: tokens.accessToken, expiresAt: Date.now() + tokens.expiresIn * 1000, userId: subjectOf(tokens.accessToken) };
  if (tokens.refreshToken) storage()?.setItem(REFRESH_KEY, tokens.refreshToken);
}

function forget() {
  access.value = null;
  profile.value = undefined;
  storage()?.removeItem(REFRESH_KEY);
}

let refreshing: Promise<string | undefined> | undefined;

/** A new access token from the stored refresh token; signs out locally when that fails. */
export function refreshAccess(): Promise<string | undefined> {
  const refreshToken = storage()?.getItem(REFRESH_KEY);
  if (!refreshToken) {
    access.value = null;
    return Promise.resolve(undefined);
  }
  refreshing ??= cognitoApi()
    .then((cognito) => cognito.refresh(refreshToken))
    .then((tokens) => {
      accept({ ...tokens, refreshToken: tokens.refreshToken ?? refreshToken });
      return tokens.accessToken;
    })
    .catch(async (error: unknown) => {
      // Only a refused token ends the session; a network hiccup (or the client failing to load) leaves it for the next try.
      const api = await cognitoApi().catch(() => undefined);
      if (api && error instanceof api.CognitoError) forget();
      return undefined;
    })
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

export async function accessToken(): Promise<string | undefined> {
  const current = access.value;
  if (current && current.expiresAt - MARGIN_MS > Date.now()) return current.token;
  if (!current && !storage()?.getItem(REFRESH_KEY)) return undefined;
  return refreshAccess();
}

useTokenSource({ token: accessToken, refresh: refreshAccess });

let restored: Promise<void> | undefined;
/** After a reload: sign in again from the refresh token, if the tab has one. Runs once. */
export function restoreSession(): Promise<void> {
  restored ??= storage()?.getItem(REFRESH_KEY) ? refreshAccess().then(() => undefined) : Promise.resolve();
  return restored;
}

/**
 * Signs in; for an account with two-step verification returns the code step, which `answerCode`
 * finishes with the authenticator app's code.
 */
export async function signIn(email: string, password: string): Promise<cognito.CodeStep | undefined> {
  const result = await (await cognitoApi()).signIn(email.trim(), password);
  if ('codeStep' in result) return result;
  accept(result);
  profile.value = undefined;
  return undefined;
}

export async function answerCode(step: cognito.CodeStep, code: string): Promise<void> {
  accept(await (await cognitoApi()).answerCode(step, code.replace(/\s/g, '')));
  profile.value = undefined;
}

/** Signs out (Cognito revokes the tokens), and forgets the tokens here in any case. */
export async function signOut(): Promise<void> {
  const token = access.value?.token;
  const refreshToken = storage()?.getItem(REFRESH_KEY) ?? undefined;
  forget();
  await cognitoApi()
    .then((cognito) => cognito.serverSignOut(token, refreshToken))
    .catch(() => undefined);
}

/** After the account is deleted: nothing left to revoke. */
export const forgetSession = forget;

let loadingProfile: Promise<Profile | null> | undefined;
/** The signed-in user's profile (null when they have not filled it in yet); cached until sign-out. */
export async function loadProfile(force = false): Promise<Profile | null> {
  if (!signedIn.value) return null;
  if (!force && profile.value !== undefined) return profile.value;
  loadingProfile ??= import('../api/participation')
    .then(({ fetchMe }) => fetchMe())
    .then(
      (p) => (profile.value = p),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return (profile.value = null);
        throw error;
      },
    )
    .finally(() => {
      loadingProfile = undefined;
    });
  return loadingProfile;
}

export const setProfile = (p: Profile) => {
  profile.value = p;
};
