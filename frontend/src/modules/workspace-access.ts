import { routeMeta, type RouteId } from '#shared/api/route-meta';
import { rolesOf } from '#shared/rules/access';
import type { Role } from '#shared/rules/values';

/**
 * Who sees which part of the workspace: each part shows what one API route answers, so it opens for
 * the roles that route's access rule names in the route table, the same rule the API enforces on
 * every call whatever the SPA shows. Free of messages, so the app shell can import it without the
 * workspace's chunk.
 */
const areaRoutes = {
  queue: 'moderationQueue',
  idea: 'moderatedIdea',
  // Search over every idea and comment of a process (issue 18).
  search: 'searchWorkspace',
  overdue: 'overdueAnswers',
  log: 'moderationLog',
  export: 'exportIdeas',
  annex: 'exportIdeas',
  roles: 'setRoles',
  // Creating, editing, cloning and archiving share one access rule in the route table (admins).
  processes: 'createProcess',
  // The survey's parts: its results (with every free text), and the review of free texts.
  surveyBuild: 'saveSurvey',
  surveyResults: 'surveyResultsInternal',
  surveyTexts: 'surveyTexts',
  surveyPublish: 'publishSurveyResults',
  surveyExport: 'exportSurvey',
  // The consultation's parts: documents and drafts, the setup, publishing, the comments, answering, moderating, the report.
  consultation: 'workspaceDocuments',
  consultationCreate: 'createDocument',
  consultationSetup: 'saveConsultationSetup',
  consultationEdit: 'saveDraft',
  consultationPublish: 'publishVersion',
  consultationComments: 'internalResponses',
  consultationAnswer: 'answerResponse',
  consultationModerate: 'moderateResponse',
  consultationReport: 'exportDocument',
  // The events' parts: organising (admins and moderators), creating and changing (admins), the room's results (the committee too).
  events: 'workspaceEvents',
  eventCreate: 'createEvent',
  eventSignups: 'eventSignups',
  eventLive: 'liveRounds',
  eventResults: 'liveRoundResults',
  // Acting for a citizen (Borgerservice): the assistant's own routes, nobody else's (issue 15).
  assisted: 'assistedPersons',
  // The committee's recommendations (issue 16): writing them; the lens on an idea; freezing and reading the annex's versions.
  recommendations: 'createRecommendation', ideaLens: 'setIdeaAiLens', annexFreeze: 'freezeAnnex', annexVersions: 'annexVersions',
} as const satisfies Record<string, RouteId>;
export type WorkspaceArea = keyof typeof areaRoutes;

export const areaRoles = Object.fromEntries(
  Object.entries(areaRoutes).map(([area, id]) => [area, rolesOf(routeMeta[id].access)]),
) as Record<WorkspaceArea, readonly Role[]>;

/** The roles that open the workspace at all: those of any of its parts (an assistant only its assisted pages). */
export const workspaceRoles: readonly Role[] = [...new Set(Object.values(areaRoles).flat())];

export { hasAnyRole } from './workspace-entry';
