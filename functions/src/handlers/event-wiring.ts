// (primary adapter) --> domain/events: the adapters the events module's use cases run on, built once per cold start
import { monotonicFactory } from 'ulid';
import { systemClock } from '../domain/ports';
import { profileStore } from '../adapters/dynamodb/profiles';
import { freshProcesses as freshProcessStore, onTable } from './table-stores';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { eventStore } from '../adapters/dynamodb/events';
import { signupStore } from '../adapters/dynamodb/event-signups';
import { mainTable } from '../adapters/dynamodb/tables';
import { userDirectory } from '../adapters/cognito/user-directory';
import { notifier } from '../adapters/ses/notifier';
import { siteUrl } from '../adapters/ssm/site-url';

const ulid = monotonicFactory();
const freshProcesses = freshProcessStore();
const profiles = onTable(profileStore);
const client = documentClient();
const table = tableName(mainTable);

export const eventDeps = {
  events: eventStore(client, table),
  signups: signupStore(client, table),
  // Read as stored: a sign-up must not slip in after an admin closed the phase.
  processes: freshProcesses,
  profiles,
  directory: userDirectory(),
  notifier: notifier(),
  siteUrl,
  clock: systemClock,
  // Sign-ups and audit entries sort by time.
  newId: (now: Date) => ulid(now.getTime()),
};

export const now = () => systemClock.now();
