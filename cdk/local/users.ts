import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Role, ParticipantType } from '#shared/schemas/user';
import type { ProfileStore } from '#functions/domain/ports';

export interface NewUser {
  email: string;
  password: string;
  role?: Role;
  type: ParticipantType;
  displayName: string;
  organisation?: string;
}

export interface Pool {
  client: CognitoIdentityProviderClient;
  userPoolId: string;
  userPoolClientId: string;
}

/**
 * Creates a confirmed user with a profile: sign-up through the SPA client (as the SPA does), an
 * admin confirmation instead of the emailed code, the role as a Cognito group, and the profile
 * record in DynamoDB. Used by `npm run users`, the demo seed and the tests.
 */
export async function createUser(pool: Pool, profiles: ProfileStore, user: NewUser, now = new Date()): Promise<string> {
  const { UserSub } = await pool.client.send(
    new SignUpCommand({
      ClientId: pool.userPoolClientId,
      Username: user.email,
      Password: user.password,
      UserAttributes: [{ Name: 'email', Value: user.email }],
    }),
  );
  await pool.client.send(new AdminConfirmSignUpCommand({ UserPoolId: pool.userPoolId, Username: user.email }));
  if (user.role) {
    await pool.client.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.userPoolId, Username: user.email, GroupName: user.role }));
  }
  const at = now.toISOString();
  await profiles.put({
    userId: UserSub!,
    displayName: user.displayName,
    participantType: user.type,
    ...(user.organisation ? { organisation: user.organisation } : {}),
    createdAt: at,
    updatedAt: at,
  });
  return UserSub!;
}

/** Signs in with email and password; returns the access token the API expects. */
export async function signIn(pool: Pool, email: string, password: string): Promise<string> {
  const result = await pool.client.send(
    new InitiateAuthCommand({
      ClientId: pool.userPoolClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  const token = result.AuthenticationResult?.AccessToken;
  if (!token) throw new Error(`sign-in of ${email} did not return a token (challenge: ${result.ChallengeName ?? 'none'})`);
  return token;
}
