import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { assistedStore } from '#functions/adapters/dynamodb/assisted';
import { commentStore } from '#functions/adapters/dynamodb/comments';
import { eventStore } from '#functions/adapters/dynamodb/events';
import { ideaStore } from '#functions/adapters/dynamodb/ideas';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { surveyStore } from '#functions/adapters/dynamodb/surveys';
import { userDataStore } from '#functions/adapters/dynamodb/user-data';
import { voteStore } from '#functions/adapters/dynamodb/votes';
import { siteUrl } from '#functions/adapters/ssm/site-url';
import { assistedComment, assistedIdea, assistedVote } from '#functions/domain/assisted/acting';
import { newClaimCode } from '#functions/domain/assisted/claim-codes';
import { createAssistedPerson, lookupAssistedPersons } from '#functions/domain/assisted/persons';
import type { Actor } from '#functions/lib/auth';
import type { AssistedChannel } from '#shared/rules/assisted';
import { assistedCommentSchema, assistedIdeaSchema, assistedPersonCreateSchema } from '#shared/schemas/assisted';
import type { Process } from '#shared/schemas/process';
import { DEMO_ASSISTED_COMMENT, DEMO_ASSISTED_PEOPLE, DEMO_ASSISTED_VOTES } from './demo-assisted-data';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Carries out what Borgerservice did in the demo (demo-assisted-data.ts) through the assisted use
 * cases the API's routes call, each with a clock at its moment: the assistant registers each citizen
 * with their consent, types in their idea (a receipt with a claim code is issued, as at the desk),
 * then casts the votes they asked for and writes Poul's comment. So the ideas carry their channel
 * (the public "Indsendt via Borgerservice"), the audit log names the assistant, and the export and
 * the annex count ideas, comments and votes per channel. The survey phase closed before these days,
 * so no survey answer is typed for them. Runs once: a process with the first citizen keeps what it has.
 */
export async function runDemoAssisted(client: DynamoDBDocumentClient, table: string, process: Process, now: Date, assistant: Actor, log: (m: string) => void): Promise<void> {
  const ideas = ideaStore(client, table);
  const base = {
    persons: assistedStore(client, table),
    // An idea may name the event it came up at (none of the demo's do).
    events: eventStore(client, table),
    processes: processStore(client, table),
    ideas,
    votes: voteStore(client, table),
    comments: commentStore(client, table),
    profiles: profileStore(client, table),
    userData: userDataStore(client, table),
    surveys: surveyStore(client, table),
    newId: (moment: Date) => ulid(moment.getTime()),
    randomId: () => crypto.randomUUID(),
    newClaimCode,
    siteUrl,
  };
  const first = DEMO_ASSISTED_PEOPLE[0]!;
  if ((await lookupAssistedPersons(base, process.id, first.person.name)).items.length > 0) return;

  // The most supported idea still open for votes (one the committee has decided on takes none).
  const top = (await ideas.listPublic({ processId: process.id, sort: 'top', status: 'published', limit: 1 })).items[0];
  if (!top) throw new Error('the assisted demo votes for the most supported open idea: run it after the demo plan');
  const at = (daysAgo: number, hour: number, minute: number) => {
    const moment = new Date(now.getTime() - daysAgo * DAY);
    moment.setUTCHours(hour, minute, 0, 0);
    return { clock: { now: () => moment } };
  };

  // 1. Each citizen with their consent, then their idea, a few minutes later.
  const people = new Map<string, { personId: string; ideaId: string; daysAgo: number; hour: number; channel: AssistedChannel }>();
  for (const p of DEMO_ASSISTED_PEOPLE) {
    const person = await createAssistedPerson({ ...base, ...at(p.daysAgo, p.hour, 5) }, assistant, process.id, assistedPersonCreateSchema.parse(p.person));
    const { idea } = await assistedIdea({ ...base, ...at(p.daysAgo, p.hour, 14) }, assistant, process.id, person.id, assistedIdeaSchema.parse({ ...p.idea, channel: p.person.channel }));
    people.set(p.key, { personId: person.id, ideaId: idea.id, daysAgo: p.daysAgo, hour: p.hour, channel: p.person.channel });
  }

  // 2. The votes they asked for, on the same visit or call.
  for (const [i, v] of DEMO_ASSISTED_VOTES.entries()) {
    const by = people.get(v.by)!;
    const ideaId = v.idea === 'top' ? top.id : people.get(v.idea)!.ideaId;
    await assistedVote({ ...base, ...at(by.daysAgo, by.hour, 20 + i) }, assistant, process.id, by.personId, ideaId, by.channel);
  }

  // 3. Poul's comment, on the phone.
  const poul = people.get(DEMO_ASSISTED_COMMENT.by)!;
  await assistedComment(
    { ...base, ...at(poul.daysAgo, poul.hour, 30) },
    assistant,
    process.id,
    poul.personId,
    assistedCommentSchema.parse({ ideaId: top.id, body: DEMO_ASSISTED_COMMENT.body, stance: DEMO_ASSISTED_COMMENT.stance, channel: poul.channel }),
  );
  log(`seeded assisted participation: ${people.size} citizens registered at Borgerservice with their ideas, ${DEMO_ASSISTED_VOTES.length} votes and 1 comment`);
}
