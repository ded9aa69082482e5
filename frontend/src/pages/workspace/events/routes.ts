import type { RouteRecordRaw } from 'vue-router';
import { areaRoles } from '../../../modules/workspace-access';

type PageName = keyof typeof import('./pages');
const page = (name: PageName) => () => import('./pages').then((m) => m[name]);

/**
 * The events' workspace pages under /arbejdsrum/arrangementer, for the process chosen in the
 * workspace (`?forloeb=`), all in one chunk (pages.ts). Children of the workspace layout
 * (pages/workspace/routes.ts). `ny` is a reserved event id (shared/rules/events.ts), so it never
 * shadows an event.
 */
export const eventRoutes: RouteRecordRaw[] = [
  {
    path: 'arrangementer',
    name: 'workspace-events',
    component: page('EventsPage'),
    meta: { workspaceTitle: 'areas.events', workspaceProcess: true, workspaceRoles: areaRoles.events },
  },
  {
    path: 'arrangementer/ny',
    name: 'workspace-event-new',
    component: page('EventFormPage'),
    meta: { workspaceTitle: 'areas.eventForm', workspaceProcess: true, workspaceRoles: areaRoles.eventCreate },
  },
  {
    path: 'arrangementer/:eventId',
    name: 'workspace-event',
    component: page('EventFormPage'),
    meta: { workspaceTitle: 'areas.eventForm', workspaceProcess: true, workspaceRoles: areaRoles.eventCreate },
  },
  {
    path: 'arrangementer/:eventId/tilmeldinger',
    name: 'workspace-event-signups',
    component: page('SignupListPage'),
    meta: { workspaceTitle: 'areas.eventSignups', workspaceProcess: true, workspaceRoles: areaRoles.eventSignups },
  },
  {
    path: 'arrangementer/:eventId/live',
    name: 'workspace-event-live',
    component: page('LiveRoundsPage'),
    meta: { workspaceTitle: 'areas.eventLive', workspaceProcess: true, workspaceRoles: areaRoles.eventLive },
  },
  {
    path: 'arrangementer/:eventId/live/:roundId/praesentation',
    name: 'workspace-event-presenter',
    component: page('PresenterPage'),
    meta: { workspaceTitle: 'areas.eventPresenter', workspaceProcess: true, workspaceRoles: areaRoles.eventResults },
  },
];
