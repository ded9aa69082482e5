/**
 * The value lists both ends decide with, as plain code without zod: the server's schemas build their
 * enums from these (`schemas/*.ts`), and the SPA imports them for its options without the schema
 * library. Add a value here and both ends know it.
 */

/** The life of an idea; only the public statuses are ever shown to people other than the author and moderators. */
export const publicStatuses = ['published', 'under_review', 'selected', 'not_selected', 'implemented'] as const;
export type PublicStatus = (typeof publicStatuses)[number];
export const ideaStatuses = [...publicStatuses, 'pending', 'hidden', 'rejected', 'withdrawn', 'merged'] as const;
export type IdeaStatus = (typeof ideaStatuses)[number];
export const isPublicStatus = (s: IdeaStatus): s is PublicStatus => (publicStatuses as readonly string[]).includes(s);

/** The public workflow a moderator or the committee moves an idea through with "set-status". */
export const workflowStatuses = publicStatuses;

/** Who an idea is meant to help ("hvem gavner det"). */
export const beneficiaries = ['citizens', 'businesses', 'employees', 'municipality'] as const;
export type Beneficiary = (typeof beneficiaries)[number];

/** random: a stable shuffle per seed (one per visitor), so early ideas get no head start. */
export const ideaSorts = ['new', 'top', 'trending', 'comments', 'random'] as const;
export type IdeaSort = (typeof ideaSorts)[number];

/** Server-made ids are ULIDs: sortable by creation time, 26 Crockford base-32 characters. */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Cognito groups. */
export const roles = ['moderator', 'committee', 'admin', 'assistant'] as const;
export type Role = (typeof roles)[number];

/**
 * Roles that reach other people's data (the workspace, the audit log, assisted citizens): each needs
 * two-step sign-in with an authenticator app (TOTP) before it is granted. Today that is every role.
 */
export const staffRoles: readonly Role[] = ['moderator', 'committee', 'admin', 'assistant'];
export const isStaffRole = (role: string): boolean => (staffRoles as readonly string[]).includes(role);

/** Who a participant is; the committee splits support by this. */
export const participantTypes = ['citizen', 'business', 'employee'] as const;
export type ParticipantType = (typeof participantTypes)[number];

/** Optional stance of a comment on the idea. */
export const stances = ['for', 'against', 'neutral'] as const;
export type Stance = (typeof stances)[number];

/** Authors may edit their comment this long after posting it. */
export const COMMENT_EDIT_WINDOW_MINUTES = 15;
/** A comment's length in characters. */
export const COMMENT_MAX = 2000;

/** Why someone flags an idea or a comment (anmeldelse). */
export const flagReasons = ['spam', 'offensive', 'personal_data', 'off_topic', 'other'] as const;
export type FlagReason = (typeof flagReasons)[number];
/** A flag's own words: at most FLAG_TEXT_MAX, and for "other" at least FLAG_TEXT_MIN (say what is wrong). */
export const FLAG_TEXT_MIN = 5;
export const FLAG_TEXT_MAX = 500;
