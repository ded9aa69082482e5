// (primary adapter) --> domain/assisted --> the ordinary use cases under the citizen's identity --> adapters/dynamodb
import { monotonicFactory } from 'ulid';
import { assistedComment, assistedIdea, assistedSurveyAnswer, assistedVote } from '../domain/assisted/acting';
import { newClaimCode } from '../domain/assisted/claim-codes';
import type { AssistedDeps } from '../domain/assisted/deps';
import { eraseAssistedPerson } from '../domain/assisted/erase';
import { exportAssistedPerson } from '../domain/assisted/person-data';
import { assistedPerson, createAssistedPerson, lookupAssistedPersons } from '../domain/assisted/persons';
import { assistedReceipt } from '../domain/assisted/receipts';
import { systemClock } from '../domain/ports';
import type { AreaRoutes } from '../lib/http';
import type { assistedRoutes } from '#shared/api/areas/assisted.routes';
import { commentStore } from '../adapters/dynamodb/comments';
import { ideaStore } from '../adapters/dynamodb/ideas';
import { profileStore } from '../adapters/dynamodb/profiles';
import { userDataStore } from '../adapters/dynamodb/user-data';
import { voteStore } from '../adapters/dynamodb/votes';
import { freshProcesses as freshProcessStore, onTable } from './table-stores';
import { assistedStore } from '../adapters/dynamodb/assisted';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { eventStore } from '../adapters/dynamodb/events';
import { followEventLog } from '../adapters/dynamodb/follow-events';
import { surveyStore } from '../adapters/dynamodb/surveys';
import { mainTable } from '../adapters/dynamodb/tables';
import { siteUrl } from '../adapters/ssm/site-url';

const ulid = monotonicFactory();
const freshProcesses = freshProcessStore();
const ideas = onTable(ideaStore);
const votes = onTable(voteStore);
const comments = onTable(commentStore);
const profiles = onTable(profileStore);
const userData = onTable(userDataStore);
const deps: AssistedDeps = {
  persons: assistedStore(documentClient(), tableName(mainTable)),
  // Read as stored: an assistant must not act after an admin closed the phase.
  processes: freshProcesses,
  ideas,
  votes,
  comments,
  profiles,
  userData,
  surveys: surveyStore(documentClient(), tableName(mainTable)),
  events: eventStore(documentClient(), tableName(mainTable)),
  followEvents: followEventLog(documentClient(), tableName(mainTable)),
  clock: systemClock,
  newId: (now: Date) => ulid(now.getTime()),
  randomId: () => crypto.randomUUID(),
  newClaimCode,
  siteUrl,
};

/** The assistant's routes: look up and register citizens, act for them (audited), receipts, their data. */
export const personRoutes: AreaRoutes<typeof assistedRoutes> = {
  assistedPersons: async ({ params, query }) => lookupAssistedPersons(deps, params.processId, query.q),
  createAssistedPerson: async ({ params, body, actor }) => createAssistedPerson(deps, actor, params.processId, body),
  assistedPerson: async ({ params }) => assistedPerson(deps, params.processId, params.personId),
  assistedIdea: async ({ params, body, actor }) => assistedIdea(deps, actor, params.processId, params.personId, body),
  assistedVote: async ({ params, body, actor }) => assistedVote(deps, actor, params.processId, params.personId, params.ideaId, body.channel),
  assistedUnvote: async ({ params, body, actor }) => assistedVote(deps, actor, params.processId, params.personId, params.ideaId, body.channel, true),
  assistedComment: async ({ params, body, actor }) => assistedComment(deps, actor, params.processId, params.personId, body),
  assistedSurveyAnswer: async ({ params, body, actor }) => assistedSurveyAnswer(deps, actor, params.processId, params.personId, body),
  assistedReceipt: async ({ params, body, actor }) => assistedReceipt(deps, actor, params.processId, params.personId, body.channel),
  exportAssistedPerson: async ({ params, actor }) => exportAssistedPerson(deps, actor, params.processId, params.personId),
  eraseAssistedPerson: async ({ params, actor }) => {
    await eraseAssistedPerson(deps, actor, params.processId, params.personId);
    return undefined;
  },
};
