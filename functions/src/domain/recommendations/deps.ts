import type { AuditAction } from '#shared/rules/audit';
import type { ConfigChange } from '#shared/schemas/process';
import type { Logger } from '../../lib/log';
import type { AuditRecord, Clock, FollowEvent, FollowEventLog, ProcessStore, ProfileStore } from '../ports';
import type { RecommendationStore } from './ports';

/** What the recommendations' use cases run on (wired in handlers/recommendations-wiring.ts). */
export interface RecommendationDeps {
  recommendations: RecommendationStore;
  /** Read as stored: a write must not slip in after an admin archived the process. */
  processes: Pick<ProcessStore, 'get'>;
  profiles: Pick<ProfileStore, 'get'>;
  followEvents: Pick<FollowEventLog, 'record'>;
  clock: Clock;
  /** ULIDs: recommendations, progress updates and audit entries sort by time. */
  newId: (now: Date) => string;
  log: Pick<Logger, 'error'>;
}

/** Who writes: a committee member (or a moderator's lens), named in the log by their profile's name. */
export interface RecommendationActor {
  userId: string;
}

/** The committee's name in the log when the member has no profile. */
const FALLBACK_NAME = 'Udvalget';

export async function actorName(deps: Pick<RecommendationDeps, 'profiles'>, actor: RecommendationActor): Promise<string> {
  return (await deps.profiles.get(actor.userId))?.displayName ?? FALLBACK_NAME;
}

/** The audit entry of a change to a recommendation (target: the recommendation's id). */
export function recommendationAudit(
  deps: Pick<RecommendationDeps, 'newId'>,
  actor: RecommendationActor & { name: string },
  now: Date,
  entry: { processId: string; action: AuditAction; recommendationId: string; changes?: ConfigChange[]; reason?: string },
): AuditRecord {
  return {
    id: deps.newId(now),
    at: now.toISOString(),
    actorId: actor.userId,
    actorName: actor.name,
    processId: entry.processId,
    action: entry.action,
    targetKind: 'recommendation',
    targetId: entry.recommendationId,
    ...(entry.changes?.length ? { changes: entry.changes } : {}),
    ...(entry.reason ? { reason: entry.reason } : {}),
  };
}

/** What changed between two versions, field by field (before/after as stored). */
export function changesOf<T extends object>(before: T | undefined, after: T | undefined, fields: readonly (keyof T & string)[]): ConfigChange[] {
  const changes: ConfigChange[] = [];
  for (const field of fields) {
    const a = before?.[field];
    const b = after?.[field];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    changes.push({ field, ...(a === undefined ? {} : { before: a }), ...(b === undefined ? {} : { after: b }) });
  }
  return changes;
}

/**
 * Tell the followers (the digest run fans it out). Best effort after the write it tells about: the
 * change is stored and answered whatever happens here, and a failure is logged.
 */
export async function tellFollowers(deps: Pick<RecommendationDeps, 'followEvents' | 'log'>, events: FollowEvent[]): Promise<void> {
  for (const event of events) {
    try {
      await deps.followEvents.record(event);
    } catch (error) {
      deps.log.error('follow event not recorded', { kind: event.kind, targetId: event.targetId, error: String(error) });
    }
  }
}
