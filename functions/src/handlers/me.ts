// (primary adapter) --> domain/profiles, domain/my-data --> adapters/dynamodb
import { deleteMyAccount, exportMyData, myIdeas } from '../domain/my-data';
import { systemClock } from '../domain/ports';
import { getMyProfile, updateMyProfile } from '../domain/profiles';
import { areaHandler } from '../lib/http';
import { meRoutes } from '#shared/api/areas/me.routes';
import { erased } from '../lib/erased-check';
import { commentStore } from '../adapters/dynamodb/comments';
import { ideaStore } from '../adapters/dynamodb/ideas';
import { profileStore } from '../adapters/dynamodb/profiles';
import { userDataStore } from '../adapters/dynamodb/user-data';
import { cachedProcesses, onTable } from './table-stores';
import { userDirectory } from '../adapters/cognito/user-directory';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { responseStore } from '../adapters/dynamodb/consultation-responses';
import { signupStore } from '../adapters/dynamodb/event-signups';
import { erasureStore } from '../adapters/dynamodb/erasure';
import { eventStore } from '../adapters/dynamodb/events';
import { followStore } from '../adapters/dynamodb/follows';
import { mailSettingsStore } from '../adapters/dynamodb/mail-settings';
import { keys } from '../adapters/dynamodb/keys';
import { signingKey } from '../adapters/dynamodb/signing-key';
import { decisionReader } from '../adapters/dynamodb/user-data';
import { mainTable } from '../adapters/dynamodb/tables';
import { notifier } from '../adapters/ses/notifier';
import { siteUrl } from '../adapters/ssm/site-url';
import { createLogger } from '../lib/log';

const profiles = onTable(profileStore);
const ideas = onTable(ideaStore);
const comments = onTable(commentStore);
const userData = onTable(userDataStore);
const processes = cachedProcesses();
const client = documentClient();
const table = tableName(mainTable);
const deps = {
  ideas,
  comments,
  userData,
  processes,
  directory: userDirectory(),
  clock: systemClock,
  consultationResponses: responseStore(client, table),
  follows: { follows: followStore(client, table), mailSettings: mailSettingsStore(client, table) },
  decisions: decisionReader(client, table),
  traces: { store: erasureStore(client, table), pseudonymKey: signingKey(client, table, keys.pseudonymKey) },
  // Deleting an account cancels its sign-ups; the person a freed seat goes to gets a mail.
  events: {
    events: eventStore(client, table),
    signups: signupStore(client, table),
    notifier: notifier(),
    siteUrl,
    log: createLogger({ area: 'me' }),
    clock: systemClock,
  },
};

export const handler = areaHandler(meRoutes, {
  getMe: async ({ actor }) => getMyProfile(profiles, actor),
  updateMe: async ({ actor, body }) => updateMyProfile(profiles, systemClock, actor, body),
  myIdeas: async ({ actor, query }) => myIdeas(ideas, actor, query.limit, query.cursor),
  exportMe: async ({ actor }) => exportMyData(deps, actor),
  deleteMe: async ({ actor }) => {
    // The tombstone first: from here the account's remaining tokens cannot write, not even during the erasure.
    await erased().mark(actor.userId, deps.clock.now());
    await deleteMyAccount(deps, actor);
    return undefined;
  },
});
