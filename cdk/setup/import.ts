// setup command, local seed --> (use case: createProcess) --> ProcessStore with its audit entry
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { createProcess } from '#functions/domain/process-admin/create';
import type { ConfigActor, ProcessAdminDeps } from '#functions/domain/process-admin/record';
import { ConflictError } from '#functions/lib/errors';
import type { ProcessDefinition } from '#shared/schemas/process';

/** The setup command (and the local seed) as the audit log names it. */
export const SETUP_ACTOR: ConfigActor = { userId: 'setup', name: 'Opsætning' };

/** The use case's stores on a table (local or deployed); audit ids are ULIDs of the moment, as in the API. */
export const processAdminDeps = (client: DynamoDBDocumentClient, table: string): ProcessAdminDeps => ({
  processes: processStore(client, table),
  profiles: profileStore(client, table),
  newId: (now) => ulid(now.getTime()),
});

/**
 * Imports a definition as a new process, through the same use case as an admin's creation in the
 * workspace, so it is validated and audited alike (actor: the setup command). A process with the
 * definition's id is left as it is: `exists`, nothing written (setup may run again safely).
 */
export async function importDefinition(deps: ProcessAdminDeps, definition: ProcessDefinition, now: Date): Promise<'created' | 'exists'> {
  if (await deps.processes.get(definition.id)) return 'exists';
  try {
    await createProcess(deps, SETUP_ACTOR, definition, now);
    return 'created';
  } catch (error) {
    // Created by someone else between the read and the write: the same answer as above.
    if (error instanceof ConflictError && error.slug === 'process-exists') return 'exists';
    throw error;
  }
}
