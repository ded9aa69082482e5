// setup command, local seed --> (use case: saveSurvey) --> SurveyStore with its audit entry
import { existsSync, readFileSync } from 'node:fs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { surveyStore } from '#functions/adapters/dynamodb/surveys';
import { saveSurvey, type SurveyAdminDeps } from '#functions/domain/survey/definition';
import { ConflictError } from '#functions/lib/errors';
import { surveyDefinitionSchema, type SurveyDefinition } from '#shared/schemas/survey';
import { DefinitionFileError } from './definition';
import { SETUP_ACTOR } from './import';

/**
 * A process's survey ships beside its definition file: `processes/<id>.json` has its survey in
 * `processes/<id>.survey.json` (a `surveyDefinitionSchema` value). Setup and the local seed import
 * it with the process.
 */
export const surveyFileOf = (processFile: string) => processFile.replace(/\.json$/, '.survey.json');

/** Reads and validates a survey file; undefined when the process has none. The error names each problem's path. */
export function readSurveyFile(path: string): SurveyDefinition | undefined {
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DefinitionFileError(`${path} er ikke gyldig JSON: ${(error as Error).message}`);
  }
  const parsed = surveyDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(hele filen)'}: ${i.message}`);
    throw new DefinitionFileError(`${path} er ikke et gyldigt spørgeskema:\n${issues.join('\n')}`);
  }
  return parsed.data;
}

/** The survey use case's stores on a table; the audit log names the setup command as it does for the process. */
export function surveyAdminDeps(client: DynamoDBDocumentClient, table: string): SurveyAdminDeps {
  const profiles = profileStore(client, table);
  return {
    surveys: surveyStore(client, table),
    processes: processStore(client, table),
    profiles: {
      // The use case signs with the actor's profile name; the setup command has no profile of its own.
      get: async (userId) =>
        userId === SETUP_ACTOR.userId ? { userId, displayName: SETUP_ACTOR.name ?? userId, participantType: 'employee', createdAt: '', updatedAt: '' } : profiles.get(userId),
    },
    newId: (now) => ulid(now.getTime()),
  };
}

/**
 * Imports a survey for a process through the same use case as the workspace's builder, so it is
 * validated and audited alike. A process that already has a survey keeps it: `exists`, nothing
 * written (setup may run again safely, and an admin's edits are never overwritten).
 */
export async function importSurvey(deps: SurveyAdminDeps, processId: string, definition: SurveyDefinition, now: Date): Promise<'created' | 'exists'> {
  if (await deps.surveys.get(processId)) return 'exists';
  try {
    await saveSurvey(deps, { userId: SETUP_ACTOR.userId, roles: ['admin'] }, processId, definition, now);
    return 'created';
  } catch (error) {
    // Saved by someone else between the read and the write.
    if (error instanceof ConflictError && error.slug === 'survey-changed') return 'exists';
    throw error;
  }
}
