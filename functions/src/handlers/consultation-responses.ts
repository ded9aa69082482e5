// (primary adapter) --> domain/consultation --> adapters/dynamodb
import { monotonicFactory } from 'ulid';
import { answerResponse } from '../domain/consultation/answers';
import { exportDocument } from '../domain/consultation/export';
import { getDocument, listDocuments } from '../domain/consultation/published';
import { internalResponses, listResponses, myResponses } from '../domain/consultation/response-lists';
import { flagResponse, moderateResponse } from '../domain/consultation/response-moderation';
import { createResponse, deleteResponse, updateResponse } from '../domain/consultation/responses';
import { withInvitations } from '../domain/consultation/members';
import { systemClock } from '../domain/ports';
import { FileResponse, type AreaRoutes } from '../lib/http';
import type { consultationRoutes } from '#shared/api/areas/consultations.routes';
import { profileStore } from '../adapters/dynamodb/profiles';
import { freshProcesses as freshProcessStore, onTable } from './table-stores';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { userDirectory } from '../adapters/cognito/user-directory';
import { consultationReads, documentStore } from '../adapters/dynamodb/consultation-documents';
import { responseStore } from '../adapters/dynamodb/consultation-responses';
import { mainTable } from '../adapters/dynamodb/tables';

const ulid = monotonicFactory();
const freshProcesses = freshProcessStore();
const profiles = onTable(profileStore);
const client = documentClient();
const table = tableName(mainTable);
const deps = {
  responses: responseStore(client, table),
  // An invited round's members include those invited by e-mail, once signed in with that address.
  reads: withInvitations(consultationReads(client, table), { documents: documentStore(client, table), directory: userDirectory(), clock: systemClock }),
  // Phases and rounds are read as stored: a response must not slip in after an admin closed the phase.
  processes: freshProcesses,
  profiles,
  clock: systemClock,
  newId: (now: Date) => ulid(now.getTime()),
};

/** Responses per paragraph, flags, moderation, the committee's answers, Min side's list and the export. */
export const responseRoutes: AreaRoutes<typeof consultationRoutes> = {
  listDocuments: async ({ params }) => listDocuments(deps, params.processId),
  getDocument: async ({ params, query }) => getDocument(deps, params.processId, params.documentId, query.version),
  listResponses: async ({ params, query }) => listResponses(deps, params.processId, params.documentId, query),
  createResponse: async ({ params, body, actor }) => createResponse(deps, actor, params.processId, params.documentId, body),
  updateResponse: async ({ params, body, actor }) => updateResponse(deps, actor, params.responseId, body),
  deleteResponse: async ({ params, actor }) => {
    await deleteResponse(deps, actor, params.responseId);
    return undefined;
  },
  flagResponse: async ({ params, body, actor }) => flagResponse(deps, actor, params.responseId, body),
  myResponses: async ({ query, actor }) => myResponses(deps, actor, query),
  internalResponses: async ({ params, query }) => internalResponses(deps, params.processId, params.documentId, query),
  answerResponse: async ({ params, body, actor }) => answerResponse(deps, actor, params.responseId, body),
  moderateResponse: async ({ params, body, actor }) => moderateResponse(deps, actor, params.responseId, body),
  exportDocument: async ({ params, query }) => {
    const output = await exportDocument(deps, params.processId, params.documentId, query.format, systemClock.now());
    return 'file' in output ? new FileResponse(output.file.contentType, output.file.body, output.file.filename) : output;
  },
};
