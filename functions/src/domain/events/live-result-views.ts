// handler --> (use case) --> LiveRoundStore, EventReads
import type { LiveRoundResults } from '#shared/schemas/live-rounds';
import { NotFoundError } from '../../lib/errors';
import { eventOf, roundOf } from './live-event';
import { liveResults } from './live-results';
import type { EventReads, LiveRoundStore } from './ports';

export interface LiveResultDeps {
  rounds: Pick<LiveRoundStore, 'round' | 'rounds' | 'tallies'>;
  events: EventReads;
}

/**
 * A round's results as they stand, in any state (organisers and the committee). The presenter view
 * polls this every 2 seconds, so it costs two reads: the round (GetItem) and its tallies (one Query on
 * the round's answer partition, the tallies only). Polling rather than an API Gateway WebSocket:
 * one presenter polling every 2 s is ~1,800 requests an hour, while a WebSocket API needs a
 * connections table, a second API, fan-out code and more to secure, and the phones never need
 * anything pushed to them.
 */
export async function liveRoundResults(deps: Pick<LiveResultDeps, 'rounds'>, processId: string, eventId: string, roundId: string): Promise<LiveRoundResults> {
  const [round, tallies] = await Promise.all([roundOf(deps.rounds, processId, eventId, roundId), deps.rounds.tallies(roundId)]);
  return { ...round, results: liveResults(round, tallies) };
}

/**
 * The results of an event's closed rounds, for everyone (the event page, the committee annex).
 * Primary course: 1. the event exists and is published (404 otherwise: an unpublished event is
 * the workspace's); 2. its closed rounds, oldest first, each with its results. Open rounds are
 * left out: the room sees them on the projector, the public once the round is done.
 */
export async function eventLiveResults(deps: LiveResultDeps, processId: string, eventId: string): Promise<{ items: LiveRoundResults[] }> {
  const event = await eventOf(deps.events, processId, eventId);
  if (!event.published) throw new NotFoundError('Arrangementet findes ikke.');
  const closed = (await deps.rounds.rounds(processId, eventId)).filter((r) => r.state === 'closed');
  const items = await Promise.all(closed.map(async (round) => ({ ...round, results: liveResults(round, await deps.rounds.tallies(round.id)) })));
  return { items };
}
