import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../helpers/participation';
import { addPreModeratedProcess, decideOk, ideaPoster, mailsDuring, PRE, type Mail } from '../helpers/moderation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Mail to authors about decisions on their ideas: on the local stack each mail is an .eml file in the
 * outbox folder. Decisions that change what the author sees write exactly one mail to the author, in
 * Danish, with the moderator's reason or the committee's answer; other actions write none.
 */

const MAIN = 'ai-i-gentofte';

let stack: TestStack;
let moderator: User;
let voter: User;
let postMain: ReturnType<typeof ideaPoster>;
let postPre: ReturnType<typeof ideaPoster>;

beforeAll(async () => {
  stack = await testStack();
  await addPreModeratedProcess(stack);
  [moderator, voter] = await Promise.all([stack.user({ role: 'moderator', name: 'Mona Moderator' }), stack.user({ name: 'Vælger' })]);
  postMain = ideaPoster(stack, MAIN);
  postPre = ideaPoster(stack, PRE);
}, 90_000);
afterAll(() => stack?.stop());

/**
 * Exactly one mail, to the author, in Danish, about this idea, linking to it while it is public and
 * to "Min side" when it is not (a rejected or hidden idea is a 404 on its public page). The link is
 * absolute, on the stack's web address: a mail program has no page to resolve `/forloeb/…` against.
 */
function theOneMail(mails: Mail[], author: User, ideaId: string, link: 'idea' | 'my-page' = 'idea') {
  expect(mails.map((m) => `${m.to}: ${m.subject}`)).toHaveLength(1);
  const mail = mails[0]!;
  expect(mail.to).toBe(author.email);
  expect(mail.text).toContain('Kære Idéforfatter');
  expect(stack.info.webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  // The idea's page in its own process (either of the two this file posts in).
  const url = link === 'idea' ? `${stack.info.webUrl}/forloeb/${[MAIN, PRE].find((p) => mail.text.includes(`/forloeb/${p}/ideer/${ideaId}`))}/ideer/${ideaId}` : `${stack.info.webUrl}/min-side`;
  expect(mail.text.replace(/\r\n/g, '\n')).toContain(`Se din idé: ${url}\n`);
  if (link === 'my-page') expect(mail.text).not.toContain(`/ideer/${ideaId}`);
  expect(mail.text).toContain('Gentofte Kommune');
  return mail;
}

describe('mails to the author', () => {
  it('publish (pre-moderation): "offentliggjort"', async () => {
    const { id, author } = await postPre({ title: 'Idé om AI i borgerservice' });
    const mails = await mailsDuring(stack, () => decideOk(stack, moderator.token, id, { action: 'publish' }));
    const mail = theOneMail(mails, author, id);
    expect(mail.subject).toBe('Din idé er offentliggjort: Idé om AI i borgerservice');
    expect(mail.text).toContain('Din idé "Idé om AI i borgerservice" er nu offentliggjort');
  });

  it('reject: "afvist", with the reason', async () => {
    const { id, author } = await postPre({ title: 'Idé der afvises' });
    const mails = await mailsDuring(stack, () => decideOk(stack, moderator.token, id, { action: 'reject', reason: 'Idéen handler ikke om kunstig intelligens.' }));
    const mail = theOneMail(mails, author, id, 'my-page');
    expect(mail.subject).toMatch(/afvist/);
    expect(mail.text).toContain('Begrundelse: Idéen handler ikke om kunstig intelligens.');
  });

  it('hide: "skjult", with the reason', async () => {
    const { id, author } = await postMain({ title: 'Idé der skjules' });
    const mails = await mailsDuring(stack, () => decideOk(stack, moderator.token, id, { action: 'hide', reason: 'Teksten nævner en navngiven medarbejder.' }));
    const mail = theOneMail(mails, author, id, 'my-page');
    expect(mail.subject).toMatch(/skjult/);
    expect(mail.text).toContain('Begrundelse: Teksten nævner en navngiven medarbejder.');
  });

  it('set-status with an official answer: the new status in Danish and the answer', async () => {
    const { id, author } = await postMain({ title: 'Idé som udvalget vælger' });
    const answer = 'Udvalget vil afprøve idéen i hjemmeplejen i 2027.\nVi vender tilbage med resultaterne.';
    const mails = await mailsDuring(stack, () => decideOk(stack, moderator.token, id, { action: 'set-status', status: 'selected', officialAnswer: answer }));
    const mail = theOneMail(mails, author, id);
    expect(mail.subject).toBe('Ny status for din idé: Udvalgt');
    expect(mail.text).toContain('har nu status udvalgt.');
    expect(mail.text.replace(/\r\n/g, '\n')).toContain(answer);
    expect(mail.text).not.toContain('selected');
  });

  it('merge: tells the author where the discussion goes on, with the reason', async () => {
    const a = await postMain({ title: 'Dublet om chatbot' });
    const b = await postMain({ title: 'Original om chatbot' });
    const mails = await mailsDuring(stack, () => decideOk(stack, moderator.token, a.id, { action: 'merge', targetId: b.id, reason: 'Samme forslag som en tidligere idé.' }));
    const mail = theOneMail(mails, a.author, a.id);
    expect(mail.subject).toMatch(/lagt sammen/);
    expect(mail.text).toContain('Begrundelse: Samme forslag som en tidligere idé.');
  });

  it('keeps Danish letters intact in subject and body (UTF-8 encoded words, base64 body)', async () => {
    const { id } = await postMain({ title: 'Æblegrød, øl og årstider: AI på plejehjem' });
    const [mail] = await mailsDuring(stack, () => decideOk(stack, moderator.token, id, { action: 'hide', reason: 'Særlige følsomme oplysninger (æøå ÆØÅ).' }));
    expect(mail!.subject).toBe('Din idé er skjult: Æblegrød, øl og årstider: AI på plejehjem');
    expect(mail!.text).toContain('Særlige følsomme oplysninger (æøå ÆØÅ).');
  });
});

describe('no mail', () => {
  it('for restore', async () => {
    const { id } = await postMain();
    await decideOk(stack, moderator.token, id, { action: 'hide', reason: 'Midlertidigt skjult' });
    expect(await mailsDuring(stack, () => decideOk(stack, moderator.token, id, { action: 'restore', reason: 'Skjult ved en fejl' }))).toEqual([]);
  });

  it('for what citizens do (a vote, a comment)', async () => {
    const { id } = await postMain();
    const mails = await mailsDuring(stack, async () => {
      expect((await stack.api(`/ideas/${id}/vote`, { method: 'PUT', token: voter.token })).status).toBe(200);
      expect((await stack.api(`/ideas/${id}/comments`, { method: 'POST', token: voter.token, body: { body: 'God idé!' } })).status).toBe(201);
    });
    expect(mails).toEqual([]);
  });

  it('for a refused decision', async () => {
    const { id } = await postMain();
    expect(
      await mailsDuring(stack, async () => {
        expect((await stack.api(`/ideas/${id}/moderation`, { method: 'POST', token: moderator.token, body: { action: 'publish' } })).status).toBe(409);
      }),
    ).toEqual([]);
  });
});
