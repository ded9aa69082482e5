// The digest pipeline's adapters, built once per cold start for both of its functions.
import { userDirectory } from '../adapters/cognito/user-directory';
import { moderationStore } from '../adapters/dynamodb/moderation';
import { cachedProcesses, onTable } from './table-stores';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { digestStore } from '../adapters/dynamodb/digests';
import { followEventLog } from '../adapters/dynamodb/follow-events';
import { followers } from '../adapters/dynamodb/follows';
import { mailSettingsStore } from '../adapters/dynamodb/mail-settings';
import { signingKey } from '../adapters/dynamodb/signing-key';
import { mainTable } from '../adapters/dynamodb/tables';
import { notifier } from '../adapters/ses/notifier';
import { siteUrl } from '../adapters/ssm/site-url';
import type { RunDeps } from '../domain/follows/digest-run';
import type { SendDeps } from '../domain/follows/digest-send';

const processes = cachedProcesses();
const moderation = onTable(moderationStore);
const client = documentClient();
const table = tableName(mainTable);
const digests = digestStore(client, table);
const directory = userDirectory();

export const runDeps: RunDeps = {
  processes,
  moderation,
  events: followEventLog(client, table),
  followers: followers(client, table),
  settings: mailSettingsStore(client, table),
  directory,
  digests,
};

export const sendDeps: SendDeps = { digests, directory, notifier: notifier(), signingKey: signingKey(client, table), siteUrl, processes };
