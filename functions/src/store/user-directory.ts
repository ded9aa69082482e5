// use case --> (secondary adapter) --> Cognito
import {
  AdminAddUserToGroupCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { UserDirectory } from '../domain/ports';

/** The Cognito user pool. `COGNITO_ENDPOINT` is set only on the local stack (cognito-local). */
export function userDirectory(userPoolId = process.env.USER_POOL_ID ?? '', endpoint = process.env.COGNITO_ENDPOINT): UserDirectory {
  const client = new CognitoIdentityProviderClient(endpoint ? { endpoint } : {});

  /** ListUsers with an attribute filter: the one lookup that works by email and by sub alike. */
  const findBy = async (attribute: 'email' | 'sub', value: string) => {
    const quoted = value.replace(/["\\]/g, '');
    const { Users } = await client.send(new ListUsersCommand({ UserPoolId: userPoolId, Filter: `${attribute} = "${quoted}"`, Limit: 1 }));
    const user = Users?.[0];
    if (!user?.Username) return undefined;
    const attr = (name: string) => user.Attributes?.find((a) => a.Name === name)?.Value ?? '';
    const groups = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: user.Username }));
    return { userId: attr('sub'), username: user.Username, email: attr('email'), roles: (groups.Groups ?? []).map((g) => g.GroupName ?? '') };
  };

  return {
    async email(username) {
      try {
        const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
        return user.UserAttributes?.find((a) => a.Name === 'email')?.Value;
      } catch (error) {
        if (error instanceof UserNotFoundException) return undefined;
        throw error;
      }
    },
    async deleteUser(username) {
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
      for (const GroupName of add) await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName }));
      for (const GroupName of remove) await client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName }));
    },
  };
}
