/**
 * The consultation's workspace pages as one chunk: the app's route table then carries one lazy
 * import for all five instead of five (with their dependency lists), which counts on a first visit.
 */
export { default as ConsultationOverviewPage } from './ConsultationOverviewPage.vue';
export { default as ConsultationSetupPage } from './ConsultationSetupPage.vue';
export { default as ConsultationDraftPage } from './ConsultationDraftPage.vue';
export { default as ConsultationCommentsPage } from './ConsultationCommentsPage.vue';
export { default as ConsultationReportPage } from './ConsultationReportPage.vue';
