import { describe, expect, it } from 'vitest';
import type { DocumentStore, StoredSetup } from '#functions/domain/consultation/document-ports';
import { invitationMail } from '#functions/domain/consultation/invitation-mail';
import { hashJoinToken, joinLink, joinTokenMatches, newJoinToken } from '#functions/domain/consultation/join-tokens';
import { saveConsultationSetup } from '#functions/domain/consultation/setup';
import type { AuditRecord } from '#functions/domain/ports';
import { ConflictError } from '#functions/lib/errors';
import { aProcess } from '../fakes';

/** The setup use case on an in-memory store holding only what it touches, and the join link's token. */

const NOW = new Date('2026-03-01T10:00:00.000Z');
const round = (id: string, kind: 'invited' | 'public', startsAt: string) => ({ id, kind, title: { da: id }, startsAt, endsAt: '2026-12-31T00:00:00.000Z' });

function world() {
  let stored: StoredSetup | undefined;
  const audits: AuditRecord[] = [];
  let tokens = 0;
  const documents = {
    setup: async () => stored,
    saveSetup: async (setup: StoredSetup, expected: string | undefined, audit: AuditRecord) => {
      if (stored?.updatedAt !== expected) return 'stale' as const;
      stored = structuredClone(setup);
      audits.push(audit);
      return 'saved' as const;
    },
    memberCounts: async () => new Map([['foelge', 3]]),
  } as unknown as DocumentStore;
  const deps = {
    documents,
    processes: { get: async () => aProcess() },
    profiles: { get: async () => undefined },
    newId: () => `audit-${audits.length}`,
    newToken: () => `token-nummer-${++tokens}-0123456789`,
  };
  return { deps, audits, stored: () => stored };
}

describe('saveConsultationSetup', () => {
  const admin = { userId: 'admin-id', name: 'Sekretariatet' };

  it('gives an invited round a token once, keeps it on later saves, drops it when the round becomes public, and never logs it', async () => {
    const w = world();
    const first = await saveConsultationSetup(w.deps, admin, 'p', { rounds: [round('foelge', 'invited', '2026-04-01T00:00:00.000Z'), round('alle', 'public', '2026-05-01T00:00:00.000Z')] }, NOW);
    expect(first.rounds.map((r) => [r.id, r.inviteToken, r.memberCount])).toEqual([
      ['foelge', 'token-nummer-1-0123456789', 3],
      ['alle', undefined, undefined],
    ]);
    expect(w.stored()!.rounds[0]!.inviteTokenHash).toBe(hashJoinToken('token-nummer-1-0123456789'));
    const second = await saveConsultationSetup(w.deps, admin, 'p', { rounds: [{ ...round('foelge', 'invited', '2026-04-01T00:00:00.000Z'), title: { da: 'Følgegruppen' } }], expectedUpdatedAt: first.updatedAt }, NOW);
    expect(second.rounds[0]!.inviteToken).toBe('token-nummer-1-0123456789');
    expect(second.updatedAt > first.updatedAt).toBe(true);
    const third = await saveConsultationSetup(w.deps, admin, 'p', { rounds: [round('foelge', 'public', '2026-04-01T00:00:00.000Z')], expectedUpdatedAt: second.updatedAt }, NOW);
    expect(third.rounds[0]!.inviteToken).toBeUndefined();
    expect(w.stored()!.rounds[0]!.inviteTokenHash).toBeUndefined();
    expect(JSON.stringify(w.audits)).not.toContain('token-nummer');
    expect(w.audits.map((a) => [a.action, a.actorName, a.changes?.map((c) => c.field)])).toEqual([
      ['consultation-setup', 'Sekretariatet', ['rounds']],
      ['consultation-setup', 'Sekretariatet', ['rounds']],
      ['consultation-setup', 'Sekretariatet', ['rounds']],
    ]);
  });

  it('refuses removing a round that has begun, but not one still to come', async () => {
    const w = world();
    const setup = await saveConsultationSetup(w.deps, admin, 'p', { rounds: [round('foelge', 'invited', '2026-02-01T00:00:00.000Z'), round('alle', 'public', '2026-05-01T00:00:00.000Z')] }, NOW);
    await expect(saveConsultationSetup(w.deps, admin, 'p', { rounds: [], expectedUpdatedAt: setup.updatedAt }, NOW)).rejects.toMatchObject({ status: 409, slug: 'round-started' });
    const kept = await saveConsultationSetup(w.deps, admin, 'p', { rounds: [round('foelge', 'invited', '2026-02-01T00:00:00.000Z')], expectedUpdatedAt: setup.updatedAt }, NOW);
    expect(kept.rounds.map((r) => r.id)).toEqual(['foelge']);
  });

  it('refuses a save without the version read, once a setup exists', async () => {
    const w = world();
    await saveConsultationSetup(w.deps, admin, 'p', { rounds: [] }, NOW);
    await expect(saveConsultationSetup(w.deps, admin, 'p', { rounds: [] }, NOW)).rejects.toBeInstanceOf(ConflictError);
    expect(w.audits).toHaveLength(1);
  });
});

describe('join tokens', () => {
  it('are long, random and compared by hash', () => {
    const token = newJoinToken();
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(newJoinToken()).not.toBe(token);
    expect(joinTokenMatches(token, hashJoinToken(token))).toBe(true);
    expect(joinTokenMatches(`${token}x`, hashJoinToken(token))).toBe(false);
    expect(joinTokenMatches(token, undefined)).toBe(false);
  });

  it('make a link to the round page, and the mail says when the round is open', () => {
    const link = joinLink('https://deltag.gentofte.dk', 'ai-i-gentofte', 'foelgegruppe', 'a+b/c');
    expect(link).toBe('https://deltag.gentofte.dk/forloeb/ai-i-gentofte/hoering/runde/foelgegruppe?token=a%2Bb%2Fc');
    const mail = invitationMail({ title: { da: 'AI i Gentofte Kommune' } }, { ...round('foelgegruppe', 'invited', '2026-02-01T23:00:00.000Z'), title: { da: 'Følgegruppen' } }, link);
    expect(mail.subject).toBe('Invitation: Følgegruppen');
    expect(mail.text).toContain('fra 02-02-2026 00:00');
    expect(mail.text).toContain(link);
  });
});
