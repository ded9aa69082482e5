// setup command, local seed --> (use cases: createEvent, createLiveRound) --> EventStore, LiveRoundStore with their audit entries
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { eventStore } from '#functions/adapters/dynamodb/events';
import { signupStore } from '#functions/adapters/dynamodb/event-signups';
import { liveRoundStore } from '#functions/adapters/dynamodb/live-rounds';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import type { ProfileStore } from '#functions/domain/ports';
import { createEvent, type EventDeps } from '#functions/domain/events/events';
import { createLiveRound, type LiveAdminDeps } from '#functions/domain/events/live-admin';
import type { Actor } from '#functions/lib/auth';
import { ConflictError } from '#functions/lib/errors';
import { createLogger } from '#functions/lib/log';
import type { EventCreate } from '#shared/schemas/events';
import type { ProcessDefinition } from '#shared/schemas/process';
import { eventsFor, type EventsFile } from './events-file';
import { SETUP_ACTOR } from './import';

export interface EventAdminDeps {
  events: EventDeps;
  /** For a clock of its own per step (the demo dates each step); the setup's is its `now`. */
  live: (now: Date) => LiveAdminDeps;
}

/** The events side's use cases on a table; the audit log names the setup command, as for the process and its survey. */
export function eventAdminDeps(client: DynamoDBDocumentClient, table: string): EventAdminDeps {
  const stored = profileStore(client, table);
  // The use cases sign with the actor's profile name; the setup command has no profile of its own.
  const profiles: Pick<ProfileStore, 'get'> = {
    get: async (userId) =>
      userId === SETUP_ACTOR.userId ? { userId, displayName: SETUP_ACTOR.name ?? userId, participantType: 'employee', createdAt: '', updatedAt: '' } : stored.get(userId),
  };
  const events = eventStore(client, table);
  const processes = processStore(client, table);
  const newId = (now: Date) => ulid(now.getTime());
  return {
    events: {
      events,
      signups: signupStore(client, table),
      processes,
      profiles,
      newId,
      // Creating an event mails no one (only a change of one that people signed up for does).
      notifier: { send: async () => { throw new Error('the setup does not send mail'); } },
      siteUrl: async () => '',
      log: createLogger({ setup: 'events' }),
    },
    live: (now) => ({ rounds: liveRoundStore(client, table), events, processes, profiles, newId, clock: { now: () => now } }),
  };
}

/** The setup command as the live rounds' use cases take an actor (an admin, named 'Opsætning' in the log). */
export const SETUP_ROUND_ACTOR: Actor = { userId: SETUP_ACTOR.userId, username: SETUP_ACTOR.userId, roles: ['admin'] };

export interface EventsImport {
  /** The events created now (an event the process already has is left alone). */
  created: string[];
  /** Live rounds created now, as drafts. */
  rounds: number;
}

/**
 * Imports a process's events through the workspace's use cases, so they are validated and audited
 * alike: each event created, then each live round of the file created as a draft for its event.
 * What the process already has is kept: an event with the same id is never overwritten, and rounds
 * are made only for an event that has none yet (setup may run again safely, and an organiser's
 * rounds and answers are never touched).
 */
export async function importEvents(deps: EventAdminDeps, processId: string, events: readonly EventCreate[], rounds: EventsFile['liveRounds'], now: Date): Promise<EventsImport> {
  const created: string[] = [];
  // Each a moment after the one before, so the audit log keeps the file's order.
  for (const [i, event] of events.entries()) {
    if (await deps.events.events.event(processId, event.id)) continue;
    try {
      await createEvent(deps.events, SETUP_ACTOR, processId, event, new Date(now.getTime() + 10 * i));
      created.push(event.id);
    } catch (error) {
      // Created by someone else between the read and the write: theirs stands.
      if (!(error instanceof ConflictError && error.slug === 'event-exists')) throw error;
    }
  }
  // An event that has rounds keeps them as they are (an organiser may have renamed the seeded one).
  const hadRounds = new Set<string>();
  for (const eventId of new Set(rounds.map((r) => r.event))) if ((await deps.live(now).rounds.rounds(processId, eventId)).length > 0) hadRounds.add(eventId);
  let made = 0;
  for (const [i, round] of rounds.entries()) {
    if (hadRounds.has(round.event)) continue;
    const live = deps.live(new Date(now.getTime() + 10 * (events.length + i)));
    try {
      await createLiveRound(live, SETUP_ROUND_ACTOR, processId, round.event, round.definition);
      made++;
    } catch (error) {
      // An organiser cancelled the event: it holds no more rounds.
      if (!(error instanceof ConflictError && error.slug === 'event-cancelled')) throw error;
    }
  }
  return { created, rounds: made };
}

/**
 * `npm run setup`'s step for the events beside the process file: imports them for the process as
 * stored (moved with its event phase: events-file.ts eventsFor), tells the person what happened and
 * returns whether anything was written.
 */
export async function setupEvents(
  connection: { client: DynamoDBDocumentClient; table: string },
  processId: string,
  fileProcess: ProcessDefinition,
  file: EventsFile,
  now: Date,
  tell: (line: string) => void,
): Promise<boolean> {
  const deps = eventAdminDeps(connection.client, connection.table);
  const process = await deps.events.processes.get(processId);
  if (!process) return false;
  const done = await importEvents(deps, processId, eventsFor(file, fileProcess, process), file.liveRounds, now);
  if (done.created.length) tell(`Arrangementerne er oprettet: ${done.created.join(', ')}.`);
  else tell('Forløbet har allerede arrangementerne: de er ikke ændret.');
  if (done.rounds) tell(`${done.rounds === 1 ? 'Én live-runde er oprettet' : `${done.rounds} live-runder er oprettet`} som kladde.`);
  return done.created.length > 0 || done.rounds > 0;
}
