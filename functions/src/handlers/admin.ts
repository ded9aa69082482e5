// (primary adapter) --> domain/roles --> adapters/cognito, adapters/dynamodb
import { monotonicFactory } from 'ulid';
import { systemClock } from '../domain/ports';
import { findUser, setRoles } from '../domain/roles';
import { areaHandler } from '../lib/http';
import { stores } from '../adapters/dynamodb';
import { userDirectory } from '../adapters/cognito/user-directory';

const ulid = monotonicFactory();
const { profiles, moderation } = stores();
const deps = {
  profiles,
  moderation,
  directory: userDirectory(),
  clock: systemClock,
  newId: (now: Date) => ulid(now.getTime()),
};

export const handler = areaHandler({
  findUser: async ({ query }) => findUser(deps, query.email),
  setRoles: async ({ params, body, actor }) => setRoles(deps, actor, params.userId, body.roles),
});
