// use case --> (secondary adapter) --> Cognito
import type { UserDirectory } from '../../domain/ports';
import { traced } from '../../lib/tracer';

/**
 * The Cognito user pool. `COGNITO_ENDPOINT` is set only on the local stack (cognito-local).
 * The SDK client is loaded on first use: it adds ~50 ms to a cold start, and most requests of the
 * functions that hold a directory (me, moderation, admin) never call it.
 */
export function userDirectory(userPoolId = process.env.USER_POOL_ID ?? '', endpoint = process.env.COGNITO_ENDPOINT): UserDirectory {
  let loaded: Promise<{ sdk: typeof import('@aws-sdk/client-cognito-identity-provider'); client: import('@aws-sdk/client-cognito-identity-provider').CognitoIdentityProviderClient }> | undefined;
  const cognito = () =>
    (loaded ??= import('@aws-sdk/client-cognito-identity-provider').then((sdk) => ({
      sdk,
      client: traced(new sdk.CognitoIdentityProviderClient(endpoint ? { endpoint } : {})),
    })));

  /** ListUsers with an attribute filter: the one lookup that works by email and by sub alike. */
  const findBy = async (attribute: 'email' | 'sub', value: string) => {
    const { sdk, client } = await cognito();
    const { ListUsersCommand, AdminListGroupsForUserCommand, AdminGetUserCommand } = sdk;
    const quoted = value.replace(/["\\]/g, '');
    const { Users } = await client.send(new ListUsersCommand({ UserPoolId: userPoolId, Filter: `${attribute} = "${quoted}"`, Limit: 1 }));
    const user = Users?.[0];
    if (!user?.Username) return undefined;
    const attr = (name: string) => user.Attributes?.find((a) => a.Name === name)?.Value ?? '';
    const groups = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: user.Username }));
    // ListUsers leaves out the MFA settings; only AdminGetUser says whether an authenticator app is set up.
    const full = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: user.Username }));
    return {
      userId: attr('sub'),
      username: user.Username,
      email: attr('email'),
      roles: (groups.Groups ?? []).map((g) => g.GroupName ?? ''),
      confirmed: user.UserStatus === 'CONFIRMED',
      emailVerified: attr('email_verified') === 'true',
      mfa: (full.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA'),
    };
  };

  return {
    async email(username) {
      const { sdk, client } = await cognito();
      const { AdminGetUserCommand, UserNotFoundException } = sdk;
      try {
        const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
        const attr = (name: string) => user.UserAttributes?.find((a) => a.Name === name)?.Value;
        // An address nobody has proved is not mailed: it may be someone else's.
        return attr('email_verified') === 'true' ? attr('email') : undefined;
      } catch (error) {
        if (error instanceof UserNotFoundException) return undefined;
        throw error;
      }
    },
    async deleteUser(username) {
      const { sdk, client } = await cognito();
      const { AdminDeleteUserCommand, UserNotFoundException } = sdk;
      try {
        await client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: username }));
      } catch (error) {
        // Already gone (a retried erasure): the goal is reached.
        if (!(error instanceof UserNotFoundException)) throw error;
      }
    },
    findByEmail: (email) => findBy('email', email),
    findById: (userId) => findBy('sub', userId),
    async setGroups(username, add, remove) {
      const { sdk, client } = await cognito();
      const { AdminAddUserToGroupCommand, AdminRemoveUserFromGroupCommand } = sdk;
      for (const GroupName of add) await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName }));
      for (const GroupName of remove) await client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName }));
    },
    async signOutEverywhere(username) {
      const { sdk, client } = await cognito();
      try {
        await client.send(new sdk.AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: username }));
      } catch (error) {
        if (error instanceof sdk.UserNotFoundException) return;
        // cognito-local has no AdminUserGlobalSignOut and answers that it does not support it; locally the
        // role still goes with the five-minute access token. In AWS every other failure is real.
        if (endpoint && /unsupported/i.test(`${(error as Error).name} ${(error as Error).message}`)) return;
        throw error;
      }
    },
    async membersOf(role) {
      const { sdk, client } = await cognito();
      const members: { userId: string; email: string }[] = [];
      let NextToken: string | undefined;
      do {
        const page = await client.send(new sdk.ListUsersInGroupCommand({ UserPoolId: userPoolId, GroupName: role, NextToken, Limit: 60 }));
        for (const user of page.Users ?? []) {
          const attr = (name: string) => user.Attributes?.find((a) => a.Name === name)?.Value ?? '';
          if (user.Enabled !== false && attr('email') && attr('email_verified') === 'true') members.push({ userId: attr('sub'), email: attr('email') });
        }
        NextToken = page.NextToken;
      } while (NextToken);
      return members;
    },
  };
}
