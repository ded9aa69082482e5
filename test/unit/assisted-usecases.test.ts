import { describe, expect, it } from 'vitest';
import { assistedIdea, assistedVote } from '#functions/domain/assisted/acting';
import { claimCodeHash } from '#functions/domain/assisted/claim-codes';
import type { AssistedDeps, AssistedPersonStore } from '#functions/domain/assisted/deps';
import { eraseAssistedPerson } from '#functions/domain/assisted/erase';
import { createAssistedPerson } from '#functions/domain/assisted/persons';
import type { AssistedPersonRecord } from '#functions/domain/assisted/ports';
import type { AuditRecord, StoredProfile } from '#functions/domain/ports';
import { ServiceUnavailableError } from '#functions/lib/errors';
import { DAY_MS, DURING_REVIEW, fakeWorld, PROCESS_ID } from '../fakes';

/**
 * The assistant's use cases on the in-memory ports: which refusals come before anything is written,
 * the audit entries' shape, and what an act stores under the citizen's identity. Prepare, act, assess.
 */

const CODE = '7K3MQ9PX2DRT';

function fakePersons(audit: Map<string, AuditRecord>, profiles: Map<string, StoredProfile>) {
  const people = new Map<string, AssistedPersonRecord>();
  const codes = new Map<string, { processId: string; personId: string }>();
  const store: AssistedPersonStore = {
    async create(person, profile, entry) {
      people.set(person.id, structuredClone(person));
      profiles.set(profile.userId, structuredClone(profile));
      audit.set(entry.id, entry);
    },
    async get(processId, personId) {
      const p = people.get(personId);
      return p && p.processId === processId ? structuredClone(p) : undefined;
    },
    async list(processId) {
      return [...people.values()].filter((p) => p.processId === processId);
    },
    async addClaimCode(person, hash, entry) {
      people.get(person.id)!.claimCodeHashes.push(hash);
      codes.set(hash, { processId: person.processId, personId: person.id });
      audit.set(entry.id, entry);
    },
    async byClaimCode(hash) {
      return codes.get(hash);
    },
    async audit(entry) {
      audit.set(entry.id, entry);
    },
    async surveyAnswerDay() {
      return undefined;
    },
    async remove(person, entry) {
      people.delete(person.id);
      for (const h of person.claimCodeHashes) codes.delete(h);
      audit.set(entry.id, entry);
    },
  };
  return { store, people, codes };
}

function world(options: { now?: string } = {}) {
  const w = fakeWorld(options);
  const persons = fakePersons(w.tables.audit, w.tables.profiles);
  const assistant = w.given.user('bente', ['assistant'], { displayName: 'Bente fra Borgerservice' });
  const deps: AssistedDeps = {
    ...w.deps,
    persons: persons.store,
    surveys: {} as AssistedDeps['surveys'],
    events: { event: async () => undefined },
    randomId: () => crypto.randomUUID(),
    newClaimCode: () => CODE,
  };
  return { ...w, deps, persons, assistant };
}

const register = (w: ReturnType<typeof world>) =>
  createAssistedPerson(w.deps, w.assistant, PROCESS_ID, { name: 'Jens Hansen', participantType: 'citizen', channel: 'assisted-in-person', consent: true });

const idea = { title: 'AI i Borgerservice', body: 'En AI kunne finde svaret, mens borgeren venter i telefonen.', area: 'borgerservice-administration', effects: ['kvalitet'], beneficiaries: ['citizens' as const] };

describe('registering', () => {
  it('writes the person, the profile under their identity and one audit entry naming the assistant, not the citizen', async () => {
    const w = world();
    const person = await register(w);
    expect(w.persons.people.get(person.id)).toMatchObject({ userId: `assisted-${person.id}`, consent: { assistantId: 'bente', assistantName: 'Bente fra Borgerservice' } });
    const entries = [...w.tables.audit.values()];
    expect(entries).toEqual([expect.objectContaining({ action: 'assisted-person-create', actorId: 'bente', targetKind: 'assisted-person', targetId: person.id, channel: 'assisted-in-person' })]);
    expect(JSON.stringify(entries)).not.toContain('Jens');
  });

  it.each([
    ['archived', { archivedAt: '2026-11-27T12:00:00.000Z' }, 'process-archived'],
    ['past its retention date', { retention: true }, 'past-retention'],
  ] as const)('is refused (409) in a process %s, with nothing written', async (_, change, slug) => {
    const w = world();
    const process = w.tables.processes.get(PROCESS_ID)!;
    if ('archivedAt' in change) process.archivedAt = change.archivedAt;
    else process.settings.personalDataUntil = new Date(w.clock.now().getTime() - DAY_MS).toISOString();
    await expect(register(w)).rejects.toMatchObject({ status: 409, slug });
    expect(w.persons.people.size).toBe(0);
    expect(w.tables.audit.size).toBe(0);
  });

  it('is refused (409) while only the review phase is open', async () => {
    const w = world({ now: DURING_REVIEW });
    await expect(register(w)).rejects.toMatchObject({ status: 409 });
    expect(w.persons.people.size).toBe(0);
  });
});

describe('acting', () => {
  it("an idea goes in under the citizen's identity with the channel; the receipt's code is kept only as its hash", async () => {
    const w = world();
    const person = await register(w);
    const { idea: created, receipt } = await assistedIdea(w.deps, w.assistant, PROCESS_ID, person.id, { ...idea, channel: 'paper' });
    expect(w.tables.ideas.get(created.id)).toMatchObject({ authorId: `assisted-${person.id}`, authorName: 'Jens Hansen', channel: 'paper' });
    expect(receipt.claimCode).toBe('7K3M-Q9PX-2DRT');
    expect(receipt.followUrl).toBe(`https://deltag.example.dk/forloeb/${PROCESS_ID}/ideer/${created.id}`);
    expect(w.persons.people.get(person.id)!.claimCodeHashes).toEqual([claimCodeHash(CODE)]);
    expect(JSON.stringify([...w.persons.people.values()])).not.toContain(CODE);
  });

  it("without the site's address nothing is written (503): a receipt must not carry links that lead nowhere", async () => {
    const w = world();
    const person = await register(w);
    const ideasBefore = w.tables.ideas.size;
    w.deps.siteUrl = async () => {
      throw new ServiceUnavailableError();
    };
    await expect(assistedIdea(w.deps, w.assistant, PROCESS_ID, person.id, { ...idea, channel: 'paper' })).rejects.toMatchObject({ status: 503 });
    expect(w.tables.ideas.size).toBe(ideasBefore);
    expect(w.persons.people.get(person.id)!.claimCodeHashes).toEqual([]);
  });

  it('a citizen a moderator blocked is refused (403) like anyone blocked, and nothing is audited', async () => {
    const w = world();
    const person = await register(w);
    w.tables.profiles.get(`assisted-${person.id}`)!.blocked = true;
    const target = w.given.idea();
    const audits = w.tables.audit.size;
    await expect(assistedVote(w.deps, w.assistant, PROCESS_ID, person.id, target.id, 'assisted-phone')).rejects.toMatchObject({ status: 403 });
    expect(w.tables.audit.size).toBe(audits);
  });

  it('a repeated vote or a withdrawal with no vote writes no audit entry', async () => {
    const w = world();
    const person = await register(w);
    const target = w.given.idea();
    const count = () => [...w.tables.audit.values()].filter((e) => e.action.startsWith('assisted-') && e.action.includes('vote')).length;
    await assistedVote(w.deps, w.assistant, PROCESS_ID, person.id, target.id, 'assisted-phone', true);
    expect(count()).toBe(0);
    await assistedVote(w.deps, w.assistant, PROCESS_ID, person.id, target.id, 'assisted-phone');
    await assistedVote(w.deps, w.assistant, PROCESS_ID, person.id, target.id, 'assisted-phone');
    expect(count()).toBe(1);
    expect(w.tables.ideas.get(target.id)!.voteCount).toBe(1);
  });
});

describe('erasing', () => {
  it("erases under the person's own identity only: another user's vote on the same idea stays", async () => {
    const w = world();
    const person = await register(w);
    const target = w.given.idea();
    const other = w.given.user('anden');
    const { vote } = await import('#functions/domain/votes');
    await vote(w.deps, other, target.id);
    await assistedVote(w.deps, w.assistant, PROCESS_ID, person.id, target.id, 'assisted-phone');
    expect(w.tables.ideas.get(target.id)!.voteCount).toBe(2);
    await eraseAssistedPerson(w.deps, w.assistant, PROCESS_ID, person.id);
    expect(w.tables.ideas.get(target.id)!.voteCount).toBe(1);
    expect(w.tables.profiles.has(`assisted-${person.id}`)).toBe(false);
    expect(w.tables.profiles.has('anden')).toBe(true);
    expect(w.persons.people.size).toBe(0);
    expect([...w.tables.audit.values()].at(-1)).toMatchObject({ action: 'assisted-erase', targetId: person.id });
  });
});
