import { startStack, type RunningStack } from '#local/stack';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import type { ParticipantType, Role } from '#shared/schemas/user';
import { createUser, signIn } from '#local/users';
import { AssociateSoftwareTokenCommand, SetUserMFAPreferenceCommand, VerifySoftwareTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { totp } from './totp';

/**
 * A whole local stack for one test file: in-memory DynamoDB Local, cognito-local in a temp folder,
 * the gateway with the real handlers, all on free loopback ports. Stop it in afterAll.
 */
export async function testStack(seed: 'process' | 'demo' = 'process'): Promise<TestStack> {
  const stack = await startStack({ ports: 'auto', seed, webRoot: 'test/fixtures/web' });
  return new TestStack(stack);
}

/**
 * The demo in browser tests: the whole plan (every idea, decision and flag) with fewer generated
 * participants than `npm start -- --demo`, so a stack starts in seconds rather than most of a minute.
 */
export const TEST_DEMO_PARTICIPANTS = 40;

let counter = 0;

/** Seconds since the epoch when a JWT runs out (its `exp` claim), or Infinity when it has none. */
const expiryOf = (token: string) => {
  try {
    return (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp?: number }).exp ?? Infinity;
  } catch {
    return Infinity;
  }
};

export class TestStack {
  constructor(readonly stack: RunningStack) {}

  /**
   * Access tokens live five minutes (cdk/definitions/identity.ts), shorter than some test files run:
   * `api()` signs a user in again when a token it handed out is about to expire, as the SPA refreshes.
   */
  private readonly logins = new Map<string, { email: string; password: string; fresh?: string; totpSecret?: string }>();

  get info() {
    return this.stack.info;
  }

  stop() {
    return this.stack.stop();
  }

  /**
   * A new confirmed user with a profile, signed in; returns the user id and an access token. The
   * profile is dated 30 days back, so the user's flags count toward a hold (FLAG_MIN_ACCOUNT_AGE_HOURS);
   * `newAccount` dates it now, as a sign-up a moment ago.
   */
  async user(options: { role?: Role; type?: ParticipantType; name?: string; newAccount?: boolean } = {}) {
    const email = `user${++counter}-${Date.now()}@example.dk`;
    const password = 'Test-adgang-2026';
    const profiles = profileStore(createDocumentClient(this.info.dynamodbEndpoint), mainTable.localName);
    const userId = await createUser(this.stack.pool, profiles, {
      email,
      password,
      role: options.role,
      type: options.type ?? 'citizen',
      displayName: options.name ?? `Testbruger ${counter}`,
    }, options.newAccount ? new Date() : new Date(Date.now() - 30 * 86_400_000));
    const token = await signIn(this.stack.pool, email, password);
    this.logins.set(token, { email, password });
    return { userId, email, password, token };
  }

  /**
   * Sets up two-step sign-in with an authenticator app for a user, as Min side does: associate a
   * secret, verify it with a code computed from it, make it the preferred method. Returns the secret;
   * later renewals of the user's token answer the code challenge with it.
   */
  async setUpTotp(user: { token: string }): Promise<string> {
    const client = this.stack.pool.client;
    const AccessToken = await this.current(user.token);
    const { SecretCode } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    if (!SecretCode) throw new Error('AssociateSoftwareToken gave no secret');
    await client.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totp(SecretCode), FriendlyDeviceName: 'Test' }));
    await client.send(new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
    const login = this.logins.get(user.token);
    if (login) login.totpSecret = SecretCode;
    return SecretCode;
  }

  /** The token, or a fresh one for the same user when it runs out within half a minute. */
  private async current(token: string): Promise<string> {
    const login = this.logins.get(token);
    if (!login || expiryOf(login.fresh ?? token) > Date.now() / 1000 + 30) return login?.fresh ?? token;
    const secret = login.totpSecret;
    login.fresh = await signIn(this.stack.pool, login.email, login.password, secret ? () => totp(secret) : undefined);
    return login.fresh;
  }

  /** fetch against the API with JSON in and out; `token` signs the request in. */
  async api(path: string, init: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${await this.current(init.token)}`;
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.info.apiUrl}${path}`, { method: init.method ?? 'GET', headers, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as any) : undefined };
  }
}
