// `npm run users -- create --email E --password P [--role R] [--type T] [--name N] [--organisation O]`
// Creates a confirmed user with a profile in the running local stack (.local/stack.json), or, with
// --user-pool-id, --client-id and --table, in a deployed stack using your AWS credentials.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { singleLine } from '#shared/schemas/text';
import { participantTypeSchema, roleSchema } from '#shared/schemas/user';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { cognitoClient } from './cognito';
import { localCredentials } from './dynamodb';
import type { StackInfo } from './stack';
import { createUser } from './users';

const usage = 'usage: npm run users -- create --email E --password P [--role moderator|committee|admin|assistant] [--type citizen|business|employee] [--name "Display name"] [--organisation O]';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string' },
    type: { type: 'string', default: 'citizen' },
    name: { type: 'string' },
    organisation: { type: 'string' },
    'user-pool-id': { type: 'string' },
    'client-id': { type: 'string' },
    table: { type: 'string' },
  },
});

const input = z
  .object({
    email: z.email(),
    password: z.string().min(10),
    role: roleSchema.optional(),
    type: participantTypeSchema,
    name: singleLine(2, 60).optional(),
    organisation: singleLine(2, 120).optional(),
  })
  .safeParse(values);

if (positionals[0] !== 'create' || !input.success) {
  console.error(input.success ? usage : `${input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${usage}`);
  process.exit(2);
}

const deployed = values['user-pool-id'];
let pool;
let store;
if (deployed) {
  if (!values['client-id'] || !values.table) {
    console.error('--user-pool-id needs --client-id and --table as well (see the stack outputs)');
    process.exit(2);
  }
  pool = { client: new CognitoIdentityProviderClient({}), userPoolId: deployed, userPoolClientId: values['client-id'] };
  store = profileStore(createDocumentClient(), values.table);
} else {
  if (!existsSync('.local/stack.json')) {
    console.error('The local stack is not running (no .local/stack.json): start it with `npm start` first.');
    process.exit(1);
  }
  const info = JSON.parse(readFileSync('.local/stack.json', 'utf8')) as StackInfo;
  Object.assign(process.env, { AWS_REGION: info.region, AWS_ACCESS_KEY_ID: localCredentials.accessKeyId, AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey });
  pool = { client: cognitoClient(info.cognitoEndpoint), userPoolId: info.userPoolId, userPoolClientId: info.userPoolClientId };
  store = profileStore(createDocumentClient(info.dynamodbEndpoint), mainTable.localName);
}

const { email, password, role, type, name, organisation } = input.data;
try {
  const userId = await createUser(pool, store, {
    email,
    password,
    role,
    type,
    displayName: name ?? email.split('@')[0]!,
    organisation: type === 'business' ? organisation : undefined,
  });
  console.log(`created ${email} (${type}${role ? `, ${role}` : ''}), user id ${userId}`);
} catch (error) {
  const e = error as Error;
  console.error(e.name === 'UsernameExistsException' ? `${email} already exists` : `could not create ${email}: ${e.message}`);
  process.exit(1);
}
