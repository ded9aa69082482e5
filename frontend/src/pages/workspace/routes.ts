import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '#shared/schemas/user';
import { areaRoles, workspaceRoles } from '../../modules/workspace-access';
import type { WorkspaceKey } from '../../lib/workspaceI18n';
import { consultationRoutes } from './consultation/routes';
import { eventRoutes } from './events/routes';
import { assistedRoutes } from './assisted/routes';
import { recommendationRoutes } from './recommendations/routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** Workspace pages: the roles that see the page (the API enforces its own checks). */
    workspaceRoles?: readonly Role[];
    /** Workspace pages: the document title, a key in the workspace's own messages. */
    workspaceTitle?: WorkspaceKey;
    /** Workspace pages that show one process: the process choice shows above them (`?forloeb=<id>`). */
    workspaceProcess?: boolean;
  }
}

/**
 * The workspace (arbejdsrum) for moderators, committee members and admins, under `/arbejdsrum`.
 * Every page is its own chunk, and so are the workspace's messages: citizens never load any of it.
 * Signed-in users with a profile only (the profile carries the roles; audit entries carry the name).
 */
export const workspaceRoutes: RouteRecordRaw[] = [
  {
    path: '/arbejdsrum',
    component: () => import('./WorkspaceLayout.vue'),
    meta: { auth: true, profile: true, workspaceRoles },
    children: [
      { path: '', name: 'workspace', component: () => import('./WorkspaceHome.vue'), meta: { workspaceTitle: 'title' } },
      {
        path: 'moderation',
        name: 'workspace-queue',
        component: () => import('./QueuePage.vue'),
        meta: { workspaceTitle: 'queue.title', workspaceProcess: true, workspaceRoles: areaRoles.queue },
      },
      {
        path: 'ideer/:id',
        name: 'workspace-idea',
        component: () => import('./IdeaModerationPage.vue'),
        meta: { workspaceTitle: 'idea.title', workspaceRoles: areaRoles.idea },
      },
      {
        path: 'soeg',
        name: 'workspace-search',
        component: () => import('./SearchPage.vue'),
        meta: { workspaceTitle: 'search.title', workspaceProcess: true, workspaceRoles: areaRoles.search },
      },
      {
        path: 'svarfrister',
        name: 'workspace-overdue',
        component: () => import('./OverduePage.vue'),
        meta: { workspaceTitle: 'overdue.title', workspaceProcess: true, workspaceRoles: areaRoles.overdue },
      },
      {
        path: 'log',
        name: 'workspace-log',
        component: () => import('./AuditLogPage.vue'),
        meta: { workspaceTitle: 'log.title', workspaceProcess: true, workspaceRoles: areaRoles.log },
      },
      {
        path: 'eksport',
        name: 'workspace-export',
        component: () => import('./ExportPage.vue'),
        meta: { workspaceTitle: 'export.title', workspaceProcess: true, workspaceRoles: areaRoles.export },
      },
      {
        path: 'bilag',
        name: 'workspace-annex',
        component: () => import('./AnnexPage.vue'),
        meta: { workspaceTitle: 'annex.title', workspaceProcess: true, workspaceRoles: areaRoles.annex },
      },
      {
        path: 'spoergeskema',
        name: 'workspace-survey',
        component: () => import('./SurveyBuilderPage.vue'),
        meta: { workspaceTitle: 'survey.builder.title', workspaceProcess: true, workspaceRoles: areaRoles.surveyBuild },
      },
      {
        path: 'spoergeskema/resultater',
        name: 'workspace-survey-results',
        component: () => import('./SurveyResultsPage.vue'),
        meta: { workspaceTitle: 'survey.resultsTitle', workspaceProcess: true, workspaceRoles: areaRoles.surveyResults },
      },
      {
        path: 'spoergeskema/fritekst',
        name: 'workspace-survey-texts',
        component: () => import('./SurveyTextsPage.vue'),
        meta: { workspaceTitle: 'survey.reviewTitle', workspaceProcess: true, workspaceRoles: areaRoles.surveyTexts },
      },
      ...consultationRoutes,
      ...eventRoutes,
      ...assistedRoutes,
      ...recommendationRoutes,
      {
        path: 'forloeb',
        name: 'workspace-processes',
        component: () => import('./ProcessesPage.vue'),
        meta: { workspaceTitle: 'processes.title', workspaceRoles: areaRoles.processes },
      },
      {
        path: 'forloeb/nyt',
        name: 'workspace-process-new',
        component: () => import('./ProcessNewPage.vue'),
        meta: { workspaceTitle: 'processes.newTitle', workspaceRoles: areaRoles.processes },
      },
      {
        path: 'forloeb/:processId',
        name: 'workspace-process',
        component: () => import('./ProcessEditPage.vue'),
        meta: { workspaceTitle: 'processes.editTitle', workspaceRoles: areaRoles.processes },
      },
      {
        path: 'roller',
        name: 'workspace-roles',
        component: () => import('./RolesPage.vue'),
        meta: { workspaceTitle: 'roles.title', workspaceRoles: areaRoles.roles },
      },
    ],
  },
];
