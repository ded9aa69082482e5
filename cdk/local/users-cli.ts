// `npm run users -- create --email E --password P [--role R] [--type T] [--name N] [--organisation O]`
// Creates a confirmed user with a profile in the running local stack (.local/stack.json), or, with
// --user-pool-id, --client-id and --table, in a deployed stack using your AWS credentials.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { connectLocal } from './connect';
import { readUsersArgs } from './users-args';
import { createUser } from './users';

const read = readUsersArgs(process.argv.slice(2));
if (!read.ok) {
  console.error(read.message);
  process.exit(2);
}
const values = read.args;

const deployed = values['user-pool-id'];
let pool;
let store;
if (deployed) {
  pool = { client: new CognitoIdentityProviderClient({}), userPoolId: deployed, userPoolClientId: values['client-id']! };
  store = profileStore(createDocumentClient(), values.table!);
} else {
  try {
    const local = connectLocal();
    pool = local.pool;
    store = profileStore(local.client, local.table);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

const { email, password, role, type, name, organisation } = values;
try {
  const userId = await createUser(pool, store, {
    email,
    password,
    role,
    type,
    displayName: name ?? email.split('@')[0]!,
    organisation: type === 'business' ? organisation : undefined,
  });
  console.log(`oprettet: ${email} (${type}${role ? `, ${role}` : ''}), bruger-id ${userId}`);
} catch (error) {
  const e = error as Error;
  console.error(e.name === 'UsernameExistsException' ? `${email} findes allerede` : `kunne ikke oprette ${email}: ${e.message}`);
  process.exit(1);
}
