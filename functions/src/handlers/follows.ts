// (primary adapter) --> domain/follows --> adapters/dynamodb
import { chooseIdea, chooseRecommendation, ideaFollowState, myFollows, recommendationFollowState } from '../domain/follows/following';
import { mailSettings, unsubscribe, updateMailSettings } from '../domain/follows/mail-settings';
import { systemClock } from '../domain/ports';
import { areaHandler } from '../lib/http';
import { followRoutes } from '#shared/api/areas/follows.routes';
import { ideaStore } from '../adapters/dynamodb/ideas';
import { profileStore } from '../adapters/dynamodb/profiles';
import { onTable } from './table-stores';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { followStore } from '../adapters/dynamodb/follows';
import { liveLimits } from '../adapters/dynamodb/live-rounds';
import { mailSettingsStore } from '../adapters/dynamodb/mail-settings';
import { signingKey } from '../adapters/dynamodb/signing-key';
import { mainTable } from '../adapters/dynamodb/tables';

const client = documentClient();
const table = tableName(mainTable);
const ideas = onTable(ideaStore);
const profiles = onTable(profileStore);
const follow = { follows: followStore(client, table), ideas, clock: systemClock };
const mail = { mailSettings: mailSettingsStore(client, table), signingKey: signingKey(client, table), profiles, limits: liveLimits(client, table), clock: systemClock };

/** Following, mail settings and the one-click unsubscribe (shared/api/areas/follows.meta.ts, area `follows`). */
export const handler = areaHandler(followRoutes, {
  ideaFollow: async ({ actor, params }) => ideaFollowState(follow, actor, params.ideaId),
  followIdea: async ({ actor, params }) => chooseIdea(follow, actor, params.ideaId, 'on'),
  unfollowIdea: async ({ actor, params }) => chooseIdea(follow, actor, params.ideaId, 'off'),
  recommendationFollow: async ({ actor, params }) => recommendationFollowState(follow, actor, params.processId, params.recommendationId),
  followRecommendation: async ({ actor, params }) => chooseRecommendation(follow, actor, params.processId, params.recommendationId, 'on'),
  unfollowRecommendation: async ({ actor, params }) => chooseRecommendation(follow, actor, params.processId, params.recommendationId, 'off'),
  myFollows: async ({ actor, query }) => myFollows(follow, actor, query.limit, query.cursor),
  mailSettings: async ({ actor }) => mailSettings(mail, actor),
  updateMailSettings: async ({ actor, body }) => updateMailSettings(mail, actor, body),
  // The body (a form's `List-Unsubscribe=One-Click`, or nothing from the page) is not read: the token says it all.
  unsubscribe: async ({ query, sourceIp }) => unsubscribe(mail, query.token, sourceIp),
});
