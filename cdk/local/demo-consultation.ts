import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { consultationReads, documentStore } from '#functions/adapters/dynamodb/consultation-documents';
import { responseStore } from '#functions/adapters/dynamodb/consultation-responses';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { answerResponse } from '#functions/domain/consultation/answers';
import { getDraft, saveDraft } from '#functions/domain/consultation/drafts';
import { joinRound } from '#functions/domain/consultation/rounds';
import { createResponse } from '#functions/domain/consultation/responses';
import { getConsultationSetup } from '#functions/domain/consultation/setup';
import { publishVersion } from '#functions/domain/consultation/versions';
import type { Actor } from '#functions/lib/auth';
import { HttpError } from '#functions/lib/errors';
import type { Position } from '#shared/rules/consultation';
import type { ParticipantType } from '#shared/rules/values';
import type { Process } from '#shared/schemas/process';
import { consultationAdminDeps } from '../setup/consultation';
import { AMBITION, ETHICS, FOLLOW_GROUP, PUBLIC_ROUND, defaultLeaning, ethicsVersion2, ethicsVersion2Note, followGroupComments, leanings, publicComments, type DemoComment } from './demo-consultation-data';
import { pick, sample, seededRandom, type Random } from './demo-random';

/** Responses in the demo's public round (with and without a comment), the follow-group's besides. */
export const DEMO_PUBLIC_RESPONSES = 60;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** The demo's people who take part (the generated ones exist in every demo, also the browser tests' smaller one). */
const PEOPLE = ['mette', 'jens', 'sara', 'birthe', 'lise', 'thomas', 'hanne', 'peter', ...Array.from({ length: 40 }, (_, i) => `p${String(i + 1).padStart(3, '0')}`)];

interface Person {
  key: string;
  actor: Actor;
  type: ParticipantType;
}

/**
 * Fills the demo's consultation through the use cases, each with a clock at its moment: the
 * follow-group (two named employees and four more) joins by the link and comments on the drafts; the
 * secretariat (Karin S.) answers; the admin (Anders V.) publishes the ethical guidelines' version 2,
 * naming the comments behind each change; then the public round, two weeks old: the written comments
 * (demo-consultation-data.ts) and positions without a comment up to DEMO_PUBLIC_RESPONSES, each
 * paragraph leaning its own way, and answers to most comments a day or two after they came in.
 */
export async function runDemoConsultation(client: DynamoDBDocumentClient, table: string, process: Process, now: Date, actorOf: (key: string) => Actor, log: (m: string) => void): Promise<void> {
  const admin = consultationAdminDeps(client, table);
  const documents = documentStore(client, table);
  const setup = await getConsultationSetup(admin, process.id).catch(() => undefined);
  const invited = setup?.rounds.find((r) => r.id === FOLLOW_GROUP);
  const open = setup?.rounds.find((r) => r.id === PUBLIC_ROUND);
  const ethics = await documents.document(process.id, ETHICS);
  if (!invited?.inviteToken || !open || !ethics || ethics.currentVersion !== 1) return;

  const profiles = profileStore(client, table);
  const responses = responseStore(client, table);
  const processes = processStore(client, table);
  const clock = (at: Date) => ({ now: () => at });
  const newId = admin.newId;
  const people: Person[] = [];
  for (const key of PEOPLE) {
    const actor = actorOf(key);
    const type = (await profiles.get(actor.userId))?.participantType;
    if (type) people.push({ key, actor, type });
  }
  const random = seededRandom(2026_02_02);
  const members = [...people.filter((p) => p.key === 'hanne' || p.key === 'peter'), ...people.filter((p) => p.type === 'employee' && /^p\d{3}$/.test(p.key)).slice(0, 4)];
  const memberDeps = (at: Date) => ({ documents, processes, directory: { findById: async () => undefined }, clock: clock(at) });
  const respond = (at: Date, who: Person, documentId: string, round: string, paragraphNo: number, position: Position, comment?: string) =>
    createResponse(
      { responses, reads: consultationReads(client, table), processes, profiles, clock: clock(at), newId },
      who.actor,
      process.id,
      documentId,
      { roundId: round, paragraphNo, position, ...(comment ? { comment } : {}) },
    );
  const answer = (at: Date, id: string, a: NonNullable<DemoComment['answer']>) => answerResponse({ responses, profiles, clock: clock(at), newId }, actorOf('karin'), id, a);

  // 1. The follow-group joins on the round's first morning and comments during its two weeks.
  const from = Date.parse(invited.startsAt);
  for (const [i, m] of members.entries()) await joinRound(memberDeps(new Date(from + 8 * HOUR + i * 20 * 60_000)), process.id, FOLLOW_GROUP, m.actor.userId, invited.inviteToken);
  const ids = new Map<string, string>();
  const written = assignAuthors(followGroupComments, members, random);
  const fgSpan = Date.parse(invited.endsAt) - from - 2 * DAY;
  for (const [i, c] of written.entries()) {
    const at = new Date(from + DAY + (fgSpan * (i + 1)) / (written.length + 1));
    ids.set(c.comment.key, (await respond(at, c.who, c.comment.document, FOLLOW_GROUP, c.comment.paragraphNo, c.comment.position, c.comment.text)).id);
  }
  // Positions without a comment: each member on a few more paragraphs.
  let followGroupCount = written.length;
  for (const [i, m] of members.entries()) {
    const taken = new Set(written.filter((w) => w.who === m).map((w) => `${w.comment.document}#${w.comment.paragraphNo}`));
    for (const [j, target] of sample(random, targets(), 4).entries()) {
      // The contested paragraphs stand twice in the targets: one response each all the same.
      if (taken.has(`${target.document}#${target.no}`)) continue;
      taken.add(`${target.document}#${target.no}`);
      await respond(new Date(from + 2 * DAY + i * 3 * HOUR + j * 5 * 60_000), m, target.document, FOLLOW_GROUP, target.no, lean(random, target.document, target.no));
      followGroupCount++;
    }
  }

  // 2. Version 2 of the ethical guidelines, a week before the public round, and the follow-group's answers.
  const v2At = new Date(Date.parse(open.startsAt) - 5 * DAY + 10 * HOUR);
  const draft = await getDraft(admin, process.id, ETHICS);
  const blocks = draft.blocks.map((b) => {
    const change = b.kind === 'paragraph' ? ethicsVersion2.find((c) => c.paragraphNo === b.no) : undefined;
    return change ? { ...b, text: change.text } : b;
  });
  const anders = { userId: actorOf('anders').userId };
  const saved = await saveDraft(admin, anders, process.id, ETHICS, { title: draft.title, ...(draft.summary ? { summary: draft.summary } : {}), blocks, expectedUpdatedAt: draft.updatedAt }, v2At);
  await publishVersion(
    { ...admin, responses },
    anders,
    process.id,
    ETHICS,
    { note: ethicsVersion2Note, changes: ethicsVersion2.map((c) => ({ paragraphNo: c.paragraphNo, responseIds: [ids.get(c.because)!] })), expectedUpdatedAt: saved.updatedAt },
    new Date(v2At.getTime() + 30 * 60_000),
  );
  for (const [i, c] of followGroupComments.entries()) if (c.answer) await answer(new Date(v2At.getTime() + HOUR + i * 10 * 60_000), ids.get(c.key)!, c.answer);

  // 3. The public round up to now: the written comments, answered a day or two later if that has come.
  const start = Date.parse(open.startsAt);
  const span = Math.min(now.getTime(), Date.parse(open.endsAt)) - HOUR - start;
  const publicPeople = people.filter((p) => !members.includes(p));
  const comments = assignAuthors(publicComments, publicPeople, random);
  const done = new Set<string>();
  let answered = 0;
  for (const [i, c] of comments.entries()) {
    const at = new Date(start + 8 * HOUR + (span - 8 * HOUR) * ((i + 0.5) / comments.length) ** 1.2);
    const created = await respond(at, c.who, c.comment.document, PUBLIC_ROUND, c.comment.paragraphNo, c.comment.position, c.comment.text);
    done.add(`${c.who.key}#${c.comment.document}#${c.comment.paragraphNo}`);
    const answerAt = new Date(at.getTime() + DAY + random() * DAY);
    if (c.comment.answer && answerAt.getTime() < now.getTime() - HOUR) {
      await answer(answerAt, created.id, c.comment.answer);
      answered++;
    }
  }
  // Positions without a comment, spread over the round, until the round has its share of responses.
  let count = comments.length;
  for (let n = 0; count < DEMO_PUBLIC_RESPONSES && n < 1000; n++) {
    const who = pick(random, publicPeople);
    const target = pick(random, targets());
    const key = `${who.key}#${target.document}#${target.no}`;
    if (done.has(key)) continue;
    done.add(key);
    // Two of one person's responses may fall in the same minute: the rate limit refuses the second, as it would in the app.
    const made = await respond(new Date(start + 6 * HOUR + random() * (span - 6 * HOUR)), who, target.document, PUBLIC_ROUND, target.no, lean(random, target.document, target.no)).catch((error: unknown) => {
      if (error instanceof HttpError && error.status === 429) return undefined;
      throw error;
    });
    if (made) count++;
  }
  log(`seeded the consultation: ${members.length} follow-group members, ${followGroupCount} follow-group responses, version 2 of the ethical guidelines, ${count} public responses (${comments.length} comments, ${answered} answered)`);
}

/** Every paragraph of the two drafts, the ethical guidelines' more often (it is the one people read). */
function targets(): { document: string; no: number }[] {
  const ethics = Array.from({ length: 15 }, (_, i) => ({ document: ETHICS, no: i + 1 }));
  const ambition = Array.from({ length: 8 }, (_, i) => ({ document: AMBITION, no: i + 1 }));
  return [...ethics, ...ethics.filter((t) => leanings[ETHICS]![t.no]), ...ambition];
}

/** A position drawn by the paragraph's leaning. */
function lean(random: Random, document: string, no: number): Position {
  const [agree, neutral, disagree] = leanings[document]?.[no] ?? defaultLeaning;
  const r = random() * (agree + neutral + disagree);
  return r < agree ? 'agree' : r < agree + neutral ? 'neutral' : 'disagree';
}

/** Each comment's author: the named person, or one of the given type not yet used (nobody twice on one paragraph). */
function assignAuthors(comments: readonly DemoComment[], people: readonly Person[], random: Random): { comment: DemoComment; who: Person }[] {
  const used = new Set<string>();
  return comments.flatMap((comment) => {
    const named = people.find((p) => p.key === comment.by);
    const free = people.filter((p) => p.type === comment.by && !used.has(`${p.key}#${comment.document}#${comment.paragraphNo}`));
    const who = named ?? (free.length ? pick(random, free) : undefined);
    if (!who) return [];
    used.add(`${who.key}#${comment.document}#${comment.paragraphNo}`);
    return [{ comment, who }];
  });
}
