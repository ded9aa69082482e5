/**
 * The recommendations' workspace pages as one chunk: the workspace's route table carries one lazy
 * import for both.
 */
export { default as RecommendationsPage } from './RecommendationsPage.vue';
export { default as RecommendationPage } from './RecommendationPage.vue';
