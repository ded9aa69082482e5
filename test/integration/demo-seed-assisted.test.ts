import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ASSISTED_COMMENT, DEMO_ASSISTED_PEOPLE, DEMO_ASSISTED_VOTES } from '#local/demo-assisted-data';
import { DEMO_PASSWORD } from '#local/seed';
import { startStack } from '#local/stack';
import { signIn } from '#local/users';
import { assistedPersonListSchema, assistedPersonSchema } from '#shared/schemas/assisted';
import { commentListSchema } from '#shared/schemas/comment';
import { exportDocumentSchema } from '#shared/schemas/export';
import { ideaDetailSchema } from '#shared/schemas/idea';
import { auditLogSchema, type AuditEntry } from '#shared/schemas/moderation';
import { TEST_DEMO_PARTICIPANTS, TestStack } from '../helpers/stack';

/**
 * `npm start -- --demo`'s Borgerservice (cdk/local/demo-assisted*.ts) as the API serves it: the demo's
 * assistant signs in with the demo password and finds the four citizens registered with their
 * consent; each one's idea is public with its channel; their votes and Poul's comment are theirs;
 * every act is in the audit log under the assistant's name with its channel; and the committee's
 * export counts the ideas and comments per channel.
 */
const PROCESS = 'ai-i-gentofte';
const DAY = 86_400_000;
let stack: TestStack;
let assistant: string;

beforeAll(async () => {
  stack = new TestStack(await startStack({ ports: 'auto', seed: 'demo', demoParticipants: TEST_DEMO_PARTICIPANTS, webRoot: 'test/fixtures/web' }));
  assistant = await signIn(stack.stack.pool, 'borgerservice.demo@example.dk', DEMO_PASSWORD);
});
afterAll(async () => {
  await stack?.stop();
});

const json = async (path: string, token?: string) => {
  const r = await stack.api(path, token ? { token } : {});
  expect(r.status, `${path}: ${JSON.stringify(r.json)}`).toBe(200);
  return r.json;
};
const personNamed = async (name: string) => {
  const { items } = assistedPersonListSchema.parse(await json(`/processes/${PROCESS}/assisted/persons?q=${encodeURIComponent(name)}`, assistant));
  expect(items.map((p) => p.name)).toEqual([name]);
  return assistedPersonSchema.parse(await json(`/processes/${PROCESS}/assisted/persons/${items[0]!.id}`, assistant));
};

describe('the demo of assisted participation', () => {
  it('has the four citizens registered with their consent by the demo assistant, each with the idea they brought, through their channel', async () => {
    const now = Date.now();
    for (const planned of DEMO_ASSISTED_PEOPLE) {
      const person = await personNamed(planned.person.name);
      expect(person.consent).toMatchObject({ assistantName: 'Bodil K. (demo)', channel: planned.person.channel });
      // Registered on the planned day (before today), not at the moment of seeding.
      expect((now - Date.parse(person.consent.at)) / DAY).toBeGreaterThan(planned.daysAgo - 1);
      expect(person.claimed).toBe(false);
      expect(person.ideas.map((i) => [i.title, i.channel])).toEqual([[planned.idea.title, planned.person.channel]]);
      // Contact details only where the citizen gave them.
      expect(person.phone !== undefined).toBe(planned.person.phone !== undefined);
      expect(person.email !== undefined).toBe(planned.person.email !== undefined);

      // The public idea carries the citizen's name and the channel it came through (the page shows "Indsendt via Borgerservice" and the like).
      const idea = ideaDetailSchema.parse(await json(`/ideas/${person.ideas[0]!.id}`));
      expect(idea).toMatchObject({ status: 'published', channel: planned.person.channel, authorName: planned.person.name });
      expect(idea.plainSummary).toBe(planned.idea.plainSummary);
    }
  });

  it('cast the votes the citizens asked for under their own identities, and Poul\'s comment is on the most supported idea', async () => {
    const people = await Promise.all(DEMO_ASSISTED_PEOPLE.map(async (p) => [p.key, await personNamed(p.person.name)] as const));
    const byKey = new Map(people);
    for (const [key, person] of people) {
      expect(person.votedIdeaIds, key).toHaveLength(DEMO_ASSISTED_VOTES.filter((v) => v.by === key).length);
    }
    // Aage and Ruth voted for each other's paper ideas.
    expect(byKey.get('aage')!.votedIdeaIds).toEqual([byKey.get('ruth')!.ideas[0]!.id]);
    expect(byKey.get('ruth')!.votedIdeaIds).toEqual([byKey.get('aage')!.ideas[0]!.id]);
    const poul = byKey.get('poul')!;
    expect(poul.comments).toBe(1);
    const top = poul.votedIdeaIds.find((id) => id !== byKey.get('else')!.ideas[0]!.id)!;
    const comments = commentListSchema.parse(await json(`/ideas/${top}/comments?limit=50`)).items;
    const his = comments.find((c) => c.body === DEMO_ASSISTED_COMMENT.body);
    expect(his).toMatchObject({ authorName: 'Poul E. (demo)', channel: 'assisted-phone' });
  });

  it('logs every act under the assistant\'s name with its channel', async () => {
    const admin = await stack.user({ role: 'admin' });
    const entries: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const page = auditLogSchema.parse(await json(`/moderation/log?processId=${PROCESS}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, admin.token));
      entries.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const assisted = entries.filter((e) => e.action.startsWith('assisted-'));
    const count = (action: string) => assisted.filter((e) => e.action === action).length;
    expect([count('assisted-person-create'), count('assisted-idea'), count('assisted-vote'), count('assisted-comment')]).toEqual([
      DEMO_ASSISTED_PEOPLE.length,
      DEMO_ASSISTED_PEOPLE.length,
      DEMO_ASSISTED_VOTES.length,
      1,
    ]);
    expect(new Set(assisted.map((e) => e.actorName))).toEqual(new Set(['Bodil K. (demo)']));
    expect(assisted.every((e) => e.targetKind === 'assisted-person' && e.channel !== undefined && e.channel !== 'web')).toBe(true);
  });

  it('gives the committee an export that counts ideas and comments per channel', async () => {
    const committee = await stack.user({ role: 'committee' });
    const exported = exportDocumentSchema.parse(await json(`/processes/${PROCESS}/export?format=json&top=20`, committee.token));
    const { ideas, comments } = exported.summary.channels;
    // Printed for the issue's note: the shares the demo produces.
    console.info(`demo channel shares: ${JSON.stringify(exported.summary.channels)}`);
    expect({ inPerson: ideas['assisted-in-person'], phone: ideas['assisted-phone'], paper: ideas.paper }).toEqual({ inPerson: 1, phone: 1, paper: 2 });
    expect(comments['assisted-phone']).toBe(1);
    // The theme day's hackathon ideas came in through the event; everything else on the web.
    expect(ideas.event).toBeGreaterThan(0);
    expect(ideas.web).toBeGreaterThan(40);
    expect(comments.web).toBeGreaterThan(50);
  });
});
