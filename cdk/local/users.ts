import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
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
 * Creates a confirmed user with a profile: an admin-created account with its welcome mail suppressed
 * and the password set as permanent (so no code is sent: nobody waits for one), the role as a
 * Cognito group, and the profile record in DynamoDB. Used by `npm run users`, the demo seed and the
 * tests. Returns the user's id (sub); `createAccount` also returns the Cognito user name, which the
 * API sees as the `username` claim and mails to authors are addressed by.
 */
export async function createUser(pool: Pool, profiles: ProfileStore, user: NewUser, now = new Date()): Promise<string> {
  return (await createAccount(pool, profiles, user, now)).userId;
}

export async function createAccount(pool: Pool, profiles: ProfileStore, user: NewUser, now = new Date()): Promise<{ userId: string; username: string }> {
  const { User } = await pool.client.send(
    new AdminCreateUserCommand({
      UserPoolId: pool.userPoolId,
      Username: user.email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: user.email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  const username = User?.Username;
  const userId = User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
  if (!username || !userId) throw new Error(`Cognito did not return the new user ${user.email}`);
  await pool.client.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.userPoolId, Username: username, Password: user.password, Permanent: true }));
  if (user.role) {
    await pool.client.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.userPoolId, Username: username, GroupName: user.role }));
  }
  const at = now.toISOString();
  await profiles.put({
    userId,
    displayName: user.displayName,
    participantType: user.type,
    ...(user.organisation ? { organisation: user.organisation } : {}),
    createdAt: at,
    updatedAt: at,
  });
  return { userId, username };
}

/**
 * Signs in with email and password; returns the access token the API expects. An account with an
 * authenticator app is asked for its code (SOFTWARE_TOKEN_MFA): `totpCode` gives the current one.
 */
export async function signIn(pool: Pool, email: string, password: string, totpCode?: () => string): Promise<string> {
  let result: { AuthenticationResult?: { AccessToken?: string }; ChallengeName?: string; Session?: string } = await pool.client.send(
    new InitiateAuthCommand({
      ClientId: pool.userPoolClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  if (result.ChallengeName === 'SOFTWARE_TOKEN_MFA' && totpCode) {
    result = await pool.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: pool.userPoolClientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: result.Session,
        ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: totpCode() },
      }),
    );
  }
  const token = result.AuthenticationResult?.AccessToken;
  if (!token) throw new Error(`sign-in of ${email} did not return a token (challenge: ${result.ChallengeName ?? 'none'})`);
  return token;
}
