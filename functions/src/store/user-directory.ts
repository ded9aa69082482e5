// use case --> (secondary adapter) --> Cognito
import { AdminDeleteUserCommand, AdminGetUserCommand, CognitoIdentityProviderClient, UserNotFoundException } from '@aws-sdk/client-cognito-identity-provider';
import type { UserDirectory } from '../domain/ports';

/** The Cognito user pool. `COGNITO_ENDPOINT` is set only on the local stack (cognito-local). */
export function userDirectory(userPoolId = process.env.USER_POOL_ID ?? '', endpoint = process.env.COGNITO_ENDPOINT): UserDirectory {
  const client = new CognitoIdentityProviderClient(endpoint ? { endpoint } : {});
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
  };
}
