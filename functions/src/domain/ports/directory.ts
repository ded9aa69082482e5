/** The sign-in directory (Cognito): accounts, their groups and which addresses Deltag may mail. */

/** An account in the sign-in directory, as the admin's lookup and the mail paths see it. */
export interface DirectoryAccount {
  userId: string;
  username: string;
  email: string;
  roles: string[];
  /** Cognito's UserStatus CONFIRMED: the sign-up was confirmed with its code (or created so by an admin). */
  confirmed: boolean;
  /** `email_verified`: Deltag mails only a verified address and grants roles only to an account with one. */
  emailVerified: boolean;
  /** Two-step sign-in with an authenticator app (TOTP) is set up: a staff role needs it. */
  mfa: boolean;
}

/** The sign-in directory (Cognito). */
export interface UserDirectory {
  /** The user's address if it is verified, else undefined: every mail path asks here, so none mails an unverified one. */
  email(username: string): Promise<string | undefined>;
  deleteUser(username: string): Promise<void>;
  /** By email: the user's id (sub), user name, groups and the address's state. */
  findByEmail(email: string): Promise<DirectoryAccount | undefined>;
  /** By id (sub). */
  findById(userId: string): Promise<DirectoryAccount | undefined>;
  setGroups(username: string, add: string[], remove: string[]): Promise<void>;
  /** Ends every session of the user: their refresh tokens stop working, so no new access token carries an old role. */
  signOutEverywhere(username: string): Promise<void>;
  /** Everyone in a group (a role) with a verified e-mail, with their id (sub): the staff alerts' recipients. */
  membersOf(role: string): Promise<{ userId: string; email: string }[]>;
}

/** The address a mail may go to: only a verified one. */
export const mailAddress = (account: Pick<DirectoryAccount, 'email' | 'emailVerified'> | undefined) =>
  account?.emailVerified && account.email ? account.email : undefined;
