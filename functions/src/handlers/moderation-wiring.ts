// The moderation use cases' adapters, for the API area (handlers/moderation.ts) and the hide job's worker (handlers/hide-job.ts).
import { monotonicFactory } from 'ulid';
import { systemClock } from '../domain/ports';
import { stores } from '../adapters/dynamodb';
import { notifier } from '../adapters/ses/notifier';
import { siteUrl } from '../adapters/ssm/site-url';
import { userDirectory } from '../adapters/cognito/user-directory';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { responseStore } from '../adapters/dynamodb/consultation-responses';
import { followEventLog } from '../adapters/dynamodb/follow-events';
import { aiLensStore } from '../adapters/dynamodb/ai-lens';
import { mainTable } from '../adapters/dynamodb/tables';
import { searchCache } from './search-wiring';

const ulid = monotonicFactory();
const base = stores();

export const moderationBase = {
  ...base,
  search: searchCache(base.searchDocs),
  responses: responseStore(documentClient(), tableName(mainTable)),
  followEvents: followEventLog(documentClient(), tableName(mainTable)),
  aiLenses: aiLensStore(documentClient(), tableName(mainTable)),
  directory: userDirectory(),
  notifier: notifier(),
  siteUrl,
  clock: systemClock,
  newId: (now: Date) => ulid(now.getTime()),
};
