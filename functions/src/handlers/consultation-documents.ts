// (primary adapter) --> domain/consultation --> adapters/dynamodb
import { monotonicFactory } from 'ulid';
import { createDocument, workspaceDocuments } from '../domain/consultation/documents';
import { getDraft, saveDraft } from '../domain/consultation/drafts';
import { inviteRound, joinRound, myRounds } from '../domain/consultation/rounds';
import { getConsultationSetup, saveConsultationSetup } from '../domain/consultation/setup';
import { documentDiff, publishVersion } from '../domain/consultation/versions';
import { systemClock } from '../domain/ports';
import type { AreaRoutes } from '../lib/http';
import type { consultationRoutes } from '#shared/api/areas/consultations.routes';
import { profileStore } from '../adapters/dynamodb/profiles';
import { freshProcesses as freshProcessStore, onTable } from './table-stores';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { documentStore } from '../adapters/dynamodb/consultation-documents';
import { responseStore } from '../adapters/dynamodb/consultation-responses';
import { mainTable } from '../adapters/dynamodb/tables';
import { userDirectory } from '../adapters/cognito/user-directory';
import { notifier } from '../adapters/ses/notifier';
import { siteUrl } from '../adapters/ssm/site-url';

const ulid = monotonicFactory();
const freshProcesses = freshProcessStore();
const profiles = onTable(profileStore);

const client = documentClient();
const table = tableName(mainTable);
const base = {
  documents: documentStore(client, table),
  // The responses side's reads: comment totals per document, and the comments a new version names as its reasons.
  responses: responseStore(client, table),
  // The phases and the setup are read as stored: a join must not slip in after an admin closed the process.
  processes: freshProcesses,
  profiles,
  directory: userDirectory(),
  notifier: notifier(),
  siteUrl,
  clock: systemClock,
  // Audit entries sort by time.
  newId: (now: Date) => ulid(now.getTime()),
};
const now = () => systemClock.now();
const by = (actor: { userId: string }) => ({ userId: actor.userId });

/** Documents, versions, the diff, the setup (references, rounds) and joining a round. */
export const documentRoutes: AreaRoutes<typeof consultationRoutes> = {
  getConsultationSetup: async ({ params }) => getConsultationSetup(base, params.processId),
  saveConsultationSetup: async ({ params, body, actor }) => saveConsultationSetup(base, by(actor), params.processId, body, now()),
  inviteRound: async ({ params, body, actor, log }) => inviteRound({ ...base, log }, by(actor), params.processId, params.roundId, body.emails),
  joinRound: async ({ params, body, actor }) => joinRound(base, params.processId, params.roundId, actor.userId, body.token),
  myRounds: async ({ params, actor }) => myRounds(base, params.processId, actor.userId),
  workspaceDocuments: async ({ params }) => workspaceDocuments(base, params.processId),
  createDocument: async ({ params, body, actor }) => createDocument(base, by(actor), params.processId, body, now()),
  getDraft: async ({ params }) => getDraft(base, params.processId, params.documentId),
  saveDraft: async ({ params, body, actor }) => saveDraft(base, by(actor), params.processId, params.documentId, body, now()),
  publishVersion: async ({ params, body, actor }) => publishVersion(base, by(actor), params.processId, params.documentId, body, now()),
  documentDiff: async ({ params, query }) => documentDiff(base, params.processId, params.documentId, query.from, query.to),
};
