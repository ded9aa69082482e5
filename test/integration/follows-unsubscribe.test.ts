import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { signingKey } from '#functions/adapters/dynamodb/signing-key';
import { signUnsubscribe } from '#functions/domain/follows/unsubscribe-token';
import { UNSUBSCRIBES_PER_ADDRESS } from '#functions/domain/follows/mail-settings';
import { unsubscribeResultSchema } from '#shared/schemas/follows';
import type { UnsubscribeScope } from '#shared/rules/follow';
import { expectProblem, table, withinOneWindow, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The one-click unsubscribe (RFC 8058): no sign-in, the signed token from the mail decides whose mail
 * and which kind stops; a token cannot be turned into someone else's; a mail program's form POST works.
 */
let stack: TestStack;
let db: ReturnType<typeof table>;
let key: Buffer;

beforeAll(async () => {
  stack = await testStack();
  db = table(stack);
  // The stack's own key (made on first use, as the function would: a conditional put, so both agree).
  key = await signingKey(db.client, db.TableName).get();
}, 90_000);
afterAll(() => stack?.stop());

const tokenFor = (user: { userId: string }, scope: UnsubscribeScope) => signUnsubscribe(key, user.userId, scope);
const unsubscribe = (token: string, init: { rawBody?: string; headers?: Record<string, string> } = {}) =>
  stack.api(`/unsubscribe?token=${encodeURIComponent(token)}`, { method: 'POST', ...init });
const settingsOf = async (user: User) => (await stack.api('/me/mail-settings', { token: user.token })).json;
const settingsItem = async (userId: string) => (await db.client.send(new GetCommand({ TableName: db.TableName, Key: { pk: `USER#${userId}`, sk: 'MAILSETTINGS' }, ConsistentRead: true }))).Item;

describe('one-click unsubscribe', () => {
  it('a digest link stops the digest without signing in, leaves alerts on, and a second click is done too', async () => {
    const user = await stack.user();
    await stack.api('/me/mail-settings', { method: 'PUT', token: user.token, body: { digest: 'daily' } });

    const first = await unsubscribe(tokenFor(user, 'digest'));
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(unsubscribeResultSchema.parse(first.json)).toEqual({ scope: 'digest', done: true });
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(await settingsOf(user)).toEqual({ digest: 'never', alerts: true });

    const again = await unsubscribe(tokenFor(user, 'digest'));
    expect(again.json).toEqual({ scope: 'digest', done: true });
    expect(await settingsOf(user)).toEqual({ digest: 'never', alerts: true });
  });

  it('an alerts link turns a moderator’s alerts off and leaves the digest', async () => {
    const moderator = await stack.user({ role: 'moderator' });
    expect((await unsubscribe(tokenFor(moderator, 'alerts'))).json).toEqual({ scope: 'alerts', done: true });
    expect(await settingsOf(moderator)).toEqual({ digest: 'weekly', alerts: false });
  });

  it('takes a mail program’s form-encoded one-click POST (List-Unsubscribe=One-Click)', async () => {
    const user = await stack.user();
    const r = await unsubscribe(tokenFor(user, 'digest'), { rawBody: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(await settingsOf(user)).toEqual({ digest: 'never', alerts: true });
  });

  it('user A’s token cannot change user B: B’s id under A’s signature, another key, or another scope are 400 and B is unchanged', async () => {
    const [a, b] = await Promise.all([stack.user(), stack.user()]);
    await stack.api('/me/mail-settings', { method: 'PUT', token: b.token, body: { digest: 'daily' } });
    const [, scope, mac] = tokenFor(a, 'digest').split('.');
    const forged = [
      `${Buffer.from(b.userId).toString('base64url')}.${scope}.${mac}`,
      signUnsubscribe(Buffer.alloc(32, 7), b.userId, 'digest'),
      tokenFor(b, 'digest').replace('.digest.', '.alerts.'),
      `${tokenFor(b, 'digest').slice(0, -2)}AA`,
    ];
    for (const token of forged) {
      const r = await unsubscribe(token);
      expectProblem(r, 400, 'invalid-unsubscribe-link');
      expect(r.json.detail).toBe('Linket er ugyldigt eller forkert kopieret');
    }
    expect(await settingsOf(b)).toEqual({ digest: 'daily', alerts: true });
    expect(await settingsOf(a)).toEqual({ digest: 'weekly', alerts: true });
  });

  it('refuses a missing or malformed token with a Danish field message', async () => {
    expectProblem(await stack.api('/unsubscribe', { method: 'POST' }), 400, 'validation');
    const r = await stack.api('/unsubscribe?token=%3Cscript%3Ealert(1)%3C%2Fscript%3E', { method: 'POST' });
    expectProblem(r, 400, 'validation');
    expect(r.json.errors).toEqual([expect.objectContaining({ path: 'query.token', message: 'Linket er ugyldigt' })]);
  });

  it('a link of an account deleted since the mail is done, and makes no settings item for it', async () => {
    const r = await unsubscribe(signUnsubscribe(key, 'slettet-konto', 'digest'));
    expect(r.json).toEqual({ scope: 'digest', done: true });
    expect(await settingsItem('slettet-konto')).toBeUndefined();
  });

  it('is limited per address (429 with Retry-After), and nothing changes then', async () => {
    const user = await stack.user();
    await withinOneWindow(5, UNSUBSCRIBES_PER_ADDRESS.windowSeconds);
    const windowMs = UNSUBSCRIBES_PER_ADDRESS.windowSeconds * 1000;
    const windowStart = Math.floor(Date.now() / windowMs) * windowMs;
    // The window's counter, full, for whichever form of the loopback address the gateway sees.
    for (const ip of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      await db.client.send(
        new PutCommand({ TableName: db.TableName, Item: { pk: `RATE#UNSUB#${ip}`, sk: `unsubscribe#${windowStart}`, n: UNSUBSCRIBES_PER_ADDRESS.max, expiresAt: Math.ceil(windowStart / 1000) + 120 } }),
      );
    }
    const r = await unsubscribe(tokenFor(user, 'digest'));
    expectProblem(r, 429, 'rate-limited');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await settingsOf(user)).toEqual({ digest: 'weekly', alerts: true });
  });
});
