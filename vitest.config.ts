import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

/**
 * One `npm test`, six projects by environment:
 * - unit: pure functions and schemas (node)
 * - component: Vue components (happy-dom)
 * - integration: the gateway + handlers against DynamoDB Local and cognito-local (started per file)
 * - alone: the heaviest writers, one file at a time after integration (the demo seed; the vote races)
 * - cdk: CDK assertions and cdk-nag
 * - e2e: the built SPA in Chromium against a full local stack
 */
const ALONE = ['test/alone/**/*.test.ts', 'test/integration/demo-seed*.test.ts', 'test/integration/participation-vote-races.test.ts', 'test/integration/live-round-room.test.ts', 'test/integration/events-signup-race.test.ts'];

export default defineConfig({
  test: {
    env: { DELTAG_LOG: 'silent' },
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { plugins: [vue()], test: { name: 'component', include: ['test/component/**/*.test.ts'], environment: 'happy-dom' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // The demo seed writes hundreds of accounts, ideas and votes at once, and the vote races send
          // 200 votes at once: beside another file's stack, the races outran their 10 s function limit.
          // They run alone, after these.
          exclude: ALONE,
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 90_000,
          // Each file starts its own stack; two at a time is what two cores can carry.
          maxWorkers: 2,
          // Groups run one after another: fast projects (0), then integration (1), the heavy writers alone (2), then the browser (3).
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'alone',
          include: ALONE,
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
      { test: { name: 'cdk', include: ['test/cdk/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 180_000 } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 120_000, maxWorkers: 1, sequence: { groupOrder: 3 } } },
    ],
  },
});
