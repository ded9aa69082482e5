// handler --> (use case) --> LiveRoundStore, EventReads, ProcessStore, ProfileStore
import type { LiveRoundDefinition } from '#shared/schemas/live-rounds';
import type { Actor } from '../../lib/auth';
import { ConflictError } from '../../lib/errors';
import { auditEntry } from '../audit';
import type { Clock, ProcessStore, ProfileStore } from '../ports';
import { getProcess } from '../processes';
import { claimShortCode } from './live-code';
import { eventOf, mayRunRounds, nextStamp, roundOf, staleRound } from './live-event';
import type { EventReads, LiveRoundRecord, LiveRoundStore } from './ports';

/**
 * The organisers' side of the live round in the room (admins and moderators): a round is written as
 * a draft, opened (it gets its short code and takes answers) and closed (its results are kept for
 * good). draft → open → closed, nothing else: reopening a closed round would mix two moments of the
 * room into one result, and changing an open round's questions would change what answers meant.
 */
export interface LiveAdminDeps {
  rounds: LiveRoundStore;
  events: EventReads;
  processes: Pick<ProcessStore, 'get'>;
  profiles: Pick<ProfileStore, 'get'>;
  /** ULIDs: rounds list in the order they were made, audit entries by time. */
  newId: (now: Date) => string;
  clock: Clock;
  /** A short code (crypto random); tests draw their own to force a collision. */
  drawCode?: () => string;
}

const audit = (deps: LiveAdminDeps, actor: Actor, now: Date, round: LiveRoundRecord, action: 'live-round-create' | 'live-round-save' | 'live-round-open' | 'live-round-close', changes: { field: string; before?: unknown; after?: unknown }[]) =>
  auditEntry(deps, actor, now, { processId: round.processId, action, targetKind: 'live-round', targetId: round.id, changes });

/** An event's rounds in any state, oldest first (404 for an unknown event). */
export async function liveRounds(deps: Pick<LiveAdminDeps, 'rounds' | 'events'>, processId: string, eventId: string) {
  await eventOf(deps.events, processId, eventId);
  return { items: await deps.rounds.rounds(processId, eventId) };
}

/**
 * A new round as a draft. Primary course:
 * 1. The process and the event exist (404); the event is not cancelled and the process not closed (409).
 * 2. The round is stored with its audit entry ('live-round-create') in one transaction.
 */
export async function createLiveRound(deps: LiveAdminDeps, actor: Actor, processId: string, eventId: string, definition: LiveRoundDefinition): Promise<LiveRoundRecord> {
  const now = deps.clock.now();
  const [process, event] = await Promise.all([getProcess(deps.processes, processId), eventOf(deps.events, processId, eventId)]);
  mayRunRounds(process, event, now);
  const at = now.toISOString();
  const round: LiveRoundRecord = { id: deps.newId(now), processId, eventId, title: definition.title, questions: definition.questions, state: 'draft', createdAt: at, updatedAt: at };
  await deps.rounds.create(round, await audit(deps, actor, now, round, 'live-round-create', [{ field: 'title', after: definition.title.da }, { field: 'questions', after: definition.questions.length }]));
  return round;
}

/**
 * New questions for a draft round. Primary course:
 * 1. The round exists under the event (404) and is still a draft (409: an opened round's questions stay as answered).
 * 2. The organiser started from the stored version (409 stale otherwise, nothing written).
 * 3. Written with its audit entry ('live-round-save') if neither the version nor the state moved meanwhile.
 */
export async function saveLiveRound(deps: LiveAdminDeps, actor: Actor, processId: string, eventId: string, roundId: string, input: { definition: LiveRoundDefinition; expectedUpdatedAt: string }): Promise<LiveRoundRecord> {
  const now = deps.clock.now();
  const round = await roundOf(deps.rounds, processId, eventId, roundId);
  if (round.state !== 'draft') throw new ConflictError('round-not-draft', 'Runden er åbnet, så spørgsmålene kan ikke ændres længere. Lav en ny runde.');
  if (round.updatedAt !== input.expectedUpdatedAt) throw staleRound();
  const saved: LiveRoundRecord = { ...round, title: input.definition.title, questions: input.definition.questions, updatedAt: nextStamp(round.updatedAt, now) };
  const entry = await audit(deps, actor, now, saved, 'live-round-save', [{ field: 'questions', before: round.questions.length, after: saved.questions.length }]);
  if ((await deps.rounds.save(saved, { updatedAt: round.updatedAt, state: 'draft' }, entry)) === 'stale') throw staleRound();
  return saved;
}

/** Why a state change is refused, by the state the round is in (409, in Danish). */
const refusals = {
  draft: { closed: 'Runden er ikke åbnet endnu. Åbn den først.' },
  open: { open: 'Runden er allerede åben.' },
  closed: { open: 'Runden er lukket. En lukket runde kan ikke åbnes igen; lav en ny runde.', closed: 'Runden er allerede lukket.' },
} as const;

/**
 * Open a draft round or close an open one. Primary course:
 * 1. The round exists under the event (404); the change is draft → open or open → closed (409 otherwise).
 * 2. Opening: the event is not cancelled and the process not closed (409); a short code is drawn
 *    and claimed (drawn again on a collision); `openedAt` is set.
 * 3. Closing: `closedAt` is set; the tallies stay as they are: they are the results.
 * 4. Written with its audit entry ('live-round-open' / 'live-round-close') if the round is still
 *    as it was read (409 stale when another organiser moved it meanwhile).
 */
export async function setLiveRoundState(deps: LiveAdminDeps, actor: Actor, processId: string, eventId: string, roundId: string, target: 'open' | 'closed'): Promise<LiveRoundRecord> {
  const now = deps.clock.now();
  const round = await roundOf(deps.rounds, processId, eventId, roundId);
  const allowed = (round.state === 'draft' && target === 'open') || (round.state === 'open' && target === 'closed');
  if (!allowed) throw new ConflictError('round-state', (refusals[round.state] as Record<string, string>)[target] ?? 'Runden kan ikke skifte til den tilstand.');
  const at = now.toISOString();
  let saved: LiveRoundRecord;
  if (target === 'open') {
    const [process, event] = await Promise.all([getProcess(deps.processes, processId), eventOf(deps.events, processId, eventId)]);
    mayRunRounds(process, event, now);
    const code = await claimShortCode(deps.rounds, round, deps.drawCode);
    saved = { ...round, state: 'open', code, openedAt: at, updatedAt: nextStamp(round.updatedAt, now) };
  } else {
    saved = { ...round, state: 'closed', closedAt: at, updatedAt: nextStamp(round.updatedAt, now) };
  }
  const entry = await audit(deps, actor, now, saved, target === 'open' ? 'live-round-open' : 'live-round-close', [{ field: 'state', before: round.state, after: saved.state }]);
  if ((await deps.rounds.save(saved, { updatedAt: round.updatedAt, state: round.state }, entry)) === 'stale') throw staleRound();
  return saved;
}
