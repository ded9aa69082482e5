import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMBITION, ETHICS, FOLLOW_GROUP, PUBLIC_ROUND, ethicsVersion2, followGroupComments, publicComments } from '#local/demo-consultation-data';
import { DEMO_PUBLIC_RESPONSES } from '#local/demo-consultation';
import { consultationSetupSchema, documentDiffSchema, documentListSchema, documentViewSchema, responseListSchema, type ParagraphFigures } from '#shared/schemas/consultation';
import { auditLogSchema } from '#shared/schemas/moderation';
import type { Process } from '#shared/schemas/process';
import { phaseOpenAt } from '#shared/rules/phases';
import { startStack } from '#local/stack';
import { TEST_DEMO_PARTICIPANTS, TestStack } from '../helpers/stack';

/**
 * `npm start -- --demo`'s consultation (cdk/local/demo-consultation.ts), as the API serves it: the
 * public round open now in the demo's consultation phase, the follow-group's round over, version 2
 * of the ethical guidelines built on three of its comments, the public round's responses and
 * comments, most answered, and counts that equal what was written.
 */
const PROCESS = 'ai-i-gentofte';
let stack: TestStack;
let admin: { token: string };

beforeAll(async () => {
  stack = new TestStack(await startStack({ ports: 'auto', seed: 'demo', demoParticipants: TEST_DEMO_PARTICIPANTS, webRoot: 'test/fixtures/web' }));
  admin = await stack.user({ role: 'admin' });
});
afterAll(async () => {
  await stack?.stop();
});

const json = async (path: string, token?: string) => {
  const r = await stack.api(path, token ? { token } : {});
  expect(r.status, `${path}: ${JSON.stringify(r.json)}`).toBe(200);
  return r.json;
};
const tally = (f: ParagraphFigures | undefined, round: string) => f?.byRound.find((r) => r.roundId === round)?.total ?? { agree: 0, neutral: 0, disagree: 0 };
const sum = (t: { agree: number; neutral: number; disagree: number }) => t.agree + t.neutral + t.disagree;

describe('the demo consultation', () => {
  it('is in its public round now, the follow-group round over, the process still taking ideas', async () => {
    const process = (await json(`/processes/${PROCESS}`)) as Process;
    const now = new Date();
    // The theme day's phase too, moved by the demo (demo-events-dates.ts).
    expect(process.phases.filter((p) => phaseOpenAt(p, now)).map((p) => p.kind).sort()).toEqual(['consultation', 'event', 'ideas']);
    const setup = consultationSetupSchema.parse(await json(`/processes/${PROCESS}/consultation`, admin.token));
    const invited = setup.rounds.find((r) => r.id === FOLLOW_GROUP)!;
    const open = setup.rounds.find((r) => r.id === PUBLIC_ROUND)!;
    expect(Date.parse(invited.endsAt)).toBeLessThan(Date.parse(open.startsAt));
    expect(Date.parse(open.startsAt)).toBeLessThan(now.getTime());
    expect(Date.parse(open.endsAt)).toBeGreaterThan(now.getTime());
    expect(invited.memberCount).toBe(6);
  });

  it('published version 2 of the ethical guidelines, each change naming the follow-group comment behind it', async () => {
    const documents = documentListSchema.parse(await json(`/processes/${PROCESS}/documents`)).items;
    expect(documents.map((d) => [d.id, d.currentVersion])).toEqual([
      [ETHICS, 2],
      [AMBITION, 1],
    ]);
    const diff = documentDiffSchema.parse(await json(`/processes/${PROCESS}/documents/${ETHICS}/diff?from=1&to=2`));
    const changed = diff.entries.filter((e) => e.kind === 'changed');
    expect(changed.map((e) => e.paragraphNo)).toEqual(ethicsVersion2.map((c) => c.paragraphNo));
    for (const entry of changed) {
      const because = followGroupComments.find((c) => c.key === ethicsVersion2.find((v) => v.paragraphNo === entry.paragraphNo)!.because)!;
      expect(entry.because?.map((b) => b.body)).toEqual([because.text]);
    }
    // The whole log, page by page: later demo steps (the committee's follow-up) write after the publications.
    const log = [];
    let cursor: string | null = null;
    do {
      const page = auditLogSchema.parse(await json(`/moderation/log?processId=${PROCESS}&limit=100&action=document-publish${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, admin.token));
      log.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(log.map((e) => e.action)).toEqual(log.map(() => 'document-publish'));
    expect(log.map((e) => e.actorName).sort()).toEqual(['Anders V. (demo)', 'Opsætning', 'Opsætning']);
  });

  it('counts exactly the responses written: the follow-group as employees only, the public round its share, a contested paragraph', async () => {
    let publicTotal = 0;
    let comments = 0;
    let answered = 0;
    for (const id of [ETHICS, AMBITION]) {
      const view = documentViewSchema.parse(await json(`/processes/${PROCESS}/documents/${id}`));
      for (const f of view.figures) {
        publicTotal += sum(tally(f, PUBLIC_ROUND));
        const invited = f.byRound.find((r) => r.roundId === FOLLOW_GROUP);
        for (const type of ['citizen', 'business'] as const) expect(invited?.byType[type] ? sum(invited.byType[type]) : 0).toBe(0);
      }
      comments += view.comments;
      answered += view.answered;
      if (id === ETHICS) {
        const eu = tally(view.figures.find((f) => f.paragraphNo === 11), PUBLIC_ROUND);
        const contact = tally(view.figures.find((f) => f.paragraphNo === 13), PUBLIC_ROUND);
        expect(eu.agree).toBeGreaterThan(0);
        expect(eu.disagree).toBeGreaterThan(0);
        expect(contact.agree).toBeGreaterThan(contact.disagree);
      }
    }
    expect(publicTotal).toBe(DEMO_PUBLIC_RESPONSES);
    expect(comments).toBe(followGroupComments.length + publicComments.length);
    // Every follow-group comment is answered, and most of the public round's: a few are still waiting.
    const answerable = followGroupComments.length + publicComments.filter((c) => c.answer).length;
    expect(answered).toBeLessThanOrEqual(answerable);
    expect(answered).toBeGreaterThanOrEqual(followGroupComments.length + 10);
    expect(answered).toBeLessThan(comments);
  });

  it('shows the comments publicly with the committee\'s answer under them', async () => {
    const list = responseListSchema.parse(await json(`/processes/${PROCESS}/documents/${ETHICS}/responses?paragraph=11&limit=50`));
    const texts = list.items.map((r) => r.comment);
    expect(texts).toEqual(expect.arrayContaining(publicComments.concat(followGroupComments).filter((c) => c.document === ETHICS && c.paragraphNo === 11).map((c) => c.text)));
    const peter = list.items.find((r) => r.roundId === FOLLOW_GROUP)!;
    expect(peter).toMatchObject({ authorName: 'Peter N. (demo)', authorType: 'employee', answer: { status: 'adopted' } });
  });
});
