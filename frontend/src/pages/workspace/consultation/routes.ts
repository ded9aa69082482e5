import type { RouteRecordRaw } from 'vue-router';
import { areaRoles } from '../../../modules/workspace-access';

type PageName = keyof typeof import('./pages');
const page = (name: PageName) => () => import('./pages').then((m) => m[name]);

/**
 * The consultation's workspace pages under /arbejdsrum/hoering, for the process chosen in the
 * workspace (`?forloeb=`), all in one chunk (pages.ts). Children of the workspace layout
 * (pages/workspace/routes.ts).
 */
export const consultationRoutes: RouteRecordRaw[] = [
  {
    path: 'hoering',
    name: 'workspace-consultation',
    component: page('ConsultationOverviewPage'),
    meta: { workspaceTitle: 'areas.consultation', workspaceProcess: true, workspaceRoles: areaRoles.consultation },
  },
  {
    path: 'hoering/opsaetning',
    name: 'workspace-consultation-setup',
    component: page('ConsultationSetupPage'),
    meta: { workspaceTitle: 'areas.consultationSetup', workspaceProcess: true, workspaceRoles: areaRoles.consultationSetup },
  },
  {
    path: 'hoering/:documentId',
    name: 'workspace-consultation-draft',
    component: page('ConsultationDraftPage'),
    meta: { workspaceTitle: 'areas.consultationDraft', workspaceProcess: true, workspaceRoles: areaRoles.consultationEdit },
  },
  {
    path: 'hoering/:documentId/kommentarer',
    name: 'workspace-consultation-comments',
    component: page('ConsultationCommentsPage'),
    meta: { workspaceTitle: 'areas.consultationComments', workspaceProcess: true, workspaceRoles: areaRoles.consultationComments },
  },
  {
    path: 'hoering/:documentId/rapport',
    name: 'workspace-consultation-report',
    component: page('ConsultationReportPage'),
    meta: { workspaceTitle: 'areas.consultationReport', workspaceProcess: true, workspaceRoles: areaRoles.consultationReport },
  },
];
