// (primary adapter) --> domain/ideas --> adapters/dynamodb
import { monotonicFactory } from 'ulid';
import { createIdea, getIdea, listIdeas } from '../domain/ideas';
import { setPlainSummary } from '../domain/plain-summary';
import { systemClock } from '../domain/ports';
import { areaHandler } from '../lib/http';
import { ideaRoutes } from '#shared/api/areas/ideas.routes';
import { ideaStore } from '../adapters/dynamodb/ideas';
import { profileStore } from '../adapters/dynamodb/profiles';
import { searchDocStore } from '../adapters/dynamodb/search-docs';
import { eventStore } from '../adapters/dynamodb/events';
import { ideaPageReader } from '../adapters/dynamodb/idea-page';
import { plainSummaryStore } from '../adapters/dynamodb/plain-summary';
import { recommendationStore } from '../adapters/dynamodb/recommendations';
import { similarIdeas } from '../domain/search/similar';
import { searchCache } from './search-wiring';
import { cachedProcesses, onTable } from './table-stores';

const ulid = monotonicFactory();
// Only the stores these routes use (handlers/table-stores.ts).
const deps = {
  processes: cachedProcesses(),
  ideas: onTable(ideaStore),
  profiles: onTable(profileStore),
  search: searchCache(onTable(searchDocStore)),
  events: onTable(eventStore),
  plainSummaries: onTable(plainSummaryStore),
  takenUp: onTable(recommendationStore),
  page: onTable(ideaPageReader),
  clock: systemClock,
  newId: (now: Date) => ulid(now.getTime()),
};

export const handler = areaHandler(ideaRoutes, {
  listIdeas: async ({ params, query }) => listIdeas(deps, params.processId, query),
  createIdea: async ({ params, body, actor }) => createIdea(deps, actor, params.processId, body),
  similarIdeas: async ({ params, query }) => similarIdeas(deps, params.processId, query.text),
  getIdea: async ({ params }) => getIdea(deps, params.ideaId),
  setPlainSummary: async ({ params, body, actor }) => setPlainSummary(deps, actor, params.ideaId, body),
});
