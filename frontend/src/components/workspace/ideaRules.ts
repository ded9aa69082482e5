import type { IdeaStatus, PublicStatus } from '#shared/schemas/idea';

/**
 * Which decisions fit an idea's state, mirroring the API's rules (functions/src/domain/moderation-rules.ts)
 * so the page offers only what can succeed. The API decides in the end: a stale page gets a 409.
 */
export const publicStatuses = ['published', 'under_review', 'selected', 'not_selected', 'implemented'] as const satisfies readonly PublicStatus[];
/** The public workflow a moderator or the committee moves an idea through with "set-status". */
export const workflowStatuses = publicStatuses;

export type Decision = 'publish' | 'hide' | 'restore' | 'reject';
export const decisions: readonly Decision[] = ['publish', 'hide', 'restore', 'reject'];

const isPublic = (s: IdeaStatus): s is PublicStatus => (publicStatuses as readonly string[]).includes(s);

export function allowedDecisions(idea: { status: IdeaStatus; held: boolean }): Decision[] {
  const { status, held } = idea;
  const closed = status === 'merged' || status === 'withdrawn';
  return decisions.filter((d) => {
    switch (d) {
      case 'publish':
        return status === 'pending';
      case 'hide':
        return isPublic(status);
      case 'restore':
        return status === 'hidden' || status === 'rejected' || (held && isPublic(status));
      case 'reject':
        return !closed && status !== 'rejected';
    }
  });
}

export const canMerge = (idea: { status: IdeaStatus }) => !['merged', 'withdrawn', 'rejected'].includes(idea.status);
export const canSetStatus = (idea: { status: IdeaStatus }) => isPublic(idea.status);

export const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
