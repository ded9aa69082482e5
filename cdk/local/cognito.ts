import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  UpdateUserPoolClientCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UpdateUserPoolCommand,
  type ExplicitAuthFlowsType,
} from '@aws-sdk/client-cognito-identity-provider';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { identity } from '../definitions/identity';
import { localCredentials } from './dynamodb';
import { startChild, waitFor, type Child } from './processes';

/**
 * cognito-local: the Cognito user-pool protocol on loopback. It keeps its state in `.cognito/` under
 * its working directory, which we point into the data folder, so users survive a restart.
 * Its token-signing key is public: this is for local use only.
 */
export async function startCognito(options: {
  port: number;
  dataDir: string;
  verbose?: boolean;
  /** Called with each code cognito-local "sends" (sign-up confirmation, forgotten password). */
  onCode?: (email: string, code: string) => void;
}): Promise<{ child: Child; endpoint: string }> {
  const endpoint = `http://127.0.0.1:${options.port}`;
  const configDir = join(options.dataDir, '.cognito');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(
    join(configDir, 'config.json'),
    JSON.stringify({ ServerConfig: { hostname: '127.0.0.1', port: options.port }, TokenConfig: { IssuerDomain: endpoint } }, null, 2),
  );
  const bin = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js');
  let pending = '';
  const child = startChild('cognito-local', process.execPath, [bin], {
    cwd: options.dataDir,
    env: { HOST: '127.0.0.1', PORT: String(options.port) },
    verbose: options.verbose,
    onOutput: (text) => {
      // cognito-local prints each message it would have sent as a box with Destination and Code
      // lines; a chunk may hold several boxes, or end inside one (kept for the next chunk).
      pending += text.replace(/\u001b\[[0-9;]*m/g, '');
      for (const box of pending.matchAll(/Destination:\s+(\S+)[\s\S]*?Code:\s+(\S+)/g)) options.onCode?.(box[1]!, box[2]!);
      const lastCode = pending.lastIndexOf('Code:');
      pending = pending.slice(lastCode >= 0 ? lastCode + 5 : Math.max(0, pending.length - 4096));
    },
  });
  const client = cognitoClient(endpoint);
  try {
    await waitFor('cognito-local', () => client.send(new ListUserPoolsCommand({ MaxResults: 1 })), { child });
  } catch (e) {
    await child.stop();
    throw e;
  }
  return { child, endpoint };
}

export const cognitoClient = (endpoint: string) =>
  new CognitoIdentityProviderClient({ endpoint, region: 'eu-north-1', credentials: localCredentials });

/**
 * The pool settings both CreateUserPool and UpdateUserPool take, from the identity definition: the same
 * keepOriginal (cognito-local holds a new address back until VerifyUserAttribute, as Cognito does; its
 * UpdateUserPool drops that setting, so a pool created before it changes addresses at once, unverified,
 * which the directory adapter then treats as no address for mail or roles) and
 * optional TOTP (cognito-local implements AssociateSoftwareToken, VerifySoftwareToken and the
 * SOFTWARE_TOKEN_MFA sign-in challenge). What it lacks: SES (codes are printed, not mailed) and
 * AdminUserGlobalSignOut (see adapters/cognito/user-directory.ts).
 */
function poolSettings() {
  const p = identity.passwordPolicy;
  return {
    AutoVerifiedAttributes: ['email' as const],
    UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [...identity.verifyBeforeUpdate] },
    MfaConfiguration: identity.mfa.configuration,
    Policies: {
      PasswordPolicy: {
        MinimumLength: p.minLength,
        RequireLowercase: p.requireLowercase,
        RequireUppercase: p.requireUppercase,
        RequireNumbers: p.requireDigits,
        RequireSymbols: p.requireSymbols,
      },
    },
  };
}

const tokenSettings = {
  AccessTokenValidity: identity.tokenValidity.accessMinutes,
  IdTokenValidity: identity.tokenValidity.idMinutes,
  RefreshTokenValidity: identity.tokenValidity.refreshDays,
  TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
} as const;

/** Finds or creates the pool, SPA client and groups from the shared identity definitions. */
export async function bootstrapIdentity(endpoint: string): Promise<{ userPoolId: string; userPoolClientId: string }> {
  const client = cognitoClient(endpoint);
  const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let userPoolId = pools.UserPools?.find((p) => p.Name === identity.userPoolName)?.Id;
  if (!userPoolId) {
    const created = await client.send(
      new CreateUserPoolCommand({
        PoolName: identity.userPoolName,
        UsernameAttributes: ['email'],
        ...poolSettings(),
      }),
    );
    userPoolId = created.UserPool!.Id!;
  } else {
    // A data folder from before a settings change (keepOriginal, MFA) gets them too.
    await client.send(new UpdateUserPoolCommand({ UserPoolId: userPoolId, ...poolSettings() }));
  }

  const clients = await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  let userPoolClientId = clients.UserPoolClients?.find((c) => c.ClientName === identity.clientName)?.ClientId;
  if (!userPoolClientId) {
    const flows: ExplicitAuthFlowsType[] = ['ALLOW_REFRESH_TOKEN_AUTH'];
    if (identity.authFlows.userPassword) flows.push('ALLOW_USER_PASSWORD_AUTH');
    if (identity.authFlows.userSrp) flows.push('ALLOW_USER_SRP_AUTH');
    const created = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: identity.clientName,
        GenerateSecret: false,
        ExplicitAuthFlows: flows,
        ...tokenSettings,
      }),
    );
    userPoolClientId = created.UserPoolClient!.ClientId!;
  } else {
    await client.send(new UpdateUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: userPoolClientId, ...tokenSettings }));
  }

  const groups = new Set((await client.send(new ListGroupsCommand({ UserPoolId: userPoolId }))).Groups?.map((g) => g.GroupName));
  for (const group of identity.groups) {
    if (!groups.has(group.name)) {
      await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group.name, Description: group.description }));
    }
  }
  return { userPoolId, userPoolClientId };
}
