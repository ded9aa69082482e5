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
    body: JSON.stringify(operation === 'GlobalSignOut' ? body : { ClientId: config.userPoolClientId, ...body }),
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
  AuthenticationResult?: { AccessToken: string; RefreshToken?: string; ExpiresIn: number };
  ChallengeName?: string;
}

function tokensOf(result: AuthResult): Tokens {
  const auth = result.AuthenticationResult;
  if (!auth) throw new CognitoError(result.ChallengeName ?? 'UnsupportedChallenge', 'Sign-in needs a step this app does not support');
  return { accessToken: auth.AccessToken, refreshToken: auth.RefreshToken, expiresIn: auth.ExpiresIn };
}

export const signUp = (email: string, password: string) =>
  call('SignUp', { Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] });

export const confirmSignUp = (email: string, code: string) => call('ConfirmSignUp', { Username: email, ConfirmationCode: code });

export const resendCode = (email: string) => call('ResendConfirmationCode', { Username: email });

export const signIn = async (email: string, password: string) =>
  tokensOf(await call<AuthResult>('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }));

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
