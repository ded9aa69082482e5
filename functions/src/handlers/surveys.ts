// (primary adapter) --> domain/survey --> adapters/dynamodb
import { monotonicFactory } from 'ulid';
import { systemClock } from '../domain/ports';
import { answerSurvey, mySurveyStatus } from '../domain/survey/answer';
import { getSurvey, publishSurveyResults, saveSurvey } from '../domain/survey/definition';
import { internalResults, publicResults, reviewSurveyText, surveyTexts } from '../domain/survey/review';
import { exportSurvey } from '../domain/survey/export';
import { areaHandler, FileResponse } from '../lib/http';
import { surveyRoutes } from '#shared/api/areas/surveys.routes';
import { profileStore } from '../adapters/dynamodb/profiles';
import { freshProcesses as freshProcessStore, onTable } from './table-stores';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { surveyStore } from '../adapters/dynamodb/surveys';
import { mainTable } from '../adapters/dynamodb/tables';

const ulid = monotonicFactory();
const freshProcesses = freshProcessStore();
const profiles = onTable(profileStore);
const deps = {
  surveys: surveyStore(documentClient(), tableName(mainTable)),
  // The phase and the survey are read as stored: an answer must not slip in after an admin closed the phase.
  processes: freshProcesses,
  profiles,
  // Audit entries sort by time (ULID); answers must not (randomUUID).
  newId: (now: Date) => ulid(now.getTime()),
  randomId: () => crypto.randomUUID(),
};
const now = () => systemClock.now();

/** The survey module's routes (shared/api/route-meta.ts, area `surveys`). */
export const handler = areaHandler(surveyRoutes, {
  getSurvey: async ({ params }) => getSurvey(deps, params.processId),
  saveSurvey: async ({ params, body, actor }) => saveSurvey(deps, actor, params.processId, body, now()),
  answerSurvey: async ({ params, body, actor }) => answerSurvey(deps, params.processId, { userId: actor.userId }, body, now()),
  answerSurveyAnonymously: async ({ params, body }) => answerSurvey(deps, params.processId, { browserToken: body.browserToken }, body, now()),
  mySurveyStatus: async ({ params, actor }) => mySurveyStatus(deps, params.processId, actor.userId),
  surveyResults: async ({ params, query }) => publicResults(deps, params.processId, query.by),
  surveyResultsInternal: async ({ params, query }) => internalResults(deps, params.processId, query.by),
  publishSurveyResults: async ({ params, body, actor }) => publishSurveyResults(deps, actor, params.processId, body.published, now()),
  exportSurvey: async ({ params, query }) => {
    const output = await exportSurvey(deps, params.processId, query, now());
    return 'file' in output ? new FileResponse(output.file.contentType, output.file.body, output.file.filename) : output;
  },
  surveyTexts: async ({ params, query }) => surveyTexts(deps, params.processId, query),
  reviewSurveyText: async ({ params, body, actor }) => reviewSurveyText(deps, actor, params.processId, params.textId, body, now()),
});
