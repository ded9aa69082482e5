import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { keys } from '#functions/adapters/dynamodb/keys';
import { queryAll } from '#functions/adapters/dynamodb/query';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { runRetention } from '#local/retention';
import { documentDiffSchema, draftSchema, versionSchema } from '#shared/schemas/consultation';
import { consultationProcess, heading, paragraph, publishedDocument, references, rounds, saveSetup } from '../helpers/consultation';
import { mailsDuring } from '../helpers/moderation';
import { expectProblem, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The documents side of a consultation against DynamoDB Local and cognito-local through the gateway:
 * the setup with its optimistic concurrency, documents and their drafts under the numbering rules,
 * immutable versions, the diff, and who is a member of an invited round (by link, by e-mail). Every
 * refused write answers a problem body and leaves what was stored as it was.
 */

const PID = 'hoering';
const S = `/processes/${PID}/consultation`;
const D = `/processes/${PID}/documents`;
let stack: TestStack;
let admin: User;
let citizen: User;
let invitee: User;

beforeAll(async () => {
  stack = await testStack();
  const made = await Promise.all([stack.user({ role: 'admin', name: 'Sekretariatet' }), stack.user({ name: 'Borger' }), stack.user({ name: 'Medarbejder', type: 'employee' })]);
  [admin, citizen, invitee] = [made[0], made[1], made[2]];
  await consultationProcess(stack, admin.token, PID);
}, 90_000);
afterAll(() => stack?.stop());

const log = async (action: string) => (await stack.api(`/moderation/log?processId=${PID}&limit=100&action=${action}`, { token: admin.token })).json.items;

describe('the setup', () => {
  it('is saved with a join token for the invited round only, and logged without it', async () => {
    expectProblem(await stack.api(S, { token: admin.token }), 404);
    const setup = await saveSetup(stack, admin.token, PID);
    expect(setup.references).toEqual(references);
    const [invited, open] = setup.rounds;
    expect(invited).toMatchObject({ id: 'foelgegruppe', memberCount: 0, inviteToken: expect.stringMatching(/^[\w-]{43}$/) });
    expect(open.inviteToken).toBeUndefined();
    expect((await stack.api(S, { token: admin.token })).json).toEqual(setup);
    const [entry] = await log('consultation-setup');
    expect(entry.changes.map((c: { field: string }) => c.field)).toEqual(['references', 'rounds']);
    expect(JSON.stringify(entry)).not.toContain(invited.inviteToken);
  });

  it('refuses a stale save, twin ids, and removing a started round or changing its kind, changing nothing', async () => {
    const stored = (await stack.api(S, { token: admin.token })).json;
    const put = (body: unknown) => stack.api(S, { method: 'PUT', token: admin.token, body });
    const stale = await put({ references, rounds, expectedUpdatedAt: '2020-01-01T00:00:00.000Z' });
    expectProblem(stale, 409, 'consultation-changed');
    expect(stale.json.detail).toContain('ændret');
    expectProblem(await put({ references, rounds }), 409, 'consultation-changed');
    const twins = await put({ references, rounds: [rounds[0], { ...rounds[1], id: 'foelgegruppe' }], expectedUpdatedAt: stored.updatedAt });
    expectProblem(twins, 400, 'validation');
    expect(twins.json.errors).toEqual([{ path: 'body.rounds.1.id', message: 'En anden runde har samme id.' }]);
    expectProblem(await put({ references, rounds: [rounds[1]], expectedUpdatedAt: stored.updatedAt }), 409, 'round-started');
    const turned = await put({ references, rounds: [{ ...rounds[0], kind: 'public' }, rounds[1]], expectedUpdatedAt: stored.updatedAt });
    expectProblem(turned, 409, 'round-started');
    expect(turned.json.errors).toEqual([{ path: 'body.rounds.0.kind', message: 'En begyndt rundes type kan ikke ændres.' }]);
    expectProblem(await put({ references, rounds: [{ ...rounds[0], endsAt: rounds[0]!.startsAt }], expectedUpdatedAt: stored.updatedAt }), 400);
    expect((await stack.api(S, { token: admin.token })).json).toEqual(stored);
    // A save from the version read keeps the token.
    const again = await saveSetup(stack, admin.token, PID, stored.updatedAt);
    expect(again.rounds[0].inviteToken).toBe(stored.rounds[0].inviteToken);
    expect(again.updatedAt > stored.updatedAt).toBe(true);
  });
});

describe('documents, drafts and versions', () => {
  let draft: { updatedAt: string };

  it('creates a document with its draft, once per id', async () => {
    const created = await stack.api(D, { method: 'POST', token: admin.token, body: { id: 'etik', title: { da: 'Etiske retningslinjer' } } });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(draftSchema.parse(created.json)).toMatchObject({ documentId: 'etik', basedOnVersion: 0, blocks: [heading('Etiske retningslinjer')] });
    draft = created.json;
    const twin = await stack.api(D, { method: 'POST', token: admin.token, body: { id: 'etik', title: { da: 'Noget andet' } } });
    expectProblem(twin, 409, 'document-exists');
    expect(twin.json.errors[0].path).toBe('body.id');
    const list = (await stack.api(`${S}/documents`, { token: admin.token })).json.items;
    expect(list).toEqual([{ id: 'etik', title: { da: 'Etiske retningslinjer' }, currentVersion: 0, comments: 0, answered: 0 }]);
    expect((await stack.api(`${D}/etik/draft`, { token: admin.token })).json).toEqual(draft);
  });

  it('saves a draft under the numbering rules and refuses twin numbers and unknown citations at the field', async () => {
    const put = (blocks: unknown[], expectedUpdatedAt = draft.updatedAt) => stack.api(`${D}/etik/draft`, { method: 'PUT', token: admin.token, body: { title: { da: 'Etiske retningslinjer' }, blocks, expectedUpdatedAt } });
    const bad = await put([heading('Formål'), paragraph(1, 'a'), paragraph(1, 'b', ['hemmelig'])]);
    expectProblem(bad, 400, 'validation');
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(['body.blocks.2.no', 'body.blocks.2.cites.0']);
    expectProblem(await put([paragraph(1, 'a')], '2020-01-01T00:00:00.000Z'), 409, 'draft-changed');
    expect((await stack.api(`${D}/etik/draft`, { token: admin.token })).json).toEqual(draft);
    const saved = await put([heading('Formål'), paragraph(1, 'AI må aldrig træffe afgørelser alene.', ['ansvar']), paragraph(2, 'Data deles ikke.'), paragraph(4, 'Udvalget følger op.')]);
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    draft = saved.json;
  });

  it('publishes version 1, immutable, and the draft builds on it', async () => {
    const bad = await stack.api(`${D}/etik/versions`, { method: 'POST', token: admin.token, body: { note: { da: 'x' }, changes: [{ paragraphNo: 9, responseIds: ['01JD0000000000000000000001'] }], expectedUpdatedAt: draft.updatedAt } });
    expectProblem(bad, 400, 'validation');
    expect(bad.json.errors[0].path).toBe('body.changes.0.paragraphNo');
    const v1 = await stack.api(`${D}/etik/versions`, { method: 'POST', token: admin.token, body: { note: { da: 'Første udkast.' }, expectedUpdatedAt: draft.updatedAt } });
    expect(v1.status, JSON.stringify(v1.json)).toBe(201);
    expect(versionSchema.parse(v1.json)).toMatchObject({ version: 1, changes: [], note: { da: 'Første udkast.' } });
    expectProblem(await stack.api(`${D}/etik/versions`, { method: 'POST', token: admin.token, body: { note: { da: 'Igen' }, expectedUpdatedAt: draft.updatedAt } }), 409, 'draft-changed');
    draft = (await stack.api(`${D}/etik/draft`, { token: admin.token })).json;
    expect(draft).toMatchObject({ basedOnVersion: 1 });
    expectProblem(await stack.api(`${D}/etik/versions`, { method: 'POST', token: admin.token, body: { note: { da: 'Uændret' }, expectedUpdatedAt: draft.updatedAt } }), 409, 'draft-unchanged');
    const list = (await stack.api(`${S}/documents`, { token: admin.token })).json.items;
    expect(list[0]).toMatchObject({ currentVersion: 1, publishedAt: v1.json.publishedAt });
  });

  it('numbers a new paragraph above every published number and publishes version 2', async () => {
    const put = (blocks: unknown[]) => stack.api(`${D}/etik/draft`, { method: 'PUT', token: admin.token, body: { title: { da: 'Etiske retningslinjer' }, blocks, expectedUpdatedAt: draft.updatedAt } });
    const reused = await put([paragraph(1, 'a'), paragraph(3, 'Nyt afsnit')]);
    expectProblem(reused, 400);
    expect(reused.json.errors).toEqual([{ path: 'body.blocks.1.no', message: expect.stringContaining('§ 5') }]);
    const saved = await put([heading('Formål'), paragraph(1, 'AI må aldrig træffe en afgørelse alene.', ['ansvar']), paragraph(4, 'Udvalget følger op.'), paragraph(5, 'Borgerne kan klage.')]);
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    const publish = (changes: unknown[]) => stack.api(`${D}/etik/versions`, { method: 'POST', token: admin.token, body: { note: { da: 'Efter følgegruppen.' }, changes, expectedUpdatedAt: saved.json.updatedAt } });
    const id = '01JD0000000000000000000001';
    const unchanged = await publish([{ paragraphNo: 4, responseIds: [id] }]);
    expectProblem(unchanged, 400);
    expect(unchanged.json.errors[0]).toEqual({ path: 'body.changes.0.paragraphNo', message: '§ 4 er ikke ændret i den nye version.' });
    // With the responses side wired, a comment that does not exist is refused too (its reasons are tested below).
    expect(unchanged.json.errors[1]).toEqual({ path: 'body.changes.0.responseIds.0', message: 'Kommentaren findes ikke på dette dokument.' });
    const v2 = await publish([]);
    expect(v2.status, JSON.stringify(v2.json)).toBe(201);
    expect(v2.json).toMatchObject({ version: 2, changes: [] });
    const log1 = await log('document-publish');
    expect(log1.map((e: { targetId: string; changes: unknown }) => [e.targetId, e.changes])).toEqual([
      ['etik', [{ field: 'version', before: 1, after: 2 }]],
      ['etik', [{ field: 'version', after: 1 }]],
    ]);
  });

  it('shows the diff between two versions to anyone, and refuses a wrong pair', async () => {
    const diff = await stack.api(`${D}/etik/diff?from=1&to=2`);
    expect(diff.status, JSON.stringify(diff.json)).toBe(200);
    expect(documentDiffSchema.parse(diff.json).entries.map((e) => [e.kind, e.paragraphNo])).toEqual([
      ['heading', undefined],
      ['changed', 1],
      ['removed', 2],
      ['unchanged', 4],
      ['added', 5],
    ]);
    expect(diff.json.entries[1].because).toBeUndefined();
    expect(diff.json.entries[1].pieces).toContainEqual({ op: 'added', text: 'en afgørelse ' });
    expectProblem(await stack.api(`${D}/etik/diff?from=2&to=1`), 400);
    expectProblem(await stack.api(`${D}/etik/diff?from=1&to=3`), 404);
    expectProblem(await stack.api(`${D}/ukendt/diff?from=1&to=2`), 404);
  });

  it('needs a paragraph to publish', async () => {
    await stack.api(D, { method: 'POST', token: admin.token, body: { id: 'tom', title: { da: 'Tom' } } });
    const d = (await stack.api(`${D}/tom/draft`, { token: admin.token })).json;
    expectProblem(await stack.api(`${D}/tom/versions`, { method: 'POST', token: admin.token, body: { note: { da: 'x' }, expectedUpdatedAt: d.updatedAt } }), 409, 'draft-empty');
    const v = await publishedDocument(stack, admin.token, PID, 'ambition');
    expect(v.version).toBe(1);
  });
});

describe('rounds', () => {
  const join = (user: User, roundId: string, token: string) => stack.api(`${S}/rounds/${roundId}/join`, { method: 'POST', token: user.token, body: { token } });
  const mine = async (user: User) => (await stack.api(`${S}/me`, { token: user.token })).json.rounds;

  it('lets a person join the invited round by its link, and only with the right token', async () => {
    const token = (await stack.api(S, { token: admin.token })).json.rounds[0].inviteToken;
    expect(await mine(citizen)).toEqual([
      { roundId: 'foelgegruppe', member: false, verdict: 'not-member' },
      { roundId: 'offentlig', member: false, verdict: 'open' },
    ]);
    const wrong = await join(citizen, 'foelgegruppe', `${token.slice(0, -2)}xx`);
    expectProblem(wrong, 403);
    expect(wrong.json.detail).toContain('Linket');
    expectProblem(await join(citizen, 'ukendt', token), 404);
    expectProblem(await join(citizen, 'offentlig', token), 409, 'round-public');
    expect((await mine(citizen))[0].member).toBe(false);
    const joined = await join(citizen, 'foelgegruppe', token);
    expect(joined.status, JSON.stringify(joined.json)).toBe(200);
    expect(joined.json.rounds[0]).toEqual({ roundId: 'foelgegruppe', member: true, verdict: 'open' });
    expect((await stack.api(S, { token: admin.token })).json.rounds[0].memberCount).toBe(1);
    // The link is shared by the secretariat, never shown on a public page.
    for (const path of [D, `${D}/etik`]) {
      const page = await stack.api(path);
      expect(page.status, JSON.stringify(page.json)).toBe(200);
      expect(JSON.stringify(page.json)).not.toContain(token);
      expect(JSON.stringify(page.json)).not.toContain('inviteTokenHash');
    }
  });

  it('invites by e-mail: the mail carries the link, and the person signed in with that address is a member', async () => {
    const address = invitee.email.toUpperCase();
    let receipt: any;
    const mails = await mailsDuring(stack, async () => {
      receipt = await stack.api(`${S}/rounds/foelgegruppe/invitations`, { method: 'POST', token: admin.token, body: { emails: [address, invitee.email, 'ny@example.dk'] } });
    });
    expect(receipt.status, JSON.stringify(receipt.json)).toBe(200);
    expect(receipt.json).toEqual({ invited: 2, alreadyMembers: 0 });
    expect(mails.map((m) => m.to).sort()).toEqual([invitee.email, 'ny@example.dk'].sort());
    const token = (await stack.api(S, { token: admin.token })).json.rounds[0].inviteToken;
    expect(mails[0]!.subject).toBe('Invitation: Følgegruppen');
    expect(mails[0]!.text).toContain(`/forloeb/${PID}/hoering/runde/foelgegruppe?token=${token}`);
    expect(await mine(invitee)).toContainEqual({ roundId: 'foelgegruppe', member: true, verdict: 'open' });
    // Used invitations are not sent again.
    const again = await mailsDuring(stack, async () => {
      receipt = await stack.api(`${S}/rounds/foelgegruppe/invitations`, { method: 'POST', token: admin.token, body: { emails: [invitee.email] } });
    });
    expect(receipt.json).toEqual({ invited: 0, alreadyMembers: 1 });
    expect(again).toEqual([]);
    const [entry] = await log('round-invite');
    expect(entry.changes).toEqual([{ field: 'rounds.foelgegruppe.invitations', after: 2 }]);
    expect(JSON.stringify(entry)).not.toContain('@');
  });

  it('refuses invitations to a public or unknown round and bad addresses, changing nothing', async () => {
    const invite = (roundId: string, emails: unknown) => stack.api(`${S}/rounds/${roundId}/invitations`, { method: 'POST', token: admin.token, body: { emails } });
    expectProblem(await invite('offentlig', ['a@example.dk']), 409, 'round-public');
    expectProblem(await invite('ukendt', ['a@example.dk']), 404);
    const bad = await invite('foelgegruppe', ['ikke en adresse']);
    expectProblem(bad, 400, 'validation');
    expect(bad.json.errors[0].path).toBe('body.emails.0');
    expect(await log('round-invite')).toHaveLength(1);
  });
});

describe('the comments behind a change', () => {
  it('names only comments on this document, and the diff shows their text', async () => {
    const response = await stack.api(`${D}/etik/responses`, { method: 'POST', token: citizen.token, body: { roundId: 'offentlig', paragraphNo: 4, position: 'disagree', comment: 'Hvem i udvalget følger op?' } });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    const elsewhere = await stack.api(`${D}/ambition/responses`, { method: 'POST', token: citizen.token, body: { roundId: 'offentlig', paragraphNo: 1, position: 'agree', comment: 'Godt.' } });
    expect(elsewhere.status, JSON.stringify(elsewhere.json)).toBe(201);
    expect((await stack.api(`${S}/documents`, { token: admin.token })).json.items.find((d: { id: string }) => d.id === 'etik')).toMatchObject({ comments: 1, answered: 0 });

    const d = (await stack.api(`${D}/etik/draft`, { token: admin.token })).json;
    const saved = await stack.api(`${D}/etik/draft`, { method: 'PUT', token: admin.token, body: { title: d.title, blocks: [...d.blocks.slice(0, 2), paragraph(4, 'Formanden for udvalget følger op hvert halve år.'), ...d.blocks.slice(3)], expectedUpdatedAt: d.updatedAt } });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    const publish = (responseIds: string[]) => stack.api(`${D}/etik/versions`, { method: 'POST', token: admin.token, body: { note: { da: 'Efter høringen.' }, changes: [{ paragraphNo: 4, responseIds }], expectedUpdatedAt: saved.json.updatedAt } });
    const wrong = await publish(['01JD0000000000000000000002', elsewhere.json.id]);
    expectProblem(wrong, 400, 'validation');
    expect(wrong.json.errors.map((e: { path: string }) => e.path)).toEqual(['body.changes.0.responseIds.0', 'body.changes.0.responseIds.1']);
    expect((await stack.api(`${S}/documents`, { token: admin.token })).json.items.find((x: { id: string }) => x.id === 'etik').currentVersion).toBe(2);
    const v3 = await publish([response.json.id]);
    expect(v3.status, JSON.stringify(v3.json)).toBe(201);
    const diff = (await stack.api(`${D}/etik/diff?from=2&to=3`)).json;
    expect(diff.entries.find((e: { paragraphNo?: number }) => e.paragraphNo === 4)).toMatchObject({
      kind: 'changed',
      because: [{ id: response.json.id, body: 'Hvem i udvalget følger op?', authorName: 'Borger' }],
    });
  });
});

describe('bad input', () => {
  it('answers a problem body at the field, never a 5xx, and changes nothing', async () => {
    const before = (await stack.api(`${S}/documents`, { token: admin.token })).json;
    const setup = (await stack.api(S, { token: admin.token })).json;
    const calls: [string, string, unknown, string?][] = [
      ['POST', D, { id: 'Ikke en slug!', title: { da: 'x' } }, 'body.id'],
      ['POST', D, { id: 'ny', title: { da: 'x' }, ekstra: true }],
      ['PUT', `${D}/etik/draft`, { title: { da: 'x' }, blocks: [] }, 'body.blocks'],
      ['PUT', `${D}/etik/draft`, { title: { da: 'x' }, blocks: [{ kind: 'paragraph', no: 0, text: { da: 'x' } }] }, 'body.blocks.0.no'],
      ['PUT', `${D}/etik/draft`, { title: { da: 'x' }, blocks: [{ kind: 'billede', text: { da: 'x' } }] }],
      ['POST', `${D}/etik/versions`, { note: { da: 'x' } }, 'body.expectedUpdatedAt'],
      ['POST', `${D}/etik/versions`, { note: { da: 'x' }, changes: [{ paragraphNo: 1, responseIds: ['ikke-et-id'] }], expectedUpdatedAt: setup.updatedAt }, 'body.changes.0.responseIds.0'],
      ['POST', `${S}/rounds/foelgegruppe/join`, { token: 'kort' }, 'body.token'],
      ['POST', `${S}/rounds/foelgegruppe/invitations`, { emails: [] }, 'body.emails'],
      ['POST', `${S}/rounds/foelgegruppe/invitations`, { emails: Array.from({ length: 501 }, (_, i) => `p${i}@example.dk`) }, 'body.emails'],
      ['PUT', S, { rounds: [{ ...rounds[0], kind: 'lukket' }], expectedUpdatedAt: setup.updatedAt }, 'body.rounds.0.kind'],
      ['GET', `${D}/etik/diff?from=en&to=2`, undefined, 'query.from'],
      ['GET', `${D}/etik/diff?to=2`, undefined, 'query.from'],
      ['GET', `${D}/etik/diff?from=1&to=2&x=1`, undefined],
    ];
    for (const [method, path, body, field] of calls) {
      const r = await stack.api(path, { method, token: admin.token, body });
      expectProblem(r, 400);
      if (field) expect(r.json.errors.map((e: { path: string }) => e.path), `${method} ${path}`).toContain(field);
    }
    const broken = await stack.api(D, { method: 'POST', token: admin.token, rawBody: '{"id": "ny",', headers: { 'content-type': 'application/json' } });
    expectProblem(broken, 400);
    expect((await stack.api(`${S}/documents`, { token: admin.token })).json).toEqual(before);
    expect((await stack.api(S, { token: admin.token })).json).toEqual(setup);
  });
});

describe('the phase action', () => {
  it('keeps the rounds in their dates: a round not begun is not open', async () => {
    const stored = (await stack.api(S, { token: admin.token })).json;
    const later = rounds.map((r) => (r.id === 'offentlig' ? { ...r, startsAt: new Date(Date.now() + 86_400_000).toISOString() } : r));
    const r = await stack.api(S, { method: 'PUT', token: admin.token, body: { references, rounds: later, expectedUpdatedAt: stored.updatedAt } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect((await stack.api(`${S}/me`, { token: citizen.token })).json.rounds[1]).toEqual({ roundId: 'offentlig', member: false, verdict: 'not-open' });
  });
});

describe('personal data', () => {
  const partition = (pk: string) => queryAll(createDocumentClient(stack.info.dynamodbEndpoint), { TableName: mainTable.localName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true });
  const members = async () => (await stack.api(S, { token: admin.token })).json.rounds[0].memberCount;

  it('deleting an account deletes its round memberships', async () => {
    const leaver = await stack.user({ name: 'Går igen' });
    const token = (await stack.api(S, { token: admin.token })).json.rounds[0].inviteToken;
    const before = await members();
    expect((await stack.api(`${S}/rounds/foelgegruppe/join`, { method: 'POST', token: leaver.token, body: { token } })).status).toBe(200);
    expect(await members()).toBe(before + 1);
    expect((await stack.api('/me', { method: 'DELETE', token: leaver.token })).status).toBe(204);
    expect(await members()).toBe(before);
    expect(JSON.stringify(await partition(keys.roundMembers(PID)))).not.toContain(leaver.userId);
  });

  it('the retention job deletes the members and the invited addresses of the rounds', async () => {
    expect(await partition(keys.roundMembers(PID))).toHaveLength(2);
    expect(await partition(keys.roundInvitations(PID))).toHaveLength(2);
    const past = new Date(Date.now() - 60_000).toISOString();
    await createDocumentClient(stack.info.dynamodbEndpoint).send(
      new UpdateCommand({ TableName: mainTable.localName, Key: keys.process(PID), UpdateExpression: 'SET settings.personalDataUntil = :past', ExpressionAttributeValues: { ':past': past } }),
    );
    const run = await runRetention();
    expect(run.erased.find((r) => r.processId === PID)).toMatchObject({ roundPeople: 4 });
    expect(await partition(keys.roundMembers(PID))).toEqual([]);
    expect(await partition(keys.roundInvitations(PID))).toEqual([]);
    // Past its date the process takes no new members.
    const token = (await stack.api(S, { token: admin.token })).json.rounds[0].inviteToken;
    expectProblem(await stack.api(`${S}/rounds/foelgegruppe/join`, { method: 'POST', token: citizen.token, body: { token } }), 409, 'process-closed');
  });
});
