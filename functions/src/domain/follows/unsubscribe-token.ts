import { createHmac, timingSafeEqual } from 'node:crypto';
import { unsubscribeScopes, type UnsubscribeScope } from '#shared/rules/follow';

/**
 * The token in a mail's unsubscribe link: `<user id, base64url>.<scope>.<HMAC-SHA256, base64url>`.
 * Signed with the key only the server holds (adapters/dynamodb/signing-key.ts), so a link works
 * without signing in and cannot be turned into someone else's: changing the user id breaks the MAC.
 * It names one user and one kind of mail and never expires: an old digest's link must still work.
 */
const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(`unsubscribe:${payload}`).digest('base64url');

export function signUnsubscribe(key: Buffer, userId: string, scope: UnsubscribeScope): string {
  const payload = `${Buffer.from(userId, 'utf8').toString('base64url')}.${scope}`;
  return `${payload}.${mac(key, payload)}`;
}

/** The user and scope a token names, or undefined when it is malformed or not signed with `key`. */
export function verifyUnsubscribe(key: Buffer, token: string): { userId: string; scope: UnsubscribeScope } | undefined {
  const [user, scope, signature, ...rest] = token.split('.');
  if (!user || !scope || !signature || rest.length > 0) return undefined;
  if (!(unsubscribeScopes as readonly string[]).includes(scope)) return undefined;
  const expected = Buffer.from(mac(key, `${user}.${scope}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  const userId = Buffer.from(user, 'base64url').toString('utf8');
  return userId ? { userId, scope: scope as UnsubscribeScope } : undefined;
}
