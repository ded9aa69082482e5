import { describe, expect, it } from 'vitest';
import type { DigestStore } from '#functions/domain/follows/digest-ports';
import { sendMailMessage, type SendDeps } from '#functions/domain/follows/digest-send';
import { verifyUnsubscribe } from '#functions/domain/follows/unsubscribe-token';
import type { StoredFollowEvent } from '#functions/domain/ports';
import { fakeDirectory } from '../fakes/directory';
import { fakeNotifier } from '../fakes/notifier';

/** The sending half on in-memory ports: a mail record is claimed first, so a mail goes at most once. */
const KEY = Buffer.alloc(32, 7);
const NOW = new Date('2026-12-02T10:15:00.000Z');
const event: StoredFollowEvent = {
  processId: 'ai-i-gentofte',
  kind: 'status',
  target: 'idea',
  targetId: '01JDIGESTIDEA0000000000001',
  title: 'Chatbot',
  status: 'selected',
  actorId: 'm1',
  id: '01JDIGESTEVT00000000000001',
  at: NOW.toISOString(),
};

function memoryDigests() {
  const inbox = new Map<string, StoredFollowEvent[]>();
  const records = new Map<string, string>();
  const due = new Set<string>();
  const store: Pick<DigestStore, 'inbox' | 'clearInbox' | 'claim' | 'markSent' | 'unclaim'> = {
    inbox: async (u) => [...(inbox.get(u) ?? [])],
    async clearInbox(u, ids) {
      inbox.set(u, (inbox.get(u) ?? []).filter((e) => !ids.includes(e.id)));
      if (!inbox.get(u)!.length) due.delete(u);
    },
    async claim(u, k, p) {
      if (records.has(`${u}/${k}#${p}`)) return false;
      records.set(`${u}/${k}#${p}`, 'claimed');
      return true;
    },
    markSent: async (u, k, p, state) => void records.set(`${u}/${k}#${p}`, state),
    unclaim: async (u, k, p) => void records.delete(`${u}/${k}#${p}`),
  };
  return { store: store as DigestStore, inbox, records, due };
}

function setup() {
  const digests = memoryDigests();
  const directory = fakeDirectory();
  directory.add({ userId: 'u1', username: 'u1', email: 'u1@example.dk', roles: [] });
  const notifier = fakeNotifier();
  const deps: SendDeps = {
    digests: digests.store,
    directory,
    notifier,
    signingKey: { get: async () => KEY },
    siteUrl: async () => 'https://deltag.example.dk',
    processes: { get: async () => undefined },
  };
  digests.inbox.set('u1', [event]);
  return { deps, digests, notifier, directory };
}
const message = { kind: 'digest' as const, userId: 'u1', period: 'W2026-49' };

describe('sending one queued mail', () => {
  it('sends with the RFC 8058 headers and a token for that user, marks the record sent and empties the inbox', async () => {
    const { deps, digests, notifier } = setup();
    expect(await sendMailMessage(deps, message, NOW)).toBe('sent');
    expect(notifier.sent).toHaveLength(1);
    const { headers, to } = notifier.sent[0]!;
    expect(to).toBe('u1@example.dk');
    expect(headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const token = decodeURIComponent(/token=([^>]+)>$/.exec(headers!['List-Unsubscribe']!)![1]!);
    expect(verifyUnsubscribe(KEY, token)).toEqual({ userId: 'u1', scope: 'digest' });
    expect(digests.records.get('u1/digest#W2026-49')).toBe('sent');
    expect(digests.inbox.get('u1')).toEqual([]);
  });

  it('sends nothing for a message delivered twice', async () => {
    const { deps, notifier, digests } = setup();
    await sendMailMessage(deps, message, NOW);
    digests.inbox.set('u1', [event]);
    expect(await sendMailMessage(deps, message, NOW)).toBe('skipped');
    expect(notifier.sent).toHaveLength(1);
  });

  it('frees the claim and keeps the inbox when SES fails, so the retry sends it', async () => {
    const { deps, notifier, digests } = setup();
    notifier.failWith = new Error('SES down');
    await expect(sendMailMessage(deps, message, NOW)).rejects.toThrow('SES down');
    expect(digests.records.size).toBe(0);
    expect(digests.inbox.get('u1')).toHaveLength(1);
    notifier.failWith = undefined;
    expect(await sendMailMessage(deps, message, NOW)).toBe('sent');
    expect(notifier.sent).toHaveLength(1);
  });

  it('never resends a record left claimed by a crash (at most once)', async () => {
    const { deps, notifier, digests } = setup();
    digests.records.set('u1/digest#W2026-49', 'claimed');
    expect(await sendMailMessage(deps, message, NOW)).toBe('skipped');
    expect(notifier.sent).toEqual([]);
  });

  it('drops the mail and the inbox of an account that is gone, and marks it so', async () => {
    const { deps, notifier, digests, directory } = setup();
    directory.users.clear();
    expect(await sendMailMessage(deps, message, NOW)).toBe('dropped');
    expect(notifier.sent).toEqual([]);
    expect(digests.records.get('u1/digest#W2026-49')).toBe('dropped');
    expect(digests.inbox.get('u1')).toEqual([]);
  });

  it('sends nothing when the inbox was emptied meanwhile', async () => {
    const { deps, notifier, digests } = setup();
    digests.inbox.set('u1', []);
    expect(await sendMailMessage(deps, message, NOW)).toBe('empty');
    expect(notifier.sent).toEqual([]);
    expect(digests.records.size).toBe(0);
  });
});
