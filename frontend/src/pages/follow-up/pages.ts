/** The follow-up's public pages as one chunk (routes.ts names it once). */
export { default as RecommendationListPage } from './RecommendationListPage.vue';
export { default as RecommendationPage } from './RecommendationPage.vue';
export { default as RegisterPage } from './RegisterPage.vue';
export { default as StatusReportPage } from './StatusReportPage.vue';
export { default as UnsubscribePage } from './UnsubscribePage.vue';
