// (primary adapter) --> domain/roles, domain/process-admin --> adapters/cognito, adapters/dynamodb
import { monotonicFactory } from 'ulid';
import { systemClock } from '../domain/ports';
import { processDefinition } from '../domain/processes';
import { archiveProcess } from '../domain/process-admin/archive';
import { cloneProcessWithSurvey } from '../domain/process-admin/clone-survey';
import { createProcess } from '../domain/process-admin/create';
import { updateProcess } from '../domain/process-admin/update';
import { findUser, setRoles } from '../domain/roles';
import { areaHandler } from '../lib/http';
import { adminRoutes } from '#shared/api/areas/admin.routes';
import { ideaStore } from '../adapters/dynamodb/ideas';
import { moderationStore } from '../adapters/dynamodb/moderation';
import { profileStore } from '../adapters/dynamodb/profiles';
import { freshProcesses, onTable } from './table-stores';
import { surveyStore } from '../adapters/dynamodb/surveys';
import { userDirectory } from '../adapters/cognito/user-directory';

const ulid = monotonicFactory();
const deps = {
  // An admin's change is checked against the stored process, never a cached copy.
  processes: freshProcesses(),
  ideas: onTable(ideaStore),
  profiles: onTable(profileStore),
  moderation: onTable(moderationStore),
  surveys: onTable(surveyStore),
  directory: userDirectory(),
  clock: systemClock,
  newId: (now: Date) => ulid(now.getTime()),
};
const now = () => deps.clock.now();

export const handler = areaHandler(adminRoutes, {
  findUser: async ({ query }) => findUser(deps, query.email),
  setRoles: async ({ params, body, actor }) => setRoles(deps, actor, params.userId, body.roles),
  createProcess: async ({ body, actor }) => createProcess(deps, actor, body, now()),
  updateProcess: async ({ params, body, actor }) => updateProcess(deps, actor, params.processId, body, now()),
  cloneProcess: async ({ params, body, actor }) => cloneProcessWithSurvey(deps, actor, params.processId, body, now()),
  archiveProcess: async ({ params, body, actor }) => archiveProcess(deps, actor, params.processId, body, now()),
  processDefinition: async ({ params }) => processDefinition(deps.processes, params.processId),
});
