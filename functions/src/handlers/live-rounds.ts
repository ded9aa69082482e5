// (primary adapter) --> domain/events --> adapters/dynamodb
import { monotonicFactory } from 'ulid';
import { profileStore } from '../adapters/dynamodb/profiles';
import { cachedProcesses, onTable } from './table-stores';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { eventStore } from '../adapters/dynamodb/events';
import { liveLimits, liveRoundStore } from '../adapters/dynamodb/live-rounds';
import { mainTable } from '../adapters/dynamodb/tables';
import { createLiveRound, liveRounds, saveLiveRound, setLiveRoundState } from '../domain/events/live-admin';
import { answerLive, getLiveRound } from '../domain/events/live-phone';
import { eventLiveResults, liveRoundResults } from '../domain/events/live-result-views';
import { systemClock } from '../domain/ports';
import type { AreaRoutes } from '../lib/http';
import type { eventRoutes as eventArea } from '#shared/api/areas/events.routes';

/*
 * The presenter view polls liveRoundResults every 2 s rather than taking pushed results over an API
 * Gateway WebSocket: one presenter polling costs ~1,800 requests an hour (two reads each), while a
 * WebSocket would need a connections table, a second API, fan-out code on every answer and more
 * for cdk-nag to check; the phones never need anything pushed to them.
 */

const ulid = monotonicFactory();
const client = documentClient();
const table = tableName(mainTable);
const processes = cachedProcesses();
const profiles = onTable(profileStore);
const deps = {
  rounds: liveRoundStore(client, table),
  events: eventStore(client, table),
  // Processes cached for 30 s: an archived process stops taking answers within that.
  processes,
  profiles,
  limits: liveLimits(client, table),
  newId: (now: Date) => ulid(now.getTime()),
  clock: systemClock,
};

/** The events module's the live round: organisers' drafts, opening and closing, the presenter's results; phones' questions and answers. */
export const liveRoutes: AreaRoutes<typeof eventArea> = {
  liveRounds: async ({ params }) => liveRounds(deps, params.processId, params.eventId),
  createLiveRound: async ({ params, body, actor }) => createLiveRound(deps, actor, params.processId, params.eventId, body),
  saveLiveRound: async ({ params, body, actor }) => saveLiveRound(deps, actor, params.processId, params.eventId, params.roundId, body),
  setLiveRoundState: async ({ params, body, actor }) => setLiveRoundState(deps, actor, params.processId, params.eventId, params.roundId, body.state),
  liveRoundResults: async ({ params }) => liveRoundResults(deps, params.processId, params.eventId, params.roundId),
  eventLiveResults: async ({ params }) => eventLiveResults(deps, params.processId, params.eventId),
  getLiveRound: async ({ params }) => getLiveRound(deps, params.code),
  answerLive: async ({ params, body, sourceIp }) => answerLive(deps, params.code, body, sourceIp),
};
