// local seed --> importConsultation (the setup command's) --> the documents side's use cases
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { consultationAdminDeps, importConsultation } from './consultation';
import { consultationFileOf, readConsultationFile, roundsFor } from './consultation-file';
import { GENTOFTE_FILE, gentofteProcess } from './definition';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The local stack's seed of the Gentofte consultation (processes/ai-i-gentofte.consultation.json),
 * also into a data folder seeded before the process had one; what exists is kept. Its rounds follow
 * the process's consultation phase as stored. `backdated` (the demo, whose rounds have begun): the
 * drafts were published three days before the first round opened, as the secretariat would.
 */
export async function seedConsultation(client: DynamoDBDocumentClient, table: string, processId: string, now: Date, backdated: boolean, log: (m: string) => void): Promise<void> {
  const fileProcess = gentofteProcess();
  const file = readConsultationFile(consultationFileOf(GENTOFTE_FILE), fileProcess);
  const process = await processStore(client, table).get(processId);
  if (!file || !process) return;
  const rounds = roundsFor(file, fileProcess, process);
  const firstRound = Math.min(...rounds.map((r) => Date.parse(r.startsAt)));
  const at = backdated ? new Date(Math.max(Date.parse(process.createdAt), Math.min(now.getTime(), firstRound - 3 * DAY))) : now;
  const done = await importConsultation(consultationAdminDeps(client, table), processId, file, rounds, at);
  if (done.setup === 'created') log(`seeded its consultation's rounds and reference list from processes/${processId}.consultation.json`);
  if (done.published.length) log(`seeded and published its drafts: ${done.published.join(', ')}`);
}
