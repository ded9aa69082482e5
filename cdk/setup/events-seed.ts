// local seed --> importEvents (the setup command's) --> the events side's use cases
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { eventAdminDeps, importEvents } from './events';
import { eventsFileOf, eventsFor, readEventsFile } from './events-file';
import { GENTOFTE_FILE, gentofteProcess } from './definition';

/**
 * The local stack's seed of the Gentofte events (processes/ai-i-gentofte.events.json), also into a
 * data folder seeded before the process had them; what exists is kept. The events follow the
 * process's event phase as stored. `backdated` (the demo, whose theme day is over): the secretariat
 * published them the day the phase opened, so people could sign up from its first day.
 */
export async function seedEvents(client: DynamoDBDocumentClient, table: string, processId: string, now: Date, backdated: boolean, log: (m: string) => void): Promise<void> {
  const fileProcess = gentofteProcess();
  const file = readEventsFile(eventsFileOf(GENTOFTE_FILE), fileProcess);
  const process = await processStore(client, table).get(processId);
  if (!file || !process) return;
  const phase = process.phases.find((p) => p.kind === 'event');
  const at = backdated && phase ? new Date(Math.max(Date.parse(process.createdAt), Math.min(now.getTime(), Date.parse(phase.startsAt)))) : now;
  const done = await importEvents(eventAdminDeps(client, table), processId, eventsFor(file, fileProcess, process), file.liveRounds, at);
  if (done.created.length) log(`seeded its events from processes/${processId}.events.json: ${done.created.join(', ')}`);
  if (done.rounds) log(`seeded ${done.rounds} live round(s) as drafts`);
}
