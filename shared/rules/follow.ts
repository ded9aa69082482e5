import type { Label } from './labels';

/**
 * Following and being told (issue 16). Authors, voters and commenters follow an idea automatically
 * (derived from what they did, no write of its own) and can unfollow; anyone signed in can follow an
 * idea or a recommendation. Followers get a digest mail at most daily, by their choice. Zod-free.
 */
export const followTargets = ['idea', 'recommendation'] as const;
export type FollowTarget = (typeof followTargets)[number];

/** Why someone follows: they asked, or what they did (an explicit unfollow beats all of these). */
export const followReasons = ['explicit', 'author', 'voter', 'commenter'] as const;
export type FollowReason = (typeof followReasons)[number];

export const digestFrequencies = ['daily', 'weekly', 'never'] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];
/** Until someone chooses: weekly, so taking part does not fill an inbox. */
export const DEFAULT_DIGEST: DigestFrequency = 'weekly';

export const digestFrequencyLabels: Record<DigestFrequency, Label> = {
  daily: { da: 'Dagligt', en: 'Daily' },
  weekly: { da: 'Ugentligt', en: 'Weekly' },
  never: { da: 'Aldrig', en: 'Never' },
};

/** What a digest tells about. */
export const followEventKinds = ['status', 'answer', 'merged', 'reply', 'taken-up', 'recommendation-status'] as const;
export type FollowEventKind = (typeof followEventKinds)[number];

/** What an unsubscribe link turns off: the digests, or a moderator's/committee member's alerts and reminders. */
export const unsubscribeScopes = ['digest', 'alerts'] as const;
export type UnsubscribeScope = (typeof unsubscribeScopes)[number];

/** Mails to staff: the moderation queue has waited too long; an answer deadline is near. */
export const DEFAULT_QUEUE_ALERT_HOURS = 48;
export const DEFAULT_REMIND_DAYS_BEFORE = 7;

/**
 * The period a digest belongs to, so a user gets at most one per period (the idempotency record's
 * key): a Danish date for daily (`D2026-12-02`), an ISO week for weekly (`W2026-49`). `day` is the
 * Danish date (YYYY-MM-DD) of the run.
 */
export function digestPeriod(frequency: Exclude<DigestFrequency, 'never'>, day: string): string {
  if (frequency === 'daily') return `D${day}`;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  date.setUTCDate(date.getUTCDate() - weekday + 3); // the week's Thursday decides its year
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `W${year}-${String(week).padStart(2, '0')}`;
}
