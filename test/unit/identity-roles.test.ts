import { describe, expect, it } from 'vitest';
import { sendMailMessage, type SendDeps } from '#functions/domain/follows/digest-send';
import { isRoundMember } from '#functions/domain/consultation/members';
import { setRoles } from '#functions/domain/roles';
import type { DigestStore } from '#functions/domain/follows/digest-ports';
import { fakeWorld } from '../fakes';
import { fakeDirectory } from '../fakes/directory';
import { fakeNotifier } from '../fakes/notifier';

/**
 * Issue 17, identity, the parts a fake directory shows best: a removed role ends the user's sessions
 * everywhere (a granted one does not), and mail and invitations reach only a verified address.
 * The real directory against cognito-local: test/integration/identity-roles.test.ts.
 */
const NOW = new Date('2026-12-02T10:15:00.000Z');

function world() {
  const w = fakeWorld();
  const admin = w.given.user('adam', ['admin']);
  w.given.user('mona', ['moderator']);
  const directory = w.deps.directory as ReturnType<typeof fakeDirectory>;
  return { ...w, admin, directory };
}

describe('role changes', () => {
  it('sign the user out everywhere when a role is taken away', async () => {
    const w = world();
    await setRoles(w.deps, w.admin, 'mona', []);
    expect(w.directory.signedOut).toEqual(['mona-login']);
  });

  it('leave the sessions alone when a role is only granted (it arrives at the next refresh)', async () => {
    const w = world();
    await setRoles(w.deps, w.admin, 'mona', ['moderator', 'committee']);
    expect(w.directory.signedOut).toEqual([]);
  });

  it('refuse a role for an account whose address is not verified, and change nothing', async () => {
    const w = world();
    w.directory.add({ userId: 'nina', username: 'nina-login', email: 'nina@example.dk', roles: [], emailVerified: false });
    await expect(setRoles(w.deps, w.admin, 'nina', ['moderator'])).rejects.toMatchObject({ status: 409 });
    expect(w.directory.users.get('nina-login')!.roles).toEqual([]);
  });
});

describe('mail goes only to a verified address', () => {
  const event = { id: 'E1', processId: 'p', kind: 'reply', at: NOW.toISOString() } as never;
  const digests = (): DigestStore =>
    ({
      claim: async () => true,
      markSent: async () => undefined,
      clearInbox: async () => undefined,
      inbox: async () => [event],
      unclaim: async () => undefined,
    }) as unknown as DigestStore;

  it('drops a digest for an account with an unverified address instead of mailing it', async () => {
    const directory = fakeDirectory();
    directory.add({ userId: 'u1', username: 'u1', email: 'u1@example.dk', roles: [], emailVerified: false });
    const notifier = fakeNotifier();
    const deps: SendDeps = {
      digests: digests(),
      directory,
      notifier,
      signingKey: { get: async () => new Uint8Array(32) as never },
      siteUrl: async () => 'https://deltag.example.dk',
      processes: { get: async () => undefined },
    };
    expect(await sendMailMessage(deps, { kind: 'digest', userId: 'u1', period: 'W2026-49' }, NOW)).toBe('dropped');
    expect(notifier.sent).toEqual([]);
  });

  it('admits nobody to a consultation round by an invitation to an unverified address', async () => {
    const directory = fakeDirectory();
    directory.add({ userId: 'u2', username: 'u2', email: 'inviteret@example.dk', roles: [], emailVerified: false });
    const documents = {
      isMember: async () => false,
      invitation: async (_p: string, _r: string, address: string) => address === 'inviteret@example.dk',
      addMember: async () => undefined,
    };
    expect(await isRoundMember({ documents: documents as never, directory, clock: { now: () => NOW } }, 'p', 'r', 'u2')).toBe(false);
  });
});
