import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { aiLensStore } from '#functions/adapters/dynamodb/ai-lens';
import { followEventLog } from '#functions/adapters/dynamodb/follow-events';
import { ideaStore } from '#functions/adapters/dynamodb/ideas';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { recommendationStore } from '#functions/adapters/dynamodb/recommendations';
import { setIdeaAiLens } from '#functions/domain/ai-lens';
import type { RecommendationDeps } from '#functions/domain/recommendations/deps';
import { createRecommendation, setRecommendationStatus } from '#functions/domain/recommendations/recommendations';
import { addProgressUpdate, setInitiative, setRecommendationAiLens } from '#functions/domain/recommendations/tracking';
import type { Actor } from '#functions/lib/auth';
import { localDate } from '#functions/lib/copenhagen-time';
import { createLogger } from '#functions/lib/log';
import { aiLensUpdateSchema } from '#shared/schemas/ai-lens';
import { initiativeInputSchema, progressUpdateInputSchema, recommendationInputSchema, recommendationStatusUpdateSchema } from '#shared/schemas/recommendations';
import type { Process } from '#shared/schemas/process';
import { DEMO_IDEA_LENSES, DEMO_RECOMMENDATIONS } from './demo-follow-up-data';
import { namedIdeas, participantIdeas } from './demo-ideas';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Carries out the committee's follow-up in the demo (demo-follow-up-data.ts) through the use cases the
 * API's routes call, each with a clock at its moment in office hours: the moderator sets the lens on a
 * few ideas; the committee member writes the recommendations on the demo's ideas and sets their lens;
 * the political committee's decision is recorded; the adopted one gets its initiative and progress
 * updates. So the records, their audit entries and the ideas' taken-up lists have the real layout,
 * and the follow events (an idea taken up, a recommendation adopted) are in the feed, dated back, for
 * the digest run to mail to the ideas' followers. Runs once: a process with recommendations keeps them.
 */
export async function runDemoFollowUp(client: DynamoDBDocumentClient, table: string, process: Process, now: Date, actorOf: (key: string) => Actor, log: (m: string) => void): Promise<void> {
  const recommendations = recommendationStore(client, table);
  if ((await recommendations.list(process.id)).length > 0) return;
  const ideas = ideaStore(client, table);
  const profiles = profileStore(client, table);
  const newId = (moment: Date) => ulid(moment.getTime());
  const at = (daysAgo: number, hour: number, minute = 0) => {
    const moment = new Date(now.getTime() - daysAgo * DAY);
    moment.setUTCHours(hour, minute, 0, 0);
    return moment;
  };
  const ideaId = await demoIdeaIds(ideas, process.id);
  const committee = actorOf('ulla');
  const moderator = actorOf('karin');

  // 1. The moderator's lens on a few ideas, as she assessed them.
  for (const [i, l] of DEMO_IDEA_LENSES.entries()) {
    const id = ideaId(l.idea);
    const idea = (await ideas.get(id))!;
    const moment = at(l.daysAgo, 9, 10 + i);
    await setIdeaAiLens({ ideas, aiLenses: aiLensStore(client, table), profiles, clock: { now: () => moment }, newId }, moderator, id, aiLensUpdateSchema.parse({ lens: l.lens, expectedUpdatedAt: idea.updatedAt }));
  }

  // 2. The committee's recommendations, each step at its moment (the follow events dated with it).
  const deps = (moment: Date): RecommendationDeps => ({
    recommendations,
    processes: processStore(client, table),
    profiles,
    followEvents: followEventLog(client, table, () => moment),
    clock: { now: () => moment },
    newId,
    log: createLogger({ seed: 'demo' }),
  });
  let progressAdded = 0;
  for (const [i, r] of DEMO_RECOMMENDATIONS.entries()) {
    // One after another in the list (oldest first), also when two were written on the same day.
    const written = at(r.daysAgo, 9 + i);
    let saved = await createRecommendation(deps(written), committee, process.id, recommendationInputSchema.parse({ title: r.title, rationale: r.rationale, effects: r.effects, ideaIds: r.ideas.map(ideaId) }));
    saved = await setRecommendationAiLens(deps(at(r.daysAgo, 9 + i, 20)), committee, process.id, saved.id, aiLensUpdateSchema.parse({ lens: r.lens, expectedUpdatedAt: saved.updatedAt }));
    if (r.decision) {
      const decided = at(r.decision.daysAgo, 13, 30);
      const body = { status: r.decision.status, note: r.decision.note, expectedUpdatedAt: saved.updatedAt };
      saved = await setRecommendationStatus(deps(decided), committee, process.id, saved.id, recommendationStatusUpdateSchema.parse(body));
    }
    if (r.initiative) {
      const set = at(r.initiative.daysAgo, 14);
      const day = (days: number) => localDate(new Date(now.getTime() + days * DAY));
      const input = { owner: r.initiative.owner, startsOn: day(r.initiative.startsInDays), endsOn: day(r.initiative.endsInDays), state: r.initiative.state };
      saved = await setInitiative(deps(set), committee, process.id, saved.id, initiativeInputSchema.parse(input));
    }
    for (const p of r.progress ?? []) {
      const written = at(p.daysAgo, 11);
      await addProgressUpdate(deps(written), committee, process.id, saved.id, progressUpdateInputSchema.parse({ on: localDate(written), text: p.text }));
      progressAdded++;
    }
  }
  log(`seeded the committee's follow-up: ${DEMO_RECOMMENDATIONS.length} recommendations, ${DEMO_RECOMMENDATIONS.filter((r) => r.initiative).length} in the register with ${progressAdded} progress updates, the lens on ${DEMO_IDEA_LENSES.length} ideas`);
}

/** The demo ideas' ids by their plan keys, found by title among the process's public ideas. */
async function demoIdeaIds(ideas: ReturnType<typeof ideaStore>, processId: string): Promise<(key: string) => string> {
  const byTitle = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await ideas.listPublic({ processId, sort: 'new', limit: 100, cursor });
    for (const i of page.items) byTitle.set(i.title, i.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const titles = new Map([...namedIdeas, ...participantIdeas].map((i) => [i.key, i.title]));
  return (key) => {
    const id = byTitle.get(titles.get(key) ?? '');
    if (!id) throw new Error(`the demo's follow-up builds on the idea ${key}, which is not public: run it after the demo plan`);
    return id;
  };
}
