// (primary adapter) --> domain/recommendations: the adapters its use cases run on, built once per cold start
import { monotonicFactory } from 'ulid';
import { systemClock } from '../domain/ports';
import type { RecommendationDeps } from '../domain/recommendations/deps';
import type { Logger } from '../lib/log';
import { profileStore } from '../adapters/dynamodb/profiles';
import { freshProcesses as freshProcessStore, onTable } from './table-stores';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { followEventLog } from '../adapters/dynamodb/follow-events';
import { recommendationStore } from '../adapters/dynamodb/recommendations';
import { mainTable } from '../adapters/dynamodb/tables';

const ulid = monotonicFactory();
const freshProcesses = freshProcessStore();
const profiles = onTable(profileStore);
const client = documentClient();
const table = tableName(mainTable);

const base = {
  recommendations: recommendationStore(client, table),
  // Read as stored: a write must not slip in after an admin archived the process.
  processes: freshProcesses,
  profiles,
  followEvents: followEventLog(client, table),
  clock: systemClock,
  newId: (now: Date) => ulid(now.getTime()),
};

/** The deps with the request's logger (follow events that fail are logged with its correlation id). */
export const recommendationDeps = (log: Pick<Logger, 'error'>): RecommendationDeps => ({ ...base, log });
