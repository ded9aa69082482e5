/**
 * The consultation's public pages as one chunk: the router names it once (router.ts), so the
 * first-visit bundle carries one loader and one list of dependencies for the four pages instead of four.
 */
export { default as ConsultationPage } from './ConsultationPage.vue';
export { default as DocumentPage } from './DocumentPage.vue';
export { default as DocumentDiffPage } from './DocumentDiffPage.vue';
export { default as RoundJoinPage } from './RoundJoinPage.vue';
