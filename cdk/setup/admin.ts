import { randomBytes } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Pool } from '../local/users';

/** What setup did about the first admin. */
export type AdminOutcome = 'created' | 'made-admin' | 'already-admin';

/**
 * Finds or creates the first admin and puts them in the `admin` group; changes nothing for a user
 * who is an admin already (a second run of setup is harmless). A new account is confirmed with its
 * e-mail verified. With `password` that is their password; without it the account gets a random
 * password nobody sees, and the admin chooses their own through "Glemt adgangskode?" (Cognito mails
 * the code). Not Cognito's invitation with a temporary password: the app's sign-in does not take
 * the forced new-password step that invitation leads to, so the admin would be locked out.
 */
export async function ensureAdmin(pool: Pool, email: string, password?: string): Promise<AdminOutcome> {
  const { client, userPoolId } = pool;
  const quoted = email.replace(/["\\]/g, '');
  const { Users } = await client.send(new ListUsersCommand({ UserPoolId: userPoolId, Filter: `email = "${quoted}"`, Limit: 1 }));
  let username = Users?.[0]?.Username;
  let outcome: AdminOutcome = 'made-admin';
  if (username) {
    const { Groups } = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username }));
    if (Groups?.some((g) => g.GroupName === 'admin')) return 'already-admin';
  } else {
    const { User } = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    username = User?.Username;
    if (!username) throw new Error(`Cognito returnerede ikke den nye bruger ${email}`);
    await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: password ?? unguessable(), Permanent: true }));
    outcome = 'created';
  }
  await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: 'admin' }));
  return outcome;
}

/** 32 random bytes, plus a lower-case letter and a digit for the pool's password policy. */
const unguessable = () => `${randomBytes(32).toString('base64url')}a1`;
