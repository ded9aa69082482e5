import { writeFileSync } from 'node:fs';
import { processStore } from '#functions/adapters/dynamodb/processes';
import type { ProcessDefinition } from '#shared/schemas/process';
import { connectLocal, StackNotRunningError, type Connection } from '../local/connect';
import { ensureAdmin, type AdminOutcome } from './admin';
import { readSetupArgs, type SetupCommand, type Target } from './args';
import { connectAws, StackNotFoundError } from './aws';
import { definitionJson, DefinitionFileError, localStart, readDefinitionFile, shiftDefinition, toDefinition } from './definition';
import { importDefinition, processAdminDeps } from './import';
import { importSurvey, readSurveyFile, surveyAdminDeps, surveyFileOf } from './survey';
import { setupConsultation } from './consultation';
import { consultationFileOf, readConsultationFile } from './consultation-file';
import { setupEvents } from './events';
import { eventsFileOf, readEventsFile } from './events-file';

/** Where the command writes: `out` for results (the exported JSON), `err` for what it tells the person. */
export interface SetupIo {
  out(text: string): void;
  err(text: string): void;
}

const consoleIo: SetupIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(`${t}\n`) };

/**
 * `npm run setup`: makes a deployment (or the local stack) ready to use, or exports a process.
 * Returns the exit code: 0 done (also when nothing needed doing), 1 failed, 2 wrong arguments.
 */
export async function main(argv: readonly string[], io: SetupIo = consoleIo, now = new Date()): Promise<number> {
  const read = readSetupArgs(argv);
  if (!read.ok) {
    io.err(read.message);
    return 2;
  }
  try {
    return read.command.command === 'import' ? await runImport(read.command, io, now) : await runExport(read.command, io);
  } catch (error) {
    io.err(explain(error, read.command.target));
    return 1;
  }
}

async function runImport(command: Extract<SetupCommand, { command: 'import' }>, io: SetupIo, now: Date): Promise<number> {
  // The file first: a mistake in it is reported before anything is touched.
  const file = readDefinitionFile(command.file);
  const survey = readSurveyFile(surveyFileOf(command.file));
  const consultation = readConsultationFile(consultationFileOf(command.file), file);
  const events = readEventsFile(eventsFileOf(command.file), file);
  const { connection, where } = await connect(command.target);

  const admin = await ensureAdmin(connection.pool, command.adminEmail, command.adminPassword);
  io.err(adminMessage(admin, command.adminEmail, !!command.adminPassword));

  // A local stack is for trying things out: the process opens today unless the file's dates are asked for.
  const shift = command.target.stage === 'local' && !command.keepDates;
  const definition: ProcessDefinition = shift ? shiftDefinition(file, localStart(now)) : file;
  const outcome = await importDefinition(processAdminDeps(connection.client, connection.table), definition, now);
  if (outcome === 'exists') {
    io.err(`Forløbet "${definition.id}" findes allerede i ${where}: det er ikke ændret.`);
  } else {
    const dates = shift ? `, med datoerne flyttet, så første fase begynder ${definition.phases[0]!.startsAt.slice(0, 10)} (--keep-dates: filens datoer)` : '';
    io.err(`Forløbet "${definition.id}" (${definition.title.da}) er oprettet i ${where} fra ${command.file}${dates}.`);
  }
  const surveyOutcome = survey && (await importSurvey(surveyAdminDeps(connection.client, connection.table), definition.id, survey, now));
  if (surveyOutcome === 'created') io.err(`Spørgeskemaet er oprettet fra ${surveyFileOf(command.file)}.`);
  if (surveyOutcome === 'exists') io.err('Forløbet har allerede et spørgeskema: det er ikke ændret.');
  const consultationChanged = consultation && (await setupConsultation(connection, definition.id, file, consultation, now, io.err));
  const eventsChanged = events && (await setupEvents(connection, definition.id, file, events, now, io.err));
  if (outcome === 'exists' && admin === 'already-admin' && surveyOutcome !== 'created' && !consultationChanged && !eventsChanged) io.err('Intet ændret: administratoren og forløbet fandtes allerede.');
  return 0;
}

async function runExport(command: Extract<SetupCommand, { command: 'export' }>, io: SetupIo): Promise<number> {
  const { connection, where } = await connect(command.target);
  const processes = processStore(connection.client, connection.table);
  const process = await processes.get(command.processId);
  if (!process) {
    const ids = (await processes.list()).map((p) => p.id);
    io.err(`Intet forløb med id'et "${command.processId}" i ${where}${ids.length ? ` (der er: ${ids.join(', ')})` : ''}.`);
    return 1;
  }
  const json = definitionJson(toDefinition(process));
  if (!command.out) {
    io.out(json);
    return 0;
  }
  writeFileSync(command.out, json);
  io.err(`Forløbet "${process.id}" er skrevet til ${command.out}.`);
  return 0;
}

async function connect(target: Target): Promise<{ connection: Connection; where: string }> {
  if (target.stage === 'local') {
    const local = connectLocal(target.stackFile);
    return { connection: local, where: `den lokale stak (${local.info.webUrl})` };
  }
  return { connection: await connectAws(target.region, target.stackPrefix), where: `${target.stackPrefix} i ${target.region}` };
}

/**
 * The first admin is put in the group directly, not through the API's grant (which asks for TOTP
 * first): there is nobody yet to grant it. So they are told to turn TOTP on at their first sign-in;
 * the workspace reminds them until they do.
 */
const FIRST_SIGN_IN = 'Ved første login skal vedkommende slå totrinsbekræftelse til under Min side (en godkendelses-app på telefonen).';

function adminMessage(outcome: AdminOutcome, email: string, withPassword: boolean): string {
  if (outcome === 'already-admin') return `${email} er allerede administrator: ikke ændret.`;
  if (outcome === 'made-admin') return `${email} fandtes og er nu administrator. ${FIRST_SIGN_IN}`;
  return withPassword
    ? `Administratoren ${email} er oprettet med den angivne adgangskode. ${FIRST_SIGN_IN}`
    : `Administratoren ${email} er oprettet uden kendt adgangskode: vedkommende vælger sin egen under "Glemt adgangskode?" (koden kommer på mail). ${FIRST_SIGN_IN}`;
}

/** One line a person can act on, for what commonly goes wrong; anything else with its own message. */
function explain(error: unknown, target: Target): string {
  if (error instanceof DefinitionFileError || error instanceof StackNotRunningError || error instanceof StackNotFoundError) return error.message;
  const e = error as Error & { code?: string; hostname?: string; cause?: { code?: string }; errors?: { code?: string }[] };
  const codes = [e.code, e.cause?.code, ...(e.errors ?? []).map((x) => x.code)];
  if (codes.includes('ECONNREFUSED') && target.stage === 'local') return 'Den lokale stak svarer ikke (stakfilen er fra en stak, der er stoppet): start den med `npm start`.';
  if (target.stage === 'aws' && codes.some((c) => c === 'ENOTFOUND' || c === 'EAI_AGAIN' || c === 'ECONNREFUSED' || c === 'ETIMEDOUT')) {
    return `Kan ikke nå AWS i ${target.region}${e.hostname ? ` (${e.hostname})` : ''}: tjek netværket og --region.`;
  }
  if (e.name === 'CredentialsProviderError') return 'Ingen AWS-nøgler fundet: log ind (fx `aws sso login`) og sæt AWS_PROFILE, eller brug en rolle med adgang til stakken.';
  if (e.name === 'InvalidPasswordException') return `--admin-password: Cognito afviste adgangskoden: ${e.message}`;
  return `Opsætningen fejlede: ${e.message}`;
}
