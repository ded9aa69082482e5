import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigests } from '#local/digests';
import { mailsDuring, type Mail } from '../helpers/moderation';
import { commentMaker, flagBy, ideaMaker, usersInBatches, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Flags cannot freeze an idea (issue 17): when flags hold an idea or a comment, the moderators hear
 * of it at the next digest run (hourly in AWS, every 10 minutes on the local stack), not only when
 * the flagged queue has waited `queueAlertHours`. Through the local stack: the flag routes, the real
 * digest run and the stack's outbox; the moderators' own mail settings decide, as for every staff mail.
 */
let stack: TestStack;
let moderator: User;
let quietModerator: User;

beforeAll(async () => {
  stack = await testStack();
  [moderator, quietModerator] = await Promise.all([stack.user({ role: 'moderator' }), stack.user({ role: 'moderator' })]);
  const off = await stack.api('/me/mail-settings', { method: 'PUT', token: quietModerator.token, body: { alerts: false } });
  expect(off.status, JSON.stringify(off.json)).toBe(200);
}, 120_000);
afterAll(() => stack?.stop());

const toStaff = (mails: Mail[]) => mails.filter((m) => m.to === moderator.email || m.to === quietModerator.email);

describe('a held item alerts the moderators', () => {
  it('mails each moderator with alerts on once, naming the idea and the reasons; a fourth flag sends no second alert', async () => {
    const { id } = await ideaMaker(stack)({ title: 'Idé som tre anmelder' });
    const [a, b, c, d] = await usersInBatches(stack, 4);
    await flagBy(stack, `/ideas/${id}`, [a!, b!], 'personal_data');
    // Not held yet: no alert.
    expect(toStaff(await mailsDuring(stack, () => runDigests()))).toEqual([]);

    await flagBy(stack, `/ideas/${id}`, [c!], 'offensive');
    const alerts = toStaff(await mailsDuring(stack, () => runDigests()));
    expect(alerts.map((m) => m.to)).toEqual([moderator.email]);
    const [alert] = alerts;
    expect(alert!.subject).toBe('Anmeldt og taget ud til moderation: “Idé som tre anmelder”');
    expect(alert!.text).toContain('Indeholder personoplysninger (2)');
    expect(alert!.text).toContain('Krænkende eller stødende (1)');
    expect(alert!.text).toContain(`/arbejdsrum/moderation?forloeb=ai-i-gentofte`);
    expect(alert!.text).toContain('Du kan slå disse mails fra på Min side');

    // Another run, and a fourth flag on the held idea: nothing new.
    expect(toStaff(await mailsDuring(stack, () => runDigests()))).toEqual([]);
    // A held idea takes no more flags (a moderator is on it already, 409 under-review); the attempt mails nobody.
    const fourth = await stack.api(`/ideas/${id}/flags`, { method: 'POST', token: d!.token, body: { reason: 'spam' } });
    expect(fourth.status).toBe(409);
    expect(toStaff(await mailsDuring(stack, () => runDigests()))).toEqual([]);
  });

  it('alerts for a held comment too', async () => {
    const { id: ideaId } = await ideaMaker(stack)({ title: 'Idé med en anmeldt kommentar' });
    const comment = await commentMaker(stack)(ideaId, 'En kommentar som tre anmelder');
    const flaggers = await usersInBatches(stack, 3);
    await flagBy(stack, `/comments/${comment.id}`, flaggers, 'spam');
    const alerts = toStaff(await mailsDuring(stack, () => runDigests()));
    expect(alerts.map((m) => m.to)).toEqual([moderator.email]);
    expect(alerts[0]!.subject).toMatch(/^Anmeldt og taget ud til moderation: en kommentar i “.+”$/);
    expect(alerts[0]!.text).toContain('En kommentar som tre anmelder');
    expect(alerts[0]!.text).toContain('Spam eller reklame (3)');
  });
});

describe('account age before a flag counts', () => {
  it('records flags from accounts younger than FLAG_MIN_ACCOUNT_AGE_HOURS without holding the idea, marked new account in the queue', async () => {
    const { id } = await ideaMaker(stack)({ title: 'Idé som nye konti anmelder' });
    const fresh = await Promise.all([1, 2, 3].map(() => stack.user({ newAccount: true })));
    for (const u of fresh) {
      const r = await stack.api(`/ideas/${id}/flags`, { method: 'POST', token: u.token, body: { reason: 'spam' } });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      expect(r.json).toEqual({ received: true, held: false });
    }
    // Still on the lists; nobody was alerted.
    expect((await stack.api(`/ideas/${id}`)).json).not.toHaveProperty('underReview', true);
    expect(toStaff(await mailsDuring(stack, () => runDigests()))).toEqual([]);

    // Three flags from accounts past the age hold it; the queue shows all four and which came from new accounts.
    await flagBy(stack, `/ideas/${id}`, await usersInBatches(stack, 3), 'offensive');
    expect((await stack.api(`/ideas/${id}`)).json).toMatchObject({ underReview: true });
    const queue = await stack.api('/moderation/queue?processId=ai-i-gentofte&kind=flagged', { token: moderator.token });
    expect(queue.status, JSON.stringify(queue.json)).toBe(200);
    const item = (queue.json.items as { id: string }[]).find((i) => i.id === id);
    expect(item).toMatchObject({ flagCount: 3, newAccountFlags: 3, flagReasons: { spam: 3, offensive: 3 } });
  });
});
