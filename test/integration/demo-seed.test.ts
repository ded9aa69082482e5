import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { keys } from '#functions/adapters/dynamodb/keys';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { trendWeight } from '#functions/domain/trending';
import { DEMO_DAYS } from '#local/demo-data';
import { DEMO_SURVEY_ANSWERS } from '#local/demo-survey';
import { DEMO_HIDE_REASON, DEMO_NAMING_TEXTS, DEMO_PENDING_TEXTS } from '#local/demo-survey-review';
import { DEMO_PASSWORD } from '#local/seed';
import { startStack } from '#local/stack';
import { signIn } from '#local/users';
import { isConfigAction } from '#shared/rules/audit';
import type { ExportDocument } from '#shared/schemas/export';
import type { IdeaList, IdeaListItem } from '#shared/schemas/idea';
import type { Process } from '#shared/schemas/process';
import { surveyResultsSchema } from '#shared/schemas/survey';
import { TEST_DEMO_PARTICIPANTS, TestStack } from '../helpers/stack';

/**
 * `npm start -- --demo` on a fresh stack (with fewer generated participants, as the browser tests
 * use it): what the seed stores is what the API serves, the counters equal the records, and the
 * demo's accounts are real (they sign in, and mail to them lands in the outbox).
 */
const PROCESS = 'ai-i-gentofte';
let stack: TestStack;
const codes: string[] = [];

beforeAll(async () => {
  stack = new TestStack(await startStack({ ports: 'auto', seed: 'demo', demoParticipants: TEST_DEMO_PARTICIPANTS, webRoot: 'test/fixtures/web', onCode: (email) => codes.push(email) }));
});

afterAll(async () => {
  await stack?.stop();
});

async function allIdeas(query = ''): Promise<IdeaListItem[]> {
  const items: IdeaListItem[] = [];
  let cursor: string | null = null;
  do {
    const page = await stack.api(`/processes/${PROCESS}/ideas?limit=50${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    items.push(...(page.json as IdeaList).items);
    cursor = (page.json as IdeaList).nextCursor;
  } while (cursor);
  return items;
}

describe('the demo seed', () => {
  it('prints no confirmation code for the accounts it creates, and they sign in with the demo password', async () => {
    expect(codes).toEqual([]);
    const token = await signIn(stack.stack.pool, 'jens.demo@example.dk', DEMO_PASSWORD);
    const me = await stack.api('/me', { token });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ displayName: 'Jens P. (demo)', participantType: 'citizen' });
  });

  it('opened the process weeks ago and spread the ideas over them, newest first in the list', async () => {
    const process = (await stack.api(`/processes/${PROCESS}`)).json as Process;
    const opened = Date.parse(process.phases[0]!.startsAt);
    expect(Date.now() - opened).toBeGreaterThanOrEqual((DEMO_DAYS - 1) * 24 * 3600 * 1000);
    const ideas = await allIdeas('&sort=new');
    expect(ideas.length).toBeGreaterThan(50);
    const created = ideas.map((i) => Date.parse(i.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(Math.min(...created)).toBeGreaterThanOrEqual(opened);
    expect(created[0]! - Math.min(...created)).toBeGreaterThan(35 * 24 * 3600 * 1000);
  });

  it('stores one vote record per voter and a trending score that is the sum of the activity weights', async () => {
    const process = (await stack.api(`/processes/${PROCESS}`)).json as Process;
    const start = new Date(process.phases[0]!.startsAt);
    const top = await allIdeas('&sort=top');
    expect(top.map((i) => i.voteCount)).toEqual([...top.map((i) => i.voteCount)].sort((a, b) => b - a));
    expect(top[0]!.voteCount).toBeGreaterThan(3 * top[Math.floor(top.length / 2)]!.voteCount);
    const client = createDocumentClient(stack.info.dynamodbEndpoint);
    for (const idea of top.slice(0, 8)) {
      const { Items = [] } = await client.send(new QueryCommand({ TableName: mainTable.localName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.idea(idea.id).pk } }));
      const item = Items.find((i) => i.sk === 'IDEA')!;
      // An idea's votes live in their own buckets (keys.vote: IDEA#<id>#V<b>), not in its item collection.
      const votes = [];
      for (const pk of keys.votePartitions(idea.id)) {
        votes.push(...((await client.send(new QueryCommand({ TableName: mainTable.localName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }))).Items ?? []));
      }
      // commentCount counts every comment not deleted (hidden and held ones too), as does the trending score.
      const comments = Items.filter((i) => i.type === 'comment' && i.state !== 'deleted');
      expect(votes).toHaveLength(idea.voteCount);
      expect(new Set(votes.map((v) => v.userId)).size).toBe(votes.length);
      expect(votes.every((v) => ['citizen', 'business', 'employee'].includes(v.participantType as string))).toBe(true);
      expect(comments).toHaveLength(idea.commentCount);
      const sum = trendWeight(new Date(idea.createdAt), start) + [...votes, ...comments].reduce((s, r) => s + (r.weight as number), 0);
      expect(item.trendScore as number).toBeCloseTo(sum, 3);
    }
  });

  it('has ideas under review, selected and not selected with official answers, and exactly one answer overdue', async () => {
    const counts = Object.fromEntries(await Promise.all(['under_review', 'selected', 'not_selected'].map(async (s) => [s, (await allIdeas(`&status=${s}`)).length])));
    expect(counts).toEqual({ under_review: 4, selected: 3, not_selected: 2 });
    const selected = await allIdeas('&status=selected');
    for (const idea of selected) expect((await stack.api(`/ideas/${idea.id}`)).json.officialAnswer).toBeTruthy();
    const moderator = await stack.user({ role: 'moderator' });
    const overdue = await stack.api(`/moderation/overdue?processId=${PROCESS}`, { token: moderator.token });
    expect(overdue.json.items.map((i: { title: string }) => i.title)).toEqual(['Ingen afgørelser om borgernes sager må træffes af en maskine']);
  });

  it('has an idea and a comment in the flagged queue, and a merge, a hidden idea and a hidden comment in the audit log by two moderators', async () => {
    const moderator = await stack.user({ role: 'moderator' });
    const queue = await stack.api(`/moderation/queue?processId=${PROCESS}&kind=flagged`, { token: moderator.token });
    expect(queue.json.counts).toEqual({ pending: 0, flagged: 2, responses: 0 });
    expect(queue.json.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['comment', 'idea']);
    // The whole log, page by page: the survey's reviews and the consultation's answers fill more than one page.
    const entries: { action: string; actorName: string; targetKind?: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = await stack.api(`/moderation/log?processId=${PROCESS}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: moderator.token });
      entries.push(...page.json.items);
      cursor = page.json.nextCursor;
    } while (cursor);
    const actions = entries.map((e) => e.action);
    for (const action of ['merge', 'hide', 'comment-hide', 'set-status']) expect(actions).toContain(action);
    const decisions = entries.filter((e) => !isConfigAction(e.action) && !e.action.startsWith('assisted-') && e.targetKind !== 'recommendation'); // Borgerservice's acts: demo-seed-assisted.test.ts; the committee's: demo-seed-follow-up.test.ts
    expect(new Set(decisions.map((e) => e.actorName))).toEqual(new Set(['Karin S. (demo)', 'Ole R. (demo)']));
    // The process itself came in through the setup's import, audited as such on its first day.
    expect(entries.filter((e) => e.action.startsWith('process-'))).toEqual([
      expect.objectContaining({ action: 'process-create', actorName: 'Opsætning', at: (await stack.api(`/processes/${PROCESS}`)).json.createdAt }),
    ]);
  });

  it('gives the committee an export whose support splits by participant type', async () => {
    const committee = await stack.user({ role: 'committee' });
    const exported = (await stack.api(`/processes/${PROCESS}/export?format=json&top=20`, { token: committee.token })).json as ExportDocument;
    expect(exported.rows).toHaveLength(20);
    for (const row of exported.rows) expect(row.votesByType.citizen + row.votesByType.business + row.votesByType.employee).toBe(row.votes);
    expect(Object.values(exported.summary.votesByType).every((n) => n > 0)).toBe(true);
    expect(exported.summary.comments).toBeGreaterThan(20);
  });

  it('fills the survey with the demo answers and publishes its results once the survey phase has ended', async () => {
    const results = surveyResultsSchema.parse((await stack.api(`/processes/${PROCESS}/survey/results`)).json);
    expect(results.answerCount).toBe(DEMO_SURVEY_ANSWERS);
    const process = (await stack.api(`/processes/${PROCESS}`)).json as Process;
    const phase = process.phases.find((p) => p.kind === 'survey')!;
    expect(results.period!.from >= phase.startsAt.slice(0, 10)).toBe(true);
    expect(results.period!.to <= phase.endsAt!.slice(0, 10)).toBe(true);
    const contact = results.questions.find((q) => q.questionId === 'menneskelig-kontakt')!;
    expect(contact.mean).toBeGreaterThan(4);
  });

  it('has the survey’s free texts reviewed by a demo moderator: most approved and public, the two naming a person hidden with a reason, a few waiting', async () => {
    const moderator = await stack.user({ role: 'moderator' });
    const byState = async (state: string) =>
      (await stack.api(`/moderation/surveys/${PROCESS}/texts?state=${state}&limit=100`, { token: moderator.token })).json.items as { id: string; text: string; reason?: string }[];
    const [approved, hidden, waiting] = await Promise.all([byState('approved'), byState('hidden'), byState('unreviewed')]);
    expect(waiting).toHaveLength(DEMO_PENDING_TEXTS);
    expect(hidden.map((t) => t.text).sort()).toEqual(Object.values(DEMO_NAMING_TEXTS).sort());
    for (const t of hidden) expect(t.reason).toBe(DEMO_HIDE_REASON);
    expect(approved.length).toBeGreaterThan(20);
    // The public results carry exactly the approved texts.
    const results = surveyResultsSchema.parse((await stack.api(`/processes/${PROCESS}/survey/results`)).json);
    const published = results.questions.flatMap((q) => q.texts ?? []);
    expect(published.map((t) => t.text).sort()).toEqual(approved.map((t) => t.text).sort());
    // Each decision is in the audit log, signed by the named demo moderator.
    const log = await stack.api(`/moderation/log?processId=${PROCESS}&limit=100&action=survey-text-hide`, { token: moderator.token });
    expect(log.json.items.map((e: { actorName: string; targetId: string }) => [e.actorName, e.targetId]).sort()).toEqual(hidden.map((t) => ['Karin S. (demo)', t.id]).sort());
    const approvals = await stack.api(`/moderation/log?processId=${PROCESS}&limit=100&action=survey-text-approve`, { token: moderator.token });
    expect(approvals.json.items).toHaveLength(approved.length);
  });

  it('mails a demo author when a moderator decides on their idea', async () => {
    const moderator = await stack.user({ role: 'moderator' });
    const idea = (await allIdeas('&sort=new')).find((i) => i.authorName === 'Mette H. (demo)' && i.status === 'published')!;
    const hidden = await stack.api(`/ideas/${idea.id}/moderation`, { method: 'POST', token: moderator.token, body: { action: 'hide', reason: 'Skjult i testen for at se, at forfatteren får besked.' } });
    expect(hidden.status).toBe(200);
    const mails = await Promise.all((await readdir(stack.stack.outboxDir)).map((f) => readFile(join(stack.stack.outboxDir, f), 'utf8')));
    expect(mails.filter((m) => /^To: mette\.demo@example\.dk/m.test(m))).toHaveLength(1);
  });
});
