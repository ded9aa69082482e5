import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ideaStore } from '#functions/adapters/dynamodb/ideas';
import type { ProcessAdminDeps } from '#functions/domain/process-admin/record';
import { GENTOFTE_FILE, gentofteProcess, localGentofte, localStart } from '../setup/definition';
import { importDefinition, processAdminDeps } from '../setup/import';
import { importSurvey, readSurveyFile, surveyAdminDeps, surveyFileOf } from '../setup/survey';
import { seedConsultation } from '../setup/consultation-seed';
import { seedEvents } from '../setup/events-seed';
import { DEMO_DAYS, DEMO_PARTICIPANTS, demoPlan } from './demo-data';
import { runDemoSurvey } from './demo-survey';
import { runDemoConsultation } from './demo-consultation';
import { runDemoEvents } from './demo-events';
import { runDemoAssisted } from './demo-assisted';
import { runDemoFollowUp } from './demo-follow-up';
import { seedDemoProcess } from './demo-consultation-dates';
import { runDemoPlan } from './seed-demo';
import type { Pool } from './users';

export { DEMO_PASSWORD } from './seed-demo';

/**
 * Seeds the Gentofte process (processes/ai-i-gentofte.json) when there is no process yet, through
 * the same import as `npm run setup`, its dates moved to start on the day of seeding; `startedDaysAgo`
 * backdates it, and its creation, (the demo's process has been open for weeks). Returns whether it did.
 */
export async function seedFirstProcess(deps: ProcessAdminDeps, now = new Date(), startedDaysAgo = 0): Promise<boolean> {
  if ((await deps.processes.list()).length > 0) return false;
  const createdAt = startedDaysAgo ? localStart(now, startedDaysAgo) : now;
  return (await importDefinition(deps, localGentofte(now, startedDaysAgo), createdAt)) === 'created';
}

export interface SeedOptions {
  kind: 'process' | 'demo';
  /** Generated demo participants besides the eight named ones (tests may ask for fewer). */
  participants?: number;
  now?: Date;
  log?: (message: string) => void;
}

/**
 * What `npm start` seeds into an empty data folder: the first process, and with `--demo` a process
 * in full swing (demo-data.ts). Runs once per data folder: a folder with the process keeps it, and
 * the demo is added only while the process has no ideas (its plan starts on the process's first day).
 */
export async function seedLocalStack(client: DynamoDBDocumentClient, table: string, pool: Pool, options: SeedOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? new Date();
  const deps = processAdminDeps(client, table);
  const demo = options.kind === 'demo';
  const { id, title } = gentofteProcess();
  if (await (demo ? seedDemoProcess(deps, now) : seedFirstProcess(deps, now))) log(`seeded the process "${title.da}" from processes/${id}.json`);
  // Its survey too, also into a folder seeded before the process had one (an existing survey is kept).
  const survey = readSurveyFile(surveyFileOf(GENTOFTE_FILE));
  if (survey && (await importSurvey(surveyAdminDeps(client, table), id, survey, demo ? localStart(now, DEMO_DAYS) : now)) === 'created') log(`seeded its survey from processes/${id}.survey.json`);
  await seedConsultation(client, table, id, now, demo, log);
  await seedEvents(client, table, id, now, demo, log);
  if (!demo) return;

  const existing = await ideaStore(client, table).listPublic({ processId: id, sort: 'new', limit: 1 });
  if (existing.items.length > 0) return;
  const process = await deps.processes.get(id);
  if (!process || Date.parse(process.phases[0]!.startsAt) > now.getTime() - DEMO_DAYS * 24 * 60 * 60 * 1000) {
    throw new Error(`This data folder holds processes but not "${id}" opened ${DEMO_DAYS} days ago: start the demo on an empty data folder (DELTAG_DATA_DIR, or delete .data/).`);
  }
  const started = Date.now();
  const actorOf = await runDemoPlan(client, table, pool, id, demoPlan(now, options.participants ?? DEMO_PARTICIPANTS), log);
  // The survey's free texts are reviewed by the same moderator who decides most of the ideas.
  await runDemoSurvey(client, table, process, now, actorOf('karin'), log);
  await runDemoConsultation(client, table, process, now, actorOf, log);
  await runDemoEvents(client, table, pool, process, options.participants ?? DEMO_PARTICIPANTS, now, actorOf, log);
  // Borgerservice's last weeks: citizens registered at the desk, on the phone and from paper forms.
  await runDemoAssisted(client, table, process, now, actorOf('bodil'), log);
  // The committee's recommendations on the ideas, the register, and the lens (issue 16).
  await runDemoFollowUp(client, table, process, now, actorOf, log);
  log(`seeded the demo in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
