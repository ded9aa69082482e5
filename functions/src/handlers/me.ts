// (primary adapter) --> domain/profiles, domain/my-data --> adapters/dynamodb
import { deleteMyAccount, exportMyData, myIdeas } from '../domain/my-data';
import { systemClock } from '../domain/ports';
import { getMyProfile, updateMyProfile } from '../domain/profiles';
import { areaHandler } from '../lib/http';
import { stores } from '../adapters/dynamodb';
import { userDirectory } from '../adapters/cognito/user-directory';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { responseStore } from '../adapters/dynamodb/consultation-responses';
import { mainTable } from '../adapters/dynamodb/tables';

const { profiles, ideas, comments, userData, processes } = stores();
const deps = {
  ideas,
  comments,
  userData,
  processes,
  directory: userDirectory(),
  clock: systemClock,
  consultationResponses: responseStore(documentClient(), tableName(mainTable)),
};

export const handler = areaHandler({
  getMe: async ({ actor }) => getMyProfile(profiles, actor),
  updateMe: async ({ actor, body }) => updateMyProfile(profiles, systemClock, actor, body),
  myIdeas: async ({ actor, query }) => myIdeas(ideas, actor, query.limit, query.cursor),
  exportMe: async ({ actor }) => exportMyData(deps, actor),
  deleteMe: async ({ actor }) => {
    await deleteMyAccount(deps, actor);
    return undefined;
  },
});
