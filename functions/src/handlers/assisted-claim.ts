// (primary adapter) --> domain/assisted/claim --> adapters/dynamodb
import { ulid } from 'ulid';
import { profileStore } from '../adapters/dynamodb/profiles';
import { cachedProcesses, onTable } from './table-stores';
import { claimStore } from '../adapters/dynamodb/assisted-claim';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { mainTable } from '../adapters/dynamodb/tables';
import { claimAssisted } from '../domain/assisted/claim';
import { systemClock } from '../domain/ports';
import type { AreaRoutes } from '../lib/http';
import type { assistedRoutes } from '#shared/api/areas/assisted.routes';

const processes = cachedProcesses();
const profiles = onTable(profileStore);
const deps = { claims: claimStore(documentClient(), tableName(mainTable)), processes, profiles, clock: systemClock, newId: (now: Date) => ulid(now.getTime()) };

/** The citizen's claim of their assisted contributions into their own account. */
export const claimRoutes: AreaRoutes<typeof assistedRoutes> = {
  claimAssisted: async ({ body, actor }) => claimAssisted(deps, actor, body.code),
};
