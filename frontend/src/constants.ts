import type { Stance } from '#shared/schemas/comment';
import type { FlagReason } from '#shared/schemas/flag';
import type { Beneficiary, IdeaSort, PublicStatus } from '#shared/schemas/idea';
import type { ParticipantType } from '#shared/schemas/user';

/**
 * The value lists the SPA needs from the contract. They live in the shared zod modules, and a value
 * import from there would pull zod into the first bundle; so they are repeated here, and the
 * `Exact` checks make the type check fail the day the two drift apart.
 */
type Exact<A extends readonly string[], B extends string> = [B] extends [A[number]] ? ([A[number]] extends [B] ? A : never) : never;
const list = <B extends string>() => <const A extends readonly B[]>(values: Exact<A, B>) => values;

export const COMMENT_EDIT_WINDOW_MINUTES = 15; // = COMMENT_EDIT_WINDOW_MINUTES in shared/schemas/comment.ts
export const beneficiaries = list<Beneficiary>()(['citizens', 'businesses', 'employees', 'municipality']);
export const ideaSorts = list<IdeaSort>()(['new', 'top', 'trending', 'comments', 'random']);
export const publicStatuses = list<PublicStatus>()(['published', 'under_review', 'selected', 'not_selected', 'implemented']);
export const participantTypes = list<ParticipantType>()(['citizen', 'business', 'employee']);
export const stances = list<Stance>()(['for', 'against', 'neutral']);
export const flagReasons = list<FlagReason>()(['spam', 'offensive', 'personal_data', 'off_topic', 'other']);
