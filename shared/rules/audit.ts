import type { IdeaStatus } from './values';

/**
 * The audit log's vocabulary, zod-free so the workspace's filter form imports it cheaply: every
 * action a moderator or admin can leave in the log, and the state of a target before and after it.
 */

/** What the log records; the first six are idea decisions (`rules/moderation.ts` ideaActions), the `process-` ones an admin's configuration (and the retention job's erasure). */
export const auditActions = [
  'publish',
  'hide',
  'restore',
  'reject',
  'merge',
  'set-status',
  'comment-hide',
  'comment-restore',
  'block',
  'unblock',
  'roles',
  'process-create',
  'process-update',
  'process-archive',
  'process-restore',
  'process-erase',
  'survey-save',
  'survey-publish',
  'survey-text-approve',
  'survey-text-hide',
  'consultation-setup',
  'round-invite',
  'document-create',
  'document-draft',
  'document-publish',
  'response-answer',
  'response-hide',
  'response-restore',
  'event-create',
  'event-update',
  'event-cancel',
  'live-round-create',
  'live-round-save',
  'live-round-open',
  'live-round-close',
  'assisted-person-create',
  'assisted-idea',
  'assisted-vote',
  'assisted-unvote',
  'assisted-comment',
  'assisted-answer',
  'assisted-receipt',
  'assisted-export',
  'assisted-erase',
  'assisted-claim',
  'plain-summary',
  'recommendation-create',
  'recommendation-update',
  'recommendation-delete',
  'recommendation-status',
  'ai-lens',
  'initiative-set',
  'progress-add',
  'annex-freeze',
] as const;
export type AuditAction = (typeof auditActions)[number];
export const isAuditAction = (value: string): value is AuditAction => (auditActions as readonly string[]).includes(value);
/**
 * An admin's (or the retention job's, or setup's) change to a process itself, to its survey's
 * definition or publication, to its consultation's setup and documents, or to its events and their
 * live rounds; not a moderator's
 * decision on content (a free text's review, a comment's answer or hiding are such decisions).
 */
export const isConfigAction = (value: string): boolean =>
  value.startsWith('process-') || value.startsWith('document-') || value.startsWith('event-') || value.startsWith('live-round-') || (configActions as readonly string[]).includes(value);
const configActions = ['survey-save', 'survey-publish', 'consultation-setup', 'round-invite'] as const;

export const commentStates = ['visible', 'held', 'hidden', 'deleted'] as const;
export type CommentState = (typeof commentStates)[number];

/**
 * A target's state as the log records it, structured so each end words it in its own language:
 * an idea's status and whether flags hold it, a comment's state, an account's block, a user's roles.
 * `text` is an entry this version cannot read (written by a later version, say): shown as it is.
 */
export type AuditState =
  | { kind: 'idea'; status: IdeaStatus; held: boolean }
  | { kind: 'comment'; state: CommentState }
  | { kind: 'account'; blocked: boolean }
  | { kind: 'roles'; roles: string[] }
  | { kind: 'text'; text: string };

/**
 * What an assistant did for a citizen (issue 15): each assisted route leaves one of these, naming the
 * assistant (actor), the citizen (target `assisted-person`) and the channel; also the citizen's claim.
 */
export const isAssistedAction = (value: string): boolean => value.startsWith('assisted-');

/** A user id as the moderator filter takes it (a Cognito `sub`): letters, digits, `-` and `_`. */
export const USER_ID_PATTERN = /^[\w-]{1,64}$/;

/** Who has decided something in a process's log: the moderator filter's choices. */
export interface AuditActor {
  id: string;
  name: string;
}
