import { describe, expect, it } from 'vitest';
import { eraseTraces, FORMER_ACCOUNT, FORMER_STAFF, pseudonymOf } from '#functions/domain/erasure';
import type { ErasureStore, SigningKey } from '#functions/domain/ports';

/**
 * The erasure's pseudonym and its steps on in-memory ports (issue 17, deliver 6): the pseudonym is
 * stable for one id (entries about one person still group), differs between ids and between keys
 * (without the key nobody can compute it from an id), and the name on what a person did is their role.
 */
const key = (byte: number): SigningKey => ({ get: async () => Buffer.alloc(32, byte) });

describe('the pseudonym of an erased account', () => {
  it('is stable for one id and key, and differs for another id or another key', async () => {
    const a = await pseudonymOf(key(1), 'user-a');
    expect(a).toMatch(/^pseudonym-[0-9a-f]{32}$/);
    expect(await pseudonymOf(key(1), 'user-a')).toBe(a);
    expect(await pseudonymOf(key(1), 'user-b')).not.toBe(a);
    expect(await pseudonymOf(key(2), 'user-a')).not.toBe(a);
    expect(a).not.toContain('user-a');
  });
});

describe('eraseTraces', () => {
  const recording = () => {
    const calls: unknown[][] = [];
    const store: ErasureStore = {
      deleteOwnPartitions: async (userId) => (calls.push(['delete', userId]), 2),
      pseudonymise: async (userId, pseudonym, name) => (calls.push(['pseudonymise', userId, pseudonym, name]), 1),
    };
    return { calls, store };
  };

  it("deletes the user's own partitions, then names them by the pseudonym and 'Tidligere medarbejder' for staff", async () => {
    const { calls, store } = recording();
    await eraseTraces({ store, pseudonymKey: key(1) }, { userId: 'staff-1', roles: ['committee'] });
    expect(calls).toEqual([
      ['delete', 'staff-1'],
      ['pseudonymise', 'staff-1', await pseudonymOf(key(1), 'staff-1'), FORMER_STAFF],
    ]);
  });

  it("names a participant without a staff role 'Tidligere deltager'", async () => {
    const { calls, store } = recording();
    await eraseTraces({ store, pseudonymKey: key(1) }, { userId: 'citizen-1', roles: [] });
    expect(calls[1]).toEqual(['pseudonymise', 'citizen-1', await pseudonymOf(key(1), 'citizen-1'), FORMER_ACCOUNT]);
    expect(FORMER_ACCOUNT).toBe('Tidligere deltager');
  });
});
