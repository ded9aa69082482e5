import type { RouteRecordRaw } from 'vue-router';
import { consultationRoles } from '../../../lib/consultationAccess';

/**
 * The consultation's workspace pages under /arbejdsrum/hoering, each its own chunk, for the process
 * chosen in the workspace (`?forloeb=`). Children of the workspace layout (pages/workspace/routes.ts).
 */
export const consultationRoutes: RouteRecordRaw[] = [
  {
    path: 'hoering',
    name: 'workspace-consultation',
    component: () => import('./ConsultationOverviewPage.vue'),
    meta: { workspaceTitle: 'areas.consultation', workspaceProcess: true, workspaceRoles: consultationRoles.overview },
  },
  {
    path: 'hoering/opsaetning',
    name: 'workspace-consultation-setup',
    component: () => import('./ConsultationSetupPage.vue'),
    meta: { workspaceTitle: 'areas.consultationSetup', workspaceProcess: true, workspaceRoles: consultationRoles.setup },
  },
  {
    path: 'hoering/:documentId',
    name: 'workspace-consultation-draft',
    component: () => import('./ConsultationDraftPage.vue'),
    meta: { workspaceTitle: 'areas.consultationDraft', workspaceProcess: true, workspaceRoles: consultationRoles.edit },
  },
  {
    path: 'hoering/:documentId/kommentarer',
    name: 'workspace-consultation-comments',
    component: () => import('./ConsultationCommentsPage.vue'),
    meta: { workspaceTitle: 'areas.consultationComments', workspaceProcess: true, workspaceRoles: consultationRoles.comments },
  },
  {
    path: 'hoering/:documentId/rapport',
    name: 'workspace-consultation-report',
    component: () => import('./ConsultationReportPage.vue'),
    meta: { workspaceTitle: 'areas.consultationReport', workspaceProcess: true, workspaceRoles: consultationRoles.report },
  },
];
