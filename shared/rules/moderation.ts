import { isPublicStatus, type IdeaStatus } from './values';

/**
 * What a moderation decision may do to an idea in each state: the one decision table the server
 * enforces (`functions/src/domain/moderation-rules.ts` turns a refused cell into a 409) and the
 * workspace's buttons follow, so the page offers only what can succeed.
 *
 *   pending ──publish──▶ published ──set-status──▶ under_review ▶ selected / not_selected ▶ implemented
 *      │                    │  ▲
 *      │                  hide restore            flags ≥ threshold: "held" (still its status, off the lists)
 *      │                    ▼  │                    restore: back on the lists, flags reset; hide/reject
 *      └──────reject──▶ rejected / hidden           merge: a public idea into another (read-only, links on)
 *
 * A merged idea can still be hidden or rejected: personal data found after a merge must be
 * removable. It then leaves the target's list of merged ideas; a restore makes it merged again.
 */
export const ideaActions = ['publish', 'hide', 'restore', 'reject', 'merge', 'set-status'] as const;
export type IdeaAction = (typeof ideaActions)[number];

export interface IdeaState {
  status: IdeaStatus;
  /** Held for a moderator after flags: still its status, off the public lists. */
  held?: boolean;
}

const table: Record<IdeaAction, (status: IdeaStatus, held: boolean) => boolean> = {
  publish: (status) => status === 'pending',
  // A merged idea is read by anyone (read-only), so it must be possible to take it away.
  hide: (status) => isPublicStatus(status) || status === 'merged',
  restore: (status, held) => status === 'hidden' || status === 'rejected' || (held && isPublicStatus(status)),
  reject: (status) => status !== 'withdrawn' && status !== 'rejected',
  // A merged idea can be read by anyone: only what is public already may become merged, never
  // something unapproved, hidden or held after flags.
  merge: (status, held) => isPublicStatus(status) && !held,
  'set-status': (status) => isPublicStatus(status),
};

/**
 * Flags cannot freeze voting (issue 17): a handful of people flagging a popular idea during the vote
 * would otherwise take it out of the running until a moderator looks. So a held idea keeps what it
 * had: it leaves the public lists (nobody new stumbles on content that may break the rules), but its
 * own page stays up, marked as under review, with its votes, and it takes votes like any published
 * idea. Comments on it pause until the moderator decides. It waits in the flagged queue, and the
 * moderators are mailed at the next digest run that it was held (follows/held-alerts.ts), besides the
 * queue's own alert once it has waited queueAlertHours.
 */
export const takesVotes = (idea: IdeaState): boolean => idea.status === 'published';
/**
 * Account age before a flag counts (issue 17): three accounts made a moment ago could otherwise hold
 * any idea. A flag from an account younger than this is recorded and shown to the moderators (marked
 * as from a new account) but does not count toward the process's flag threshold. A day is enough to
 * make a throwaway account cost a wait, and short enough that a new citizen's honest flag counts
 * tomorrow; the age is the profile's creation (made at sign-up), so it costs no extra lookup.
 */
export const FLAG_MIN_ACCOUNT_AGE_HOURS = 24;
export const flagCounts = (accountCreatedAt: string, now: Date): boolean =>
  now.getTime() - Date.parse(accountCreatedAt) >= FLAG_MIN_ACCOUNT_AGE_HOURS * 3_600_000;

/** A held idea's page stays up (for anyone who has its link) while a moderator looks. */
export const heldIdeaPageOpen = (idea: IdeaState): boolean => !!idea.held && isPublicStatus(idea.status);

export const ideaActionAllowed = (idea: IdeaState, action: IdeaAction): boolean => table[action](idea.status, !!idea.held);

export const allowedIdeaActions = (idea: IdeaState): IdeaAction[] => ideaActions.filter((a) => ideaActionAllowed(idea, a));

/** Danish administrative law expects reasons; these bound every moderation reason, on both ends. */
export const REASON_MIN = 5;
export const REASON_MAX = 1000;
/** The committee's official answer on an idea. */
export const ANSWER_MAX = 5000;

/** Decisions that take content away need a reason, which the author is shown. */
export const reasonRequired = (action: string): boolean => action === 'hide' || action === 'reject' || action === 'merge' || action === 'block';

/** The plain decisions (no target, no status): one idea's decision form, and the queue's bulk action. */
export const decisionActions = ['publish', 'hide', 'restore', 'reject'] as const satisfies readonly IdeaAction[];
export type DecisionAction = (typeof decisionActions)[number];
export const allowedDecisions = (idea: IdeaState): DecisionAction[] => decisionActions.filter((a) => ideaActionAllowed(idea, a));

/** One action on a selection from the queue: a plain decision, at most BULK_MAX targets per call. */
export const bulkActions = decisionActions;
export type BulkAction = DecisionAction;
export const BULK_MAX = 50;

/**
 * Merges can be chained (C into B, then B into A). Everything that walks a chain (the export's
 * counting, the ideas one has voted for, the idea page's note on where a vote went) follows it this
 * deep at most, so all of them agree on where it ends.
 */
export const MAX_MERGE_DEPTH = 10;
/** Comments can only be hidden or restored (they are never pending, and a hidden comment is not "rejected"). */
export const commentActions = ['hide', 'restore'] as const;
export const bulkActionFits = (action: BulkAction, kind: 'idea' | 'comment') => kind === 'idea' || (commentActions as readonly string[]).includes(action);
