import { documentClient, tableName } from './client';
import { ideaStore } from './ideas';
import { processStore } from './processes';
import { profileStore } from './profiles';
import { mainTable } from './tables';

/** The DynamoDB adapters of every port, on the function's one client. Built once per cold start. */
export function stores() {
  const client = documentClient();
  const table = tableName(mainTable);
  return {
    processes: processStore(client, table),
    ideas: ideaStore(client, table),
    profiles: profileStore(client, table),
  };
}
