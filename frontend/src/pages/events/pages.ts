/**
 * The events' public pages as one chunk: the router names it once (router.ts), so the first-visit
 * bundle carries one loader and one list of dependencies for the four pages instead of four.
 */
export { default as EventListPage } from './EventListPage.vue';
export { default as EventPage } from './EventPage.vue';
export { default as LiveCodePage } from './LiveCodePage.vue';
export { default as LivePhonePage } from './LivePhonePage.vue';
