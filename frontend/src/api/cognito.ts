import { cognitoEndpoint, loadConfig } from './config';

/**
 * A minimal Cognito user-pool client over fetch (the AWS SDK would triple the bundle): the JSON
 * protocol is one POST per operation, named in `X-Amz-Target`. Errors come back as
 * `{__type, message}` and become a `CognitoError` whose `code` the UI translates.
 */
export class CognitoError extends Error {
  override readonly name = 'CognitoError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(operation: string, body: Record<string, unknown>): Promise<T> {
  const config = await loadConfig();
  const response = await fetch(cognitoEndpoint(config), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    // Calls made with an access token take no client id (Cognito refuses unknown fields on some).
    body: JSON.stringify('AccessToken' in body ? body : { ClientId: config.userPoolClientId, ...body }),
  });
  const text = await response.text();
  const data = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  if (!response.ok) {
    // `__type` may carry a namespace prefix: "com.amazonaws…#NotAuthorizedException".
    const code = String(data.__type ?? data.code ?? 'UnknownError').split('#').pop()!;
    throw new CognitoError(code, String(data.message ?? data.Message ?? response.statusText));
  }
  return data as T;
}

export interface Tokens {
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
}

interface AuthResult {
  AuthenticationResult?: { AccessToken: string; RefreshToken?: string; ExpiresIn?: number };
  ChallengeName?: string;
  Session?: string;
}

/** Sign-in's second step: the account has an authenticator app, and Cognito wants its code. */
export interface CodeStep {
  codeStep: true;
  email: string;
  session: string;
}

function tokensOf(result: AuthResult): Tokens {
  const auth = result.AuthenticationResult;
  if (!auth) throw new CognitoError(result.ChallengeName ?? 'UnsupportedChallenge', 'Sign-in needs a step this app does not support');
  return { accessToken: auth.AccessToken, refreshToken: auth.RefreshToken, expiresIn: auth.ExpiresIn ?? secondsLeft(auth.AccessToken) };
}

/**
 * The token's own lifetime (its `exp`), for an answer without ExpiresIn: cognito-local leaves it out
 * of RespondToAuthChallenge, and without it the app would refresh at once. Locally that refresh then
 * fails too (cognito-local does not keep a refresh token issued after a challenge), so a TOTP user of
 * the local stack signs in again when the five-minute token runs out; AWS keeps and renews it.
 */
function secondsLeft(token: string): number {
  try {
    const payload = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof payload.exp === 'number' ? Math.max(0, payload.exp - Math.floor(Date.now() / 1000)) : 0;
  } catch {
    return 0;
  }
}

export const signUp = (email: string, password: string) =>
  call('SignUp', { Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] });

export const confirmSignUp = (email: string, code: string) => call('ConfirmSignUp', { Username: email, ConfirmationCode: code });

export const resendCode = (email: string) => call('ResendConfirmationCode', { Username: email });

/** Tokens, or the code step for an account with two-step verification (TOTP). */
export async function signIn(email: string, password: string): Promise<Tokens | CodeStep> {
  const result = await call<AuthResult>('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } });
  if (result.ChallengeName === 'SOFTWARE_TOKEN_MFA' && result.Session) return { codeStep: true, email, session: result.Session };
  return tokensOf(result);
}

/** Answers the code step with the six digits the authenticator app shows. */
export const answerCode = async (step: CodeStep, code: string) =>
  tokensOf(
    await call<AuthResult>('RespondToAuthChallenge', {
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: step.session,
      ChallengeResponses: { USERNAME: step.email, SOFTWARE_TOKEN_MFA_CODE: code },
    }),
  );

/** Setting up two-step verification: a new secret for the authenticator app (not active yet). */
export const associateSoftwareToken = async (accessToken: string) =>
  (await call<{ SecretCode: string }>('AssociateSoftwareToken', { AccessToken: accessToken })).SecretCode;

/** Proves the app holds the secret (a current code), then makes it the sign-in's second step. */
export async function enableSoftwareToken(accessToken: string, code: string): Promise<void> {
  await call('VerifySoftwareToken', { AccessToken: accessToken, UserCode: code, FriendlyDeviceName: 'Deltag' });
  await call('SetUserMFAPreference', { AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
}

/** Whether the signed-in account has an authenticator app set up, and its address (GetUser). */
export async function mfaState(accessToken: string): Promise<{ enabled: boolean; email: string }> {
  const user = await call<{ UserMFASettingList?: string[]; UserAttributes?: { Name: string; Value: string }[] }>('GetUser', { AccessToken: accessToken });
  return {
    enabled: (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA'),
    email: user.UserAttributes?.find((a) => a.Name === 'email')?.Value ?? '',
  };
}

/** The otpauth:// address an authenticator app reads from the QR code (Key Uri Format). */
export const otpauthUri = (secret: string, email: string) =>
  `otpauth://totp/${encodeURIComponent(`Deltag:${email}`)}?secret=${encodeURIComponent(secret)}&issuer=Deltag`;

export const refresh = async (refreshToken: string) =>
  tokensOf(await call<AuthResult>('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }));

export const forgotPassword = (email: string) => call('ForgotPassword', { Username: email });

export const confirmForgotPassword = (email: string, code: string, password: string) =>
  call('ConfirmForgotPassword', { Username: email, ConfirmationCode: code, Password: password });

export const globalSignOut = (accessToken: string) => call('GlobalSignOut', { AccessToken: accessToken });

export const revokeToken = (refreshToken: string) => call('RevokeToken', { Token: refreshToken });

/**
 * Signs out on the server: revokes the refresh token (and with it the access tokens it issued), and
 * in AWS also signs out every session of the user. cognito-local (the local stack) has no
 * GlobalSignOut, so there only the revocation runs.
 */
export async function serverSignOut(accessToken: string | undefined, refreshToken: string | undefined): Promise<void> {
  const config = await loadConfig();
  await Promise.allSettled([
    refreshToken ? revokeToken(refreshToken) : Promise.resolve(),
    accessToken && !config.cognitoEndpoint ? globalSignOut(accessToken) : Promise.resolve(),
  ]);
}
