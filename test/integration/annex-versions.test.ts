import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annexVersionStore, CHUNK_BYTES } from '#functions/adapters/dynamodb/annex-versions';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { routes } from '#shared/api/routes';
import { rolesOf } from '#shared/rules/access';
import { validIdea } from '../fixtures/ideas';
import { pdfText } from '../helpers/pdf-text';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The frozen annex against the local stack (gateway, DynamoDB Local, cognito-local): the committee
 * freezes the annex as a PDF with the journal number, versions are numbered per process and stay
 * downloadable byte for byte (the SHA-256 listed is the SHA-256 of the bytes downloaded), bad input
 * and other roles change nothing, and each freeze leaves an audit entry.
 */

const PROCESS = 'ai-i-gentofte';
const VERSIONS = `/processes/${PROCESS}/annex/versions`;
const JOURNAL = '00.01.00-P20-1-26';
type User = Awaited<ReturnType<TestStack['user']>>;

let stack: TestStack;
let users: Record<'user' | 'moderator' | 'committee' | 'admin', User>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function download(version: number, token = users.committee.token) {
  const response = await fetch(`${stack.info.apiUrl}${VERSIONS}/${version}/pdf`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}
const freeze = (body: unknown, token = users.committee.token) => stack.api(VERSIONS, { method: 'POST', token, body });
const list = async () => {
  const r = await stack.api(VERSIONS, { token: users.committee.token });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json.items as { version: number; sha256: string; journalNumber: string; bytes: number; filename: string; frozenByName: string }[];
};

beforeAll(async () => {
  stack = await testStack();
  const [user, moderator, committee, admin] = await Promise.all([
    stack.user({ name: 'Borger' }),
    stack.user({ role: 'moderator', name: 'Moderator' }),
    stack.user({ role: 'committee', name: 'Udvalgsformand Åse Ærø' }),
    stack.user({ role: 'admin', name: 'Administrator' }),
  ]);
  users = { user, moderator, committee, admin };
  const idea = await stack.api(`/processes/${PROCESS}/ideas`, { method: 'POST', token: user.token, body: validIdea({ title: 'Ældre på øen får hjælp af en robot 🤖' }) });
  expect(idea.status, JSON.stringify(idea.json)).toBe(201);
}, 120_000);
afterAll(() => stack?.stop());

describe('freezing the annex', () => {
  it('numbers versions 1 and 2, lists them newest first, and serves each PDF byte for byte as hashed', async () => {
    const first = await freeze({ journalNumber: JOURNAL, top: 10 });
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(first.json).toMatchObject({ processId: PROCESS, version: 1, journalNumber: JOURNAL, frozenByName: 'Udvalgsformand Åse Ærø', filename: `udvalgsbilag-${PROCESS}-v1.pdf` });
    expect(first.json.sha256).toMatch(/^[0-9a-f]{64}$/);
    const second = await freeze({ journalNumber: `${JOURNAL} B`, top: 20 });
    expect(second.status, JSON.stringify(second.json)).toBe(201);
    expect(second.json.version).toBe(2);

    const items = await list();
    expect(items.map((i) => i.version)).toEqual([2, 1]);
    expect(items[1]).toEqual(first.json);
    for (const item of items) {
      const file = await download(item.version);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('content-disposition')).toContain(`filename="udvalgsbilag-${PROCESS}-v${item.version}.pdf"`);
      expect(Buffer.from(file.bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(file.bytes.byteLength).toBe(item.bytes);
      expect(sha256(file.bytes)).toBe(item.sha256);
      const text = (await pdfText(file.bytes)).flat().join('\n');
      expect(text).toContain(`Journalnr. ${item.journalNumber} · Version ${item.version} · Låst`);
      expect(text).toContain('Ældre på øen får hjælp af en robot ?');
    }
    expect(items[0]!.sha256).not.toBe(items[1]!.sha256);
  });

  it('answers 404 for a version or a process that does not exist', async () => {
    expect((await download(99)).status).toBe(404);
    const r = await stack.api(`/processes/findes-ikke/annex/versions`, { token: users.committee.token });
    expect(r.status).toBe(404);
    const f = await stack.api(`/processes/findes-ikke/annex/versions`, { method: 'POST', token: users.committee.token, body: { journalNumber: JOURNAL } });
    expect(f.status).toBe(404);
  });

  it('refuses a missing or malformed journal number with a Danish field message, storing nothing', async () => {
    const before = (await list()).length;
    for (const body of [{}, { journalNumber: '' }, { journalNumber: '<script>' }, { journalNumber: 'x'.repeat(41) }, { journalNumber: JOURNAL, top: 0 }, { journalNumber: JOURNAL, extra: 1 }]) {
      const r = await freeze(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
    }
    const r = await freeze({ journalNumber: '<script>' });
    expect(r.json.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.journalNumber', message: 'Skriv journalnummeret, fx 00.01.00-P20-1-26' })]));
    expect((await list()).length).toBe(before);
  });

  it('gives two freezes at the same moment distinct numbers (or refuses one), never overwriting', async () => {
    const before = await list();
    const answers = await Promise.all([freeze({ journalNumber: JOURNAL }), freeze({ journalNumber: JOURNAL })]);
    expect(answers.map((a) => a.status).sort()).toSatisfy((s: number[]) => s.join() === '201,201' || s.join() === '201,409');
    const made = answers.filter((a) => a.status === 201).map((a) => a.json.version as number);
    expect(new Set(made).size).toBe(made.length);
    const after = await list();
    expect(after.length).toBe(before.length + made.length);
    // The earlier versions are untouched.
    expect(after.slice(made.length)).toEqual(before);
    for (const item of after) expect(sha256((await download(item.version)).bytes)).toBe(item.sha256);
  });

  it('records each freeze in the audit log with the version, journal number and hash', async () => {
    const r = await stack.api(`/moderation/log?processId=${PROCESS}&action=annex-freeze`, { token: users.admin.token });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const items = await list();
    expect(r.json.items).toHaveLength(items.length);
    const entry = r.json.items.find((e: { targetId: string }) => e.targetId === `${PROCESS}-v1`);
    expect(entry).toMatchObject({ action: 'annex-freeze', targetKind: 'annex', actorId: users.committee.userId, actorName: 'Udvalgsformand Åse Ærø' });
    const v1 = items.find((i) => i.version === 1)!;
    expect(JSON.stringify(entry.after)).toContain(v1.sha256);
    expect(JSON.stringify(entry.after)).toContain(JOURNAL);
  });
});

describe('who may freeze and read the annex (route × role)', () => {
  const callers = ['anonymous', 'user', 'moderator', 'committee', 'admin'] as const;
  const roleOf = { anonymous: undefined, user: undefined, moderator: 'moderator', committee: 'committee', admin: 'admin' } as const;
  const expected = (id: 'freezeAnnex' | 'annexVersions' | 'annexVersionPdf', caller: (typeof callers)[number]) => {
    if (caller === 'anonymous') return 401;
    const role = roleOf[caller];
    return role && rolesOf(routes[id].access).includes(role) ? routes[id].status : 403;
  };

  for (const caller of callers) {
    it(`${caller}: freeze ${expected('freezeAnnex', caller)}, list ${expected('annexVersions', caller)}, PDF ${expected('annexVersionPdf', caller)}`, async () => {
      const token = caller === 'anonymous' ? undefined : users[caller].token;
      const before = await list();
      const f = await stack.api(VERSIONS, { method: 'POST', token, body: { journalNumber: JOURNAL } });
      expect(f.status, JSON.stringify(f.json)).toBe(expected('freezeAnnex', caller));
      expect((await list()).length).toBe(before.length + (f.status === 201 ? 1 : 0));
      const l = await stack.api(VERSIONS, { token });
      expect(l.status).toBe(expected('annexVersions', caller));
      const response = await fetch(`${stack.info.apiUrl}${VERSIONS}/1/pdf`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect(response.status).toBe(expected('annexVersionPdf', caller));
    });
  }
});

describe('the version store', () => {
  it('splits a large PDF into chunks and joins them back in order', async () => {
    const store = annexVersionStore(createDocumentClient(stack.info.dynamodbEndpoint), mainTable.localName);
    const pdf = new Uint8Array(CHUNK_BYTES * 2 + 1234).map((_, i) => (i * 7919) % 251);
    const record = { processId: 'chunk-test', version: 1, frozenAt: new Date().toISOString(), frozenBy: 'u', frozenByName: 'U', journalNumber: JOURNAL, sha256: sha256(pdf), bytes: pdf.byteLength, filename: 'x.pdf', top: 20 };
    const audit = { id: '01JD00000000000000000000AA', processId: 'chunk-test', at: record.frozenAt, actorId: 'u', actorName: 'U', action: 'annex-freeze', targetKind: 'annex' as const, targetId: 'chunk-test-v1' };
    expect(await store.save(record, pdf, audit)).toBe('saved');
    expect(Buffer.from(await store.pdf(record)).equals(Buffer.from(pdf))).toBe(true);
    // The same number again is refused, and the stored file is unchanged.
    expect(await store.save(record, new Uint8Array(10), { ...audit, id: '01JD00000000000000000000AB' })).toBe('taken');
    expect(sha256(await store.pdf(record))).toBe(record.sha256);
    expect(await store.latest('chunk-test')).toBe(1);
    expect(await store.list('chunk-test')).toEqual([record]);
  });
});
