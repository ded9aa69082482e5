import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import type { StoredFollowEvent } from '#functions/domain/ports';

/** The SQS consumer: each record one mail; only the failed records go back to SQS (batchItemFailures). */
const state = vi.hoisted(() => ({ inbox: new Map<string, unknown[]>(), records: new Set<string>() }));
const notifier = vi.hoisted(() => ({ current: undefined as undefined | ReturnType<typeof import('../fakes/notifier').fakeNotifier> }));

vi.mock('#functions/handlers/digest-wiring', async () => {
  const { fakeDirectory: directory } = await import('../fakes/directory');
  const { fakeNotifier: makeNotifier } = await import('../fakes/notifier');
  const dir = directory();
  for (const id of ['u1', 'u2', 'u3']) dir.add({ userId: id, username: id, email: `${id}@example.dk`, roles: [] });
  notifier.current = makeNotifier();
  const failing = {
    async send(m: { to: string; subject: string; text: string }) {
      if (m.to === 'u2@example.dk') throw new Error('SES: throttled');
      await notifier.current!.send(m);
    },
  };
  return {
    runDeps: {},
    sendDeps: {
      digests: {
        inbox: async (u: string) => state.inbox.get(u) ?? [],
        clearInbox: async (u: string) => void state.inbox.delete(u),
        claim: async (u: string, k: string, p: string) => (state.records.has(`${u}${k}${p}`) ? false : (state.records.add(`${u}${k}${p}`), true)),
        markSent: async () => undefined,
        unclaim: async (u: string, k: string, p: string) => void state.records.delete(`${u}${k}${p}`),
      },
      directory: dir,
      notifier: failing,
      signingKey: { get: async () => Buffer.alloc(32, 1) },
      siteUrl: async () => 'https://deltag.example.dk',
      processes: { get: async () => undefined },
    },
  };
});

const event = (id: string): StoredFollowEvent => ({
  processId: 'p',
  kind: 'status',
  target: 'idea',
  targetId: '01JDIGESTIDEA0000000000001',
  title: 'Idé',
  status: 'selected',
  actorId: 'm',
  id,
  at: '2026-12-02T09:00:00.000Z',
});
const record = (messageId: string, body: string) => ({ messageId, body }) as SQSRecord;

describe('the digest sender handler', () => {
  it('sends the good records and reports the one SES refused and the one that does not parse', async () => {
    for (const u of ['u1', 'u2', 'u3']) state.inbox.set(u, [event(`01E${u}`)]);
    const { handler } = await import('#functions/handlers/digest-sender');
    const digest = (userId: string) => JSON.stringify({ kind: 'digest', userId, period: 'W2026-49' });
    const result = await handler({ Records: [record('m1', digest('u1')), record('m2', digest('u2')), record('m3', '{"kind":"spam"}'), record('m4', digest('u3'))] } as SQSEvent);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm2' }, { itemIdentifier: 'm3' }]);
    expect(notifier.current!.sent.map((m) => m.to)).toEqual(['u1@example.dk', 'u3@example.dk']);
    // The refused one is free to be retried; a second delivery of a sent one is not mailed again.
    expect(state.inbox.get('u2')).toHaveLength(1);
    const again = await handler({ Records: [record('m1', digest('u1'))] } as SQSEvent);
    expect(again.batchItemFailures).toEqual([]);
    expect(notifier.current!.sent).toHaveLength(2);
  });
});
