import type { RouteRecordRaw } from 'vue-router';
import { areaRoles } from '../../../modules/workspace-access';

type PageName = keyof typeof import('./pages');
const page = (name: PageName) => () => import('./pages').then((m) => m[name]);

/**
 * The assistant's pages under /arbejdsrum/assisteret (the `assistant` role only, as the assisted
 * routes of the API): look up or register a citizen, act for them, type in a paper form, and the
 * receipt. Children of the workspace layout (pages/workspace/routes.ts). `kvittering` is one segment,
 * so it never meets `:processId/…`.
 */
const meta = { workspaceTitle: 'areas.assisted', workspaceRoles: areaRoles.assisted } as const;
export const assistedRoutes: RouteRecordRaw[] = [
  { path: 'assisteret', name: 'workspace-assisted', component: page('AssistedHomePage'), meta: { ...meta, workspaceProcess: true } },
  { path: 'assisteret/kvittering', name: 'workspace-assisted-receipt', component: page('ReceiptPage'), meta },
  { path: 'assisteret/:processId/borger/:personId', name: 'workspace-assisted-person', component: page('AssistedPersonPage'), meta },
  { path: 'assisteret/:processId/papir', name: 'workspace-assisted-paper', component: page('PaperPage'), meta },
];
