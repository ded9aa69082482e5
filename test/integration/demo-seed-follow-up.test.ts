import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDEA_LENSES, DEMO_RECOMMENDATIONS } from '#local/demo-follow-up-data';
import { namedIdeas, participantIdeas } from '#local/demo-ideas';
import { runDigests } from '#local/digests';
import { startStack } from '#local/stack';
import { initiativeStanding } from '#shared/rules/recommendations';
import { ideaDetailSchema, ideaListSchema } from '#shared/schemas/idea';
import { auditLogSchema, type AuditEntry } from '#shared/schemas/moderation';
import { recommendationListSchema, registerSchema } from '#shared/schemas/recommendations';
import { outbox } from '../helpers/moderation';
import { TEST_DEMO_PARTICIPANTS, TestStack } from '../helpers/stack';

/**
 * `npm start -- --demo`'s follow-up (cdk/local/demo-follow-up*.ts) as the API serves it: the three
 * recommendations the committee member wrote on the demo's ideas, with their weighted effects and
 * lenses; the adopted one in the public register with its owner, timeline and progress; each linked
 * idea saying which recommendation took it up; the moderator's lens on four ideas; and every step in
 * the audit log under the name of whoever took it, dated back to its planned day.
 */
const PROCESS = 'ai-i-gentofte';
const DAY = 86_400_000;
let stack: TestStack;

beforeAll(async () => {
  stack = new TestStack(await startStack({ ports: 'auto', seed: 'demo', demoParticipants: TEST_DEMO_PARTICIPANTS, webRoot: 'test/fixtures/web' }));
  // The whole demo: about three minutes when eight others share the two cores.
}, 400_000);
afterAll(async () => {
  await stack?.stop();
});

const json = async (path: string, token?: string) => {
  const r = await stack.api(path, token ? { token } : {});
  expect(r.status, `${path}: ${JSON.stringify(r.json)}`).toBe(200);
  return r.json;
};
const titleOf = new Map([...namedIdeas, ...participantIdeas].map((i) => [i.key, i.title]));

describe("the demo of the committee's follow-up", () => {
  it('has the three recommendations on the planned ideas, with weighted effects, lens and the political decision', async () => {
    const { items } = recommendationListSchema.parse(await json(`/processes/${PROCESS}/recommendations`));
    expect(items.map((r) => r.title)).toEqual(DEMO_RECOMMENDATIONS.map((r) => r.title));
    const now = Date.now();
    for (const [i, planned] of DEMO_RECOMMENDATIONS.entries()) {
      const r = items[i]!;
      expect(r.effects).toEqual(planned.effects);
      expect(r.ideas.map((idea) => idea.title)).toEqual(planned.ideas.map((key) => titleOf.get(key)));
      // Linked with their votes: the demo's ideas all have some.
      expect(r.ideas.every((idea) => idea.voteCount > 0)).toBe(true);
      expect(r.aiLens).toEqual(planned.lens);
      expect(r.status).toBe(planned.decision?.status ?? 'proposed');
      expect(r.statusNote).toBe(planned.decision?.note);
      // Written on its planned day, not at the moment of seeding.
      expect((now - Date.parse(r.createdAt)) / DAY).toBeGreaterThan(planned.daysAgo - 1);
    }
    // The range of lenses a citizen meets: high-risk with its Annex III area and a DPIA, transparency, minimal for those who struggle with digital tools.
    expect(items.map((r) => [r.aiLens?.aiActCategory, r.aiLens?.highRiskArea, r.aiLens?.dpiaNeeded, r.aiLens?.digitalExclusion])).toEqual([
      ['transparency', undefined, false, false],
      ['high-risk', 'essential-services', true, false],
      ['minimal', undefined, false, true],
    ]);
  });

  it('tracks the adopted recommendation in the public register: Digitalisering og IT, in progress, two progress updates newest first', async () => {
    const register = registerSchema.parse(await json(`/processes/${PROCESS}/register`));
    expect(register.items.map((r) => r.title)).toEqual([DEMO_RECOMMENDATIONS[0]!.title]);
    const tracked = register.items[0]!;
    expect(tracked.initiative).toMatchObject({ owner: 'Digitalisering og IT', state: 'in-progress' });
    expect(initiativeStanding(tracked.initiative!, register.today)).toBe('on-track');
    expect(tracked.initiative!.startsOn < register.today && register.today < tracked.initiative!.endsOn).toBe(true);
    expect(tracked.progress.map((p) => p.text)).toEqual(DEMO_RECOMMENDATIONS[0]!.progress!.map((p) => p.text).reverse());
    expect(tracked.progress.every((p) => p.authorName === 'Ulla T. (demo)' && p.on < register.today)).toBe(true);
  });

  it("shows on each linked idea which recommendation took it up, and the moderator's lens on four ideas", async () => {
    const { items } = recommendationListSchema.parse(await json(`/processes/${PROCESS}/recommendations`));
    for (const r of items) {
      for (const linked of r.ideas) {
        const idea = ideaDetailSchema.parse(await json(`/ideas/${linked.id}`));
        expect(idea.takenUpBy).toContainEqual({ id: r.id, title: r.title, status: r.status });
      }
    }
    const ids = new Map(items.flatMap((r) => r.ideas.map((i) => [i.title, i.id] as const)));
    let cursor: string | null = null;
    do {
      const page = ideaListSchema.parse(await json(`/processes/${PROCESS}/ideas?sort=new&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
      for (const i of page.items) ids.set(i.title, i.id);
      cursor = page.nextCursor;
    } while (cursor);
    for (const planned of DEMO_IDEA_LENSES) {
      const idea = ideaDetailSchema.parse(await json(`/ideas/${ids.get(titleOf.get(planned.idea)!)}`));
      expect(idea.aiLens, planned.idea).toEqual(planned.lens);
    }
  });

  it('logs every step under the name of whoever took it', async () => {
    const admin = await stack.user({ role: 'admin' });
    const entries: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const page = auditLogSchema.parse(await json(`/moderation/log?processId=${PROCESS}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, admin.token));
      entries.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const committee = entries.filter((e) => e.targetKind === 'recommendation');
    const count = (action: string) => committee.filter((e) => e.action === action).length;
    expect([count('recommendation-create'), count('ai-lens'), count('recommendation-status'), count('initiative-set'), count('progress-add')]).toEqual([3, 3, 1, 1, 2]);
    expect(new Set(committee.map((e) => e.actorName))).toEqual(new Set(['Ulla T. (demo)']));
    const ideaLenses = entries.filter((e) => e.action === 'ai-lens' && e.targetKind === 'idea');
    expect(ideaLenses.map((e) => e.actorName)).toEqual(DEMO_IDEA_LENSES.map(() => 'Karin S. (demo)'));
  });

  it("mails the linked ideas' followers, at the first digest run, that a recommendation took their idea up", { timeout: 240_000 }, async () => {
    // The test stack runs no timer: the outbox is empty until this run.
    expect(await outbox(stack)).toEqual([]);
    await runDigests();
    const mails = await outbox(stack);
    // The digests (the staff's queue alerts and reminders go out in the same run).
    const digests = mails.filter((m) => m.text.includes('Her er, hvad der er sket med det, du følger på Deltag.'));
    for (const r of DEMO_RECOMMENDATIONS) expect(digests.some((m) => m.text.includes(`Idéen er taget op i anbefalingen “${r.title}”`)), r.key).toBe(true);
    // Each follower one digest, to a demo address, with the unsubscribe link.
    expect(new Set(digests.map((m) => m.to)).size).toBe(digests.length);
    expect(digests.every((m) => /\.demo@example\.(dk|com)$|@example\.(dk|com)$/.test(m.to) && m.text.includes('/afmeld?token='))).toBe(true);
    // A second run sends nobody a second mail.
    await runDigests();
    expect(await outbox(stack)).toHaveLength(mails.length);
  });
});
