// handler --> (use case) --> MailSettingsStore, SigningKey, ProfileStore, LiveLimits
import type { MailSettings, UnsubscribeResult } from '#shared/schemas/follows';
import type { Actor } from '../../lib/auth';
import { BadRequestError, TooManyRequestsError } from '../../lib/errors';
import type { LiveLimits } from '../events/live-limits';
import type { Clock, MailSettingsStore, ProfileStore, RateLimit, SigningKey } from '../ports';
import { verifyUnsubscribe } from './unsubscribe-token';

export interface MailDeps {
  mailSettings: MailSettingsStore;
  signingKey: SigningKey;
  profiles: Pick<ProfileStore, 'get'>;
  /** Per-address counters (the live answers' kind: one atomic ADD each). */
  limits: LiveLimits;
  clock: Clock;
}

/**
 * Unsubscribes per source address and minute. Generous on purpose: one-click unsubscribes come from
 * the mail providers' servers (many users behind a few addresses) and, in AWS, through CloudFront's
 * edge addresses; the limit only stops a script hammering the route. Guessing a token is hopeless
 * anyway (HMAC-SHA256).
 */
export const UNSUBSCRIBES_PER_ADDRESS: RateLimit = { action: 'unsubscribe', max: 600, windowSeconds: 60 };

export const INVALID_LINK = 'Linket er ugyldigt eller forkert kopieret';

export async function mailSettings(deps: Pick<MailDeps, 'mailSettings'>, actor: Actor): Promise<MailSettings> {
  return deps.mailSettings.get(actor.userId);
}

/**
 * Change the digest frequency and/or alerts. `alerts` is accepted from anyone, citizens too: it only
 * means something for moderators and committee members (the alert and reminder runs mail staff only),
 * and refusing it from others would break a settings form that sends both fields.
 */
export async function updateMailSettings(deps: Pick<MailDeps, 'mailSettings'>, actor: Actor, change: Partial<MailSettings>): Promise<MailSettings> {
  return deps.mailSettings.set(actor.userId, change);
}

/**
 * One-click unsubscribe (RFC 8058): no sign-in; the signed token names the user and the kind of mail
 * (domain/follows/unsubscribe-token.ts), so nobody can unsubscribe someone else. Primary course:
 * 1. The address is within its limit (429).
 * 2. The token verifies with the site's key (else 400, nothing changed).
 * 3. 'digest' sets the digest to never; 'alerts' turns alerts off. Idempotent: a second click is done too.
 * An account deleted since the mail has nothing left to turn off: no settings item is made for it.
 */
export async function unsubscribe(deps: MailDeps, token: string, sourceIp: string | undefined): Promise<UnsubscribeResult> {
  const now = deps.clock.now();
  if (sourceIp && !(await deps.limits.take(`UNSUB#${sourceIp}`, UNSUBSCRIBES_PER_ADDRESS, now))) {
    throw new TooManyRequestsError(Math.max(1, 60 - now.getUTCSeconds()));
  }
  const verified = verifyUnsubscribe(await deps.signingKey.get(), token);
  if (!verified) throw new BadRequestError(INVALID_LINK, 'invalid-unsubscribe-link');
  if (await deps.profiles.get(verified.userId)) {
    await deps.mailSettings.set(verified.userId, verified.scope === 'digest' ? { digest: 'never' } : { alerts: false });
  }
  return { scope: verified.scope, done: true };
}
