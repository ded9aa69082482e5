/**
 * The assistant's workspace pages as one chunk: the workspace's route table carries one lazy import
 * for all of them.
 */
export { default as AssistedHomePage } from './AssistedHomePage.vue';
export { default as AssistedPersonPage } from './AssistedPersonPage.vue';
export { default as PaperPage } from './PaperPage.vue';
export { default as ReceiptPage } from './ReceiptPage.vue';
