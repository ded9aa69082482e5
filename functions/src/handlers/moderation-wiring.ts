// The moderation use cases' adapters, for the API area (handlers/moderation.ts) and the hide job's worker (handlers/hide-job.ts).
import { monotonicFactory } from 'ulid';
import { systemClock } from '../domain/ports';
import { commentStore } from '../adapters/dynamodb/comments';
import { ideaStore } from '../adapters/dynamodb/ideas';
import { moderationStore } from '../adapters/dynamodb/moderation';
import { profileStore } from '../adapters/dynamodb/profiles';
import { searchDocStore } from '../adapters/dynamodb/search-docs';
import { userDataStore } from '../adapters/dynamodb/user-data';
import { notifier } from '../adapters/ses/notifier';
import { siteUrl } from '../adapters/ssm/site-url';
import { userDirectory } from '../adapters/cognito/user-directory';
import { responseStore } from '../adapters/dynamodb/consultation-responses';
import { followEventLog } from '../adapters/dynamodb/follow-events';
import { aiLensStore } from '../adapters/dynamodb/ai-lens';
import { searchCache } from './search-wiring';
import { cachedProcesses, onTable } from './table-stores';

const ulid = monotonicFactory();
// Only the stores these use cases name (table-stores.ts).
export const moderationBase = {
  processes: cachedProcesses(),
  ideas: onTable(ideaStore),
  comments: onTable(commentStore),
  profiles: onTable(profileStore),
  userData: onTable(userDataStore),
  moderation: onTable(moderationStore),
  search: searchCache(onTable(searchDocStore)),
  responses: onTable(responseStore),
  followEvents: onTable(followEventLog),
  aiLenses: onTable(aiLensStore),
  directory: userDirectory(),
  notifier: notifier(),
  siteUrl,
  clock: systemClock,
  newId: (now: Date) => ulid(now.getTime()),
};
