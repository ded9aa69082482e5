import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userDirectory } from '#functions/adapters/cognito/user-directory';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { digestStore } from '#functions/adapters/dynamodb/digests';
import { followEventLog } from '#functions/adapters/dynamodb/follow-events';
import { moderationStore } from '#functions/adapters/dynamodb/moderation';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { signingKey } from '#functions/adapters/dynamodb/signing-key';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { notifier } from '#functions/adapters/ses/notifier';
import { runMail, type RunDeps } from '#functions/domain/follows/digest-run';
import type { SendDeps } from '#functions/domain/follows/digest-send';
import { verifyUnsubscribe } from '#functions/domain/follows/unsubscribe-token';
import type { FollowEvent, Notifier } from '#functions/domain/ports';
import type { MailSettings } from '#shared/schemas/follows';
import { localDate } from '#functions/lib/copenhagen-time';
import { addPreModeratedProcess, decideOk, ideaPoster, parseEml, PRE, type Mail } from '../helpers/moderation';
import { PROCESS, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The digest run (issue 16) against DynamoDB Local and cognito-local: the real stores, directory,
 * signing key and .eml outbox; the followers and mail settings are set by the test (their own
 * adapters are tested with the follow routes). The clock is the test's: each run is "now" as given.
 */
let stack: TestStack;
let deps: RunDeps;
let sender: SendDeps;
let outboxDir: string;
let failOnCall: number | undefined;
let calls = 0;
const followersOf = new Map<string, string[]>();
const settingsOf = new Map<string, MailSettings>();
let clock = new Date('2027-03-03T09:00:00.000Z'); // a Wednesday
let record: (e: FollowEvent) => Promise<void>;
let people: User[];
const ID = (n: number) => `01JDIGESTIDEA${String(n).padStart(13, '0')}`;

beforeAll(async () => {
  stack = await testStack();
  await addPreModeratedProcess(stack);
  const client = createDocumentClient(stack.info.dynamodbEndpoint);
  const table = mainTable.localName;
  outboxDir = await mkdtemp(join(tmpdir(), 'deltag-digests-'));
  const outbox = notifier(outboxDir);
  // Records every call; throws on the call numbered `failOnCall`, as SES would on an outage mid-run.
  const failing: Notifier = {
    async send(message) {
      calls++;
      if (calls === failOnCall) throw new Error('SES: service unavailable');
      await outbox.send(message);
    },
  };
  const digests = digestStore(client, table);
  const directory = userDirectory(stack.info.userPoolId, stack.info.cognitoEndpoint);
  const processes = processStore(client, table);
  deps = {
    processes,
    moderation: moderationStore(client, table),
    events: followEventLog(client, table),
    followers: { of: async (target, id) => followersOf.get(`${target}#${id}`) ?? [] },
    settings: { get: async (userId) => settingsOf.get(userId) ?? { digest: 'weekly', alerts: true } },
    directory,
    digests,
  };
  sender = { digests, directory, notifier: failing, signingKey: signingKey(client, table), siteUrl: async () => stack.info.webUrl, processes };
  const log = followEventLog(client, table, () => clock);
  record = (e) => log.record(e);
  people = await Promise.all(Array.from({ length: 4 }, (_, i) => stack.user({ name: `Følger ${i + 1}` })));
}, 120_000);
afterAll(() => stack?.stop());

async function mails(): Promise<(Mail & { raw: string })[]> {
  const files = (await readdir(outboxDir)).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(
    files.map(async (f) => {
      const raw = await readFile(join(outboxDir, f), 'utf8');
      const mail = parseEml(f, raw);
      // The .eml has CRLF line ends, as RFC 5322 wants.
      return { ...mail, text: mail.text.replace(/\r\n/g, '\n'), raw };
    }),
  );
}
async function newMails(act: () => Promise<unknown>) {
  const before = new Set((await mails()).map((m) => m.file));
  await act();
  return (await mails()).filter((m) => !before.has(m.file));
}
/** A run five minutes after the clock (events settle for a minute before they are fanned out). */
const run = () => runMail(deps, { sender }, new Date(clock.getTime() + 5 * 60_000));
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
const DAY = 86_400_000;
const status = (n: number, value: string, actorId = 'moderator-x'): FollowEvent => ({
  processId: PROCESS,
  kind: 'status',
  target: 'idea',
  targetId: ID(n),
  title: `Idé nummer ${n}`,
  status: value,
  actorId,
});

describe('digests', () => {
  it('tells each follower of a status change once, not the one who made it, and a second run sends nothing', async () => {
    const [a, b, c] = people as [User, User, User];
    followersOf.set(`idea#${ID(1)}`, [a.userId, b.userId, c.userId]);
    await record(status(1, 'under_review', c.userId));

    const first = await newMails(run);
    expect(first.map((m) => m.to).sort()).toEqual([a.email, b.email].sort());
    for (const mail of first) {
      expect(mail.subject).toBe('Nyt om “Idé nummer 1”');
      expect(mail.text).toContain('Status er ændret til: under behandling.');
      expect(mail.text).toContain(`${stack.info.webUrl}/forloeb/${PROCESS}/ideer/${ID(1)}`);
    }
    expect(await newMails(run)).toEqual([]);
    expect(await newMails(run)).toEqual([]);
  });

  it('carries RFC 8058 headers and an unsubscribe link whose token names that user and no other', async () => {
    const [a] = people as [User];
    const sent = (await mails()).filter((m) => m.to === a.email);
    expect(sent).toHaveLength(1);
    const raw = sent[0]!.raw;
    const apiLink = /^List-Unsubscribe: <([^>]+)>\r$/m.exec(raw)?.[1];
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect(apiLink).toMatch(new RegExp(`^${stack.info.webUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/api/unsubscribe\\?token=`));
    const pageLink = /Afmeld her: (\S+)/.exec(sent[0]!.text)?.[1];
    const key = await sender.signingKey.get();
    const tokenOf = (link: string) => decodeURIComponent(new URL(link).searchParams.get('token')!);
    expect(verifyUnsubscribe(key, tokenOf(pageLink!))).toEqual({ userId: a.userId, scope: 'digest' });
    expect(tokenOf(apiLink!)).toBe(tokenOf(pageLink!));
    // Another user's id in the same token breaks the signature.
    const [, scope, mac] = tokenOf(pageLink!).split('.');
    expect(verifyUnsubscribe(key, `${Buffer.from(people[1]!.userId).toString('base64url')}.${scope}.${mac}`)).toBeUndefined();
  });

  it('after a run that fails halfway (SES down on the 2nd mail), the next run gives every follower exactly one mail', async () => {
    advance(7 * DAY); // a new week: every weekly follower may have a digest again
    followersOf.set(`idea#${ID(2)}`, people.map((p) => p.userId));
    await record(status(2, 'selected'));

    calls = 0;
    failOnCall = 2;
    const firstRun = await run();
    failOnCall = undefined;
    expect(firstRun.sent!.map((s) => s.outcome).sort()).toEqual(['failed', 'sent', 'sent', 'sent']);
    const failedUser = firstRun.sent!.find((s) => s.outcome === 'failed')!.message.userId;

    await run();
    await run();
    const week = (await mails()).filter((m) => m.subject === 'Nyt om “Idé nummer 2”');
    expect(week.map((m) => m.to).sort()).toEqual(people.map((p) => p.email).sort());
    expect(week.filter((m) => m.to === people.find((p) => p.userId === failedUser)!.email)).toHaveLength(1);
  });

  it('daily, weekly and never: at most one digest a day or a week, none at all for never', async () => {
    const [daily, weekly, never] = people as [User, User, User];
    settingsOf.set(daily.userId, { digest: 'daily', alerts: true });
    settingsOf.set(weekly.userId, { digest: 'weekly', alerts: true });
    settingsOf.set(never.userId, { digest: 'never', alerts: true });
    followersOf.set(`idea#${ID(3)}`, [daily.userId, weekly.userId, never.userId]);
    const to = async () => (await newMails(run)).map((m) => m.to).sort();

    // Still the week of the last digest: the weekly follower waits, the daily one does not.
    advance(DAY);
    await record(status(3, 'under_review'));
    expect(await to()).toEqual([daily.email]);
    // Same day again: nothing.
    advance(60 * 60_000);
    await record(status(3, 'selected'));
    expect(await to()).toEqual([]);
    // The next day the daily follower gets the day's news.
    advance(DAY);
    expect(await to()).toEqual([daily.email]);
    // The next week the weekly follower gets everything that waited, in one mail.
    advance(6 * DAY);
    const next = await newMails(run);
    expect(next.map((m) => m.to)).toEqual([weekly.email]);
    expect(next[0]!.text).toMatch(/under behandling[\s\S]*udvalgt/);
    // The one who chose never got nothing and has nothing waiting.
    expect((await mails()).filter((m) => m.to === never.email && m.subject.includes('Idé nummer 3'))).toEqual([]);
    expect(await deps.digests.inbox(never.userId)).toEqual([]);
  });

  it('a reply reaches the comment author only', async () => {
    const [a, b] = people as [User, User];
    settingsOf.set(a.userId, { digest: 'daily', alerts: true });
    followersOf.set(`idea#${ID(4)}`, [a.userId, b.userId]);
    advance(DAY);
    await record({ processId: PROCESS, kind: 'reply', target: 'idea', targetId: ID(4), title: 'Idé nummer 4', text: 'Enig!', toUserId: a.userId, actorId: b.userId });
    const sent = await newMails(run);
    expect(sent.map((m) => m.to)).toEqual([a.email]);
    expect(sent[0]!.text).toContain('Nogen har svaret på din kommentar:\n  > Enig!');
  });
});

describe('staff alerts', () => {
  const HOUR = 3_600_000;
  let moderator: User;
  let quietModerator: User;
  let committee: User;
  const at = (ms: number) => runMail(deps, { sender }, new Date(Date.now() + ms));
  const mailsTo = async (user: User, act: () => Promise<unknown>) => (await newMails(act)).filter((m) => m.to === user.email);

  beforeAll(async () => {
    [moderator, quietModerator, committee] = await Promise.all([stack.user({ role: 'moderator' }), stack.user({ role: 'moderator' }), stack.user({ role: 'committee' })]);
    settingsOf.set(quietModerator.userId, { digest: 'weekly', alerts: false });
  }, 60_000);

  it('alerts the moderators with alerts on once a day when the pending queue has waited longer than the set hours', async () => {
    const post = ideaPoster(stack, PRE);
    const { status } = await post({ title: 'Venter på en moderator' });
    expect(status).toBe('pending');

    expect(await mailsTo(moderator, () => at(47 * HOUR))).toEqual([]);
    const alerts = await mailsTo(moderator, () => at(49 * HOUR));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.subject).toBe('Moderation venter: Formodereret forløb');
    expect(alerts[0]!.text).toContain('har moderationskøen ventet i mere end 48 timer');
    expect(alerts[0]!.text).toContain('- 1 bidrag venter på godkendelse');
    expect(alerts[0]!.text).toContain(`/arbejdsrum/moderation?forloeb=${PRE}`);
    expect(alerts[0]!.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    const token = decodeURIComponent(/afmeld\?token=(\S+)/.exec(alerts[0]!.text)![1]!);
    expect(verifyUnsubscribe(await sender.signingKey.get(), token)).toEqual({ userId: moderator.userId, scope: 'alerts' });
    // Later the same day: not again. The moderator who turned alerts off got none.
    expect(await mailsTo(moderator, () => at(49 * HOUR + 60_000))).toEqual([]);
    expect((await mails()).filter((m) => m.to === quietModerator.email)).toEqual([]);
  });

  it('reminds the committee once of an answer deadline within the set days, not of one further off or answered', async () => {
    const post = ideaPoster(stack, PROCESS);
    const soon = await post({ title: 'Svar snart, tak' });
    const later = await post({ title: 'Svar om en måned' });
    const answered = await post({ title: 'Allerede besvaret' });
    const inDays = (d: number) => localDate(new Date(Date.now() + d * 86_400_000));
    await decideOk(stack, moderator.token, soon.id, { action: 'set-status', status: 'under_review', answerDeadline: inDays(3) });
    await decideOk(stack, moderator.token, later.id, { action: 'set-status', status: 'under_review', answerDeadline: inDays(30) });
    await decideOk(stack, moderator.token, answered.id, { action: 'set-status', status: 'under_review', answerDeadline: inDays(2), officialAnswer: 'Vi har svaret.' });

    const reminders = await mailsTo(committee, () => at(0));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toBe('Svarfrist nærmer sig: 1 idé i AI i Gentofte Kommune');
    expect(reminders[0]!.text).toContain(`- “Svar snart, tak” – svarfrist ${inDays(3).split('-').reverse().join('-')}`);
    expect(reminders[0]!.text).toContain(`/forloeb/${PROCESS}/ideer/${soon.id}`);
    expect(reminders[0]!.text).not.toMatch(/Svar om en måned|Allerede besvaret/);
    // The next runs remind no more (the idea and its deadline are marked).
    expect(await mailsTo(committee, () => at(HOUR))).toEqual([]);
    expect(await mailsTo(committee, () => at(2 * HOUR))).toEqual([]);
  });
});
