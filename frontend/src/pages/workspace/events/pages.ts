/**
 * The events' workspace pages as one chunk: the workspace's route table carries one lazy import for
 * all of them instead of one each (with their dependency lists).
 */
export { default as EventsPage } from './EventsPage.vue';
export { default as EventFormPage } from './EventFormPage.vue';
export { default as SignupListPage } from './SignupListPage.vue';
export { default as LiveRoundsPage } from './LiveRoundsPage.vue';
export { default as PresenterPage } from './PresenterPage.vue';
