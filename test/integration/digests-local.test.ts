import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigests } from '#local/digests';
import { decideOk, mailsDuring, outbox } from '../helpers/moderation';
import { ideaMaker, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The digest run as the local stack runs it (`npm run digests`, the 10-minute timer): the real
 * handler with every real adapter, the follows kept by the follow routes, the events recorded by the
 * moderation and comment use cases, and the mails in the stack's outbox.
 */
let stack: TestStack;
let moderator: User;
let author: User;
let voter: User;
let follower: User;
let bystander: User;
let ideaId: string;
let otherId: string;

beforeAll(async () => {
  stack = await testStack();
  [moderator, voter, follower, bystander] = await Promise.all([stack.user({ role: 'moderator' }), stack.user(), stack.user(), stack.user()]);
  const make = ideaMaker(stack);
  ({ id: ideaId, author } = await make({ title: 'Digitale mødereferater med AI' }));
  ({ id: otherId } = await make({ title: 'AI til referater af alle møder' }));
  expect((await stack.api(`/ideas/${ideaId}/vote`, { method: 'PUT', token: voter.token })).status).toBe(200);
  expect((await stack.api(`/ideas/${ideaId}/follow`, { method: 'PUT', token: follower.token })).status).toBe(200);
}, 120_000);
afterAll(() => stack?.stop());

describe('npm run digests', () => {
  it("tells the author, the voter and the one who followed about the moderator's status and answer, once each", async () => {
    await decideOk(stack, moderator.token, ideaId, { action: 'set-status', status: 'under_review', officialAnswer: 'Vi tager den op på mødet i januar.' });
    const mails = await mailsDuring(stack, () => runDigests());
    expect(mails.map((m) => m.to).sort()).toEqual([author.email, voter.email, follower.email].sort());
    for (const mail of mails) {
      expect(mail.subject).toBe('Nyt om “Digitale mødereferater med AI”');
      expect(mail.text).toContain('Status er ændret til: under behandling.');
      expect(mail.text).toContain('Vi tager den op på mødet i januar.');
      expect(mail.text).toContain(`${stack.info.webUrl}/forloeb/ai-i-gentofte/ideer/${ideaId}`);
    }
    expect(await mailsDuring(stack, () => runDigests())).toEqual([]);
  });

  it("the mail's one-click unsubscribe POST works without signing in and only for that person", async () => {
    const mail = (await outbox(stack)).find((m) => m.to === follower.email)!;
    const raw = await import('node:fs/promises').then((fs) => fs.readFile(`${stack.stack.outboxDir}/${mail.file}`, 'utf8'));
    const target = /^List-Unsubscribe: <([^>]+)>\r$/m.exec(raw)![1]!;
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect((await stack.api('/me/mail-settings', { token: follower.token })).json.digest).toBe('never');
    expect((await stack.api('/me/mail-settings', { token: voter.token })).json.digest).toBe('weekly');
  });

  it('after a merge, a daily follower of the merged idea learns where the vote went; the unsubscribed one hears nothing', async () => {
    expect((await stack.api('/me/mail-settings', { method: 'PUT', token: voter.token, body: { digest: 'daily' } })).status).toBe(200);
    await stack.api(`/ideas/${ideaId}/follow`, { method: 'PUT', token: bystander.token });
    await decideOk(stack, moderator.token, ideaId, { action: 'merge', reason: 'Samme idé', targetId: otherId });
    // The voter had this week's weekly digest; as a daily reader today's period is new. The author
    // (weekly, mailed this week) waits; the follower unsubscribed; the moderator made the change.
    const mails = await mailsDuring(stack, () => runDigests());
    const to = mails.map((m) => m.to).sort();
    expect(to).toEqual([voter.email, bystander.email].sort());
    const voterMail = mails.find((m) => m.to === voter.email)!;
    expect(voterMail.text).toContain('Idéen er lagt sammen med “AI til referater af alle møder” — din stemme tæller nu dér.');
    expect(voterMail.text).toContain(`kan du trække den tilbage her: ${stack.info.webUrl}/forloeb/ai-i-gentofte/ideer/${otherId}`);
  });
});
