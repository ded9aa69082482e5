import type { UserDirectory } from '#functions/domain/ports';

export interface DirectoryUser {
  userId: string;
  username: string;
  email: string;
  roles: string[];
  /** Default true, as for an account that confirmed its sign-up code. */
  confirmed?: boolean;
  /** Default true; false for an address nobody has proved (then no mail and no role). */
  emailVerified?: boolean;
  /** Default true, as for staff who set up an authenticator app; false for an account without one. */
  mfa?: boolean;
}

/** The sign-in directory (Cognito in production), with `add` to register users and `users` to inspect. */
export interface FakeDirectory extends UserDirectory {
  users: Map<string, DirectoryUser>;
  add(user: DirectoryUser): void;
  /** User names signed out everywhere, in order. */
  signedOut: string[];
}

export function fakeDirectory(): FakeDirectory {
  const users = new Map<string, DirectoryUser>();
  const verified = (u: DirectoryUser) => u.emailVerified !== false;
  const find = (match: (u: DirectoryUser) => boolean) => {
    const user = [...users.values()].find(match);
    return user ? { ...user, roles: [...user.roles], confirmed: user.confirmed !== false, emailVerified: verified(user), mfa: user.mfa !== false } : undefined;
  };
  const signedOut: string[] = [];
  return {
    users,
    signedOut,
    add: (user) => void users.set(user.username, { ...user, roles: [...user.roles] }),
    email: async (username) => {
      const user = users.get(username);
      return user && verified(user) ? user.email : undefined;
    },
    signOutEverywhere: async (username) => void signedOut.push(username),
    // Deleting a user who is gone already is done: the adapter treats it so for retried erasures.
    deleteUser: async (username) => void users.delete(username),
    findByEmail: async (email) => find((u) => u.email === email),
    findById: async (userId) => find((u) => u.userId === userId),
    membersOf: async (role) => [...users.values()].filter((u) => u.roles.includes(role) && verified(u)).map((u) => ({ userId: u.userId, email: u.email })),
    async setGroups(username, add, remove) {
      const user = users.get(username);
      if (!user) throw new Error(`UserNotFoundException: ${username}`);
      user.roles = [...new Set([...user.roles, ...add])].filter((r) => !remove.includes(r));
    },
  };
}
