import type { CommentModeration, IdeaModeration } from '#shared/schemas/moderation';
import type { IdeaCreateInput } from '#shared/schemas/idea';
import type { FlagReason, ParticipantType, Stance } from '#shared/rules/values';
import { localDate } from '#functions/lib/copenhagen-time';
import { areaComments, authorReplies, generalComments, replies, type DemoCommentText } from './demo-comments';
import { namedIdeas, participantIdeas, type DemoIdea } from './demo-ideas';
import { demoStaff, generatedParticipants, namedParticipants, type DemoPerson } from './demo-people';
import { pick, sample, seededRandom, type Random } from './demo-random';
import { officeHours, planStory } from './demo-story';

/**
 * The demo as a plan: who joins, who posts which idea when, who votes for what, who comments and
 * replies, who flags, and what the moderators decide, each at a time in the past. A pure function of
 * `now` and the size, the same plan for the same moment (seeded randomness), so it can be
 * tested without a stack; seed-demo.ts carries it out through the same use cases as the API.
 *
 * The story: the process opened DEMO_DAYS ago and is still in its submission phase. A few ideas
 * drew most of the support (votes by rank follow a Zipf curve: the idea ranked r gets about
 * top/r), most got a handful; newer ideas have had less time. The committee met a week ago and
 * selected three ideas and turned down two, with official answers; four are under review, one of
 * them past its answer deadline without an answer. A duplicate was merged into the idea it repeats,
 * an advertisement was hidden, and an idea naming a caseworker and a rude comment wait in the
 * flagged queue (the decisions and what led to them: demo-story.ts).
 */
export const DEMO_DAYS = 42;
/** Generated participants besides the eight named ones: a few hundred participants in all. */
export const DEMO_PARTICIPANTS = 292;

const DAY = 24 * 60 * 60 * 1000;
const HOUR = DAY / 24;

export interface PlannedIdea { key: string; author: string; at: Date; input: IdeaCreateInput }
export interface PlannedVote { idea: string; voter: string; at: Date }
export interface PlannedComment { key: string; idea: string; author: string; at: Date; body: string; stance?: Stance; parent?: string }
export interface PlannedFlag { idea: string; comment?: string; by: string; at: Date; reason: FlagReason; text?: string }
export type PlannedDecision =
  | { at: Date; by: string; idea: string; command: Exclude<IdeaModeration, { action: 'merge' }> }
  | { at: Date; by: string; idea: string; mergeInto: string; reason: string }
  | { at: Date; by: string; comment: string; command: CommentModeration };

export interface DemoPlan {
  people: (DemoPerson & { joinedAt: Date })[];
  ideas: PlannedIdea[];
  votes: PlannedVote[];
  comments: PlannedComment[];
  flags: PlannedFlag[];
  /** In time order: a later decision may build on an earlier one (reviewed, then selected). */
  decisions: PlannedDecision[];
}

/** The accounts anyone can sign in as, for the start log. */
export const demoAccounts = { participants: namedParticipants, staff: demoStaff };

export function demoPlan(now: Date, participantCount = DEMO_PARTICIPANTS): DemoPlan {
  const random = seededRandom(20261201);
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
  const deadline = (daysFromNow: number) => localDate(new Date(now.getTime() + daysFromNow * DAY));
  const participants = [...namedParticipants, ...generatedParticipants(participantCount, random)];
  const byKey = new Map(participants.map((p) => [p.key, p]));

  const ideas = planIdeas(random, now, participants);
  const posted = new Map(ideas.map((i) => [i.key, i.at]));
  const story = planStory({ daysAgo, workday: (at) => officeHours(random, at), deadline, posted: (key) => posted.get(key)! });
  // An idea takes votes until its first decision or until flags hold it; comments while it is public.
  const votesUntil = new Map<string, number>();
  const publicUntil = new Map<string, number>();
  const closeAt = (map: Map<string, number>, idea: string, at: Date) => map.set(idea, Math.min(map.get(idea) ?? now.getTime(), at.getTime() - HOUR / 2));
  for (const d of story.decisions) {
    if (!('idea' in d)) continue;
    closeAt(votesUntil, d.idea, d.at);
    if ('mergeInto' in d || d.command.action === 'hide') closeAt(publicUntil, d.idea, d.at);
  }
  const heldIdea = story.flags.filter((f) => f.idea === 'jobcenter-frister').at(-1)!;
  closeAt(votesUntil, heldIdea.idea, heldIdea.at);
  closeAt(publicUntil, heldIdea.idea, heldIdea.at);
  for (const [idea, until] of publicUntil) votesUntil.set(idea, Math.min(votesUntil.get(idea) ?? until, until));

  const window = (idea: PlannedIdea, map: Map<string, number>) => ({ from: idea.at.getTime() + 5 * 60_000, to: map.get(idea.key) ?? now.getTime() - 60_000 });
  const votes = planVotes(random, ideas, participants, (i) => window(i, votesUntil));
  const comments = planComments(random, ideas, participants, byKey, votes, (i) => window(i, publicUntil), story.comments);
  const flaggers = new Map<string, Set<string>>();
  const flags = story.flags.map((f) => ({ ...f, by: f.by === '?' ? flagger(random, participants, f, ideas, comments, flaggers) : f.by }));

  // In time order, as it happened: this also spreads concurrent writes over many ideas.
  const byTime = (a: { at: Date }, b: { at: Date }) => a.at.getTime() - b.at.getTime();
  return {
    people: withJoinDates(random, now, participants, ideas, votes, comments, flags),
    ideas,
    votes: votes.sort(byTime),
    comments: comments.sort(byTime),
    flags: flags.sort(byTime),
    decisions: story.decisions,
  };
}

/** Every idea at its day, at a daytime hour; generated authors: a different participant of the named type for each idea. */
function planIdeas(random: Random, now: Date, participants: DemoPerson[]): PlannedIdea[] {
  const taken = new Set<string>();
  return [...namedIdeas, ...participantIdeas]
    .sort((a, b) => b.daysAgo - a.daysAgo)
    .map(({ key, author, authorOrganisation, daysAgo, appeal: _appeal, ...input }) => {
      let person = participants.find((p) => p.key === author);
      if (!person) {
        // A small demo (tests) may have fewer generated participants of a type than ideas for it.
        const ofType = participants.filter((p) => p.participantType === author);
        const generated = ofType.filter((p) => GENERATED.test(p.key));
        const fresh = generated.filter((p) => !taken.has(p.key));
        person = sample(random, fresh.length ? fresh : generated.length ? generated : ofType, 1)[0]!;
        taken.add(person.key);
        if (authorOrganisation && GENERATED.test(person.key)) person.organisation = authorOrganisation;
      }
      return { key, author: person.key, at: daytime(random, now, daysAgo), input };
    });
}

const GENERATED = /^p\d{3}$/;

/** `daysAgo` before now, moved to between 7 and 22 o'clock (roughly, in Copenhagen) unless that lies ahead. */
function daytime(random: Random, now: Date, daysAgo: number): Date {
  const at = new Date(now.getTime() - daysAgo * DAY);
  const moved = new Date(at);
  moved.setUTCHours(6 + Math.floor(random() * 15), Math.floor(random() * 60), Math.floor(random() * 60));
  return moved.getTime() < now.getTime() - 10 * 60_000 ? moved : at;
}

const appealOf = new Map([...namedIdeas, ...participantIdeas].map((i) => [i.key, i.appeal]));
const ideaOf = new Map([...namedIdeas, ...participantIdeas].map((i): [string, DemoIdea] => [i.key, i]));

/** How much a participant type leans towards an idea: employees back workplace ideas, businesses business ones. */
function typeWeight(idea: DemoIdea, type: ParticipantType): number {
  const helps = (b: string) => (idea.beneficiaries as string[]).includes(b);
  if (type === 'employee') return helps('employees') || idea.area === 'arbejdsplads-medarbejdere' ? 3 : 1;
  if (type === 'business') return helps('businesses') || idea.area === 'erhverv' ? 3 : 0.7;
  return helps('citizens') ? 1 : 0.6;
}

/**
 * Votes: the ideas ranked by appeal with some chance, the idea at rank r getting about top/r votes
 * (top: half the participants), capped by how long it has been open; voters drawn by type weight.
 */
function planVotes(random: Random, ideas: PlannedIdea[], participants: DemoPerson[], open: (i: PlannedIdea) => { from: number; to: number }): PlannedVote[] {
  const score = new Map(ideas.map((i) => [i.key, appealOf.get(i.key)! * (0.75 + random() / 2)]));
  const ranked = [...ideas].sort((a, b) => score.get(b.key)! - score.get(a.key)!);
  const top = participants.length / 2;
  // A new idea collects support over days: at most 4 % of the participants a day.
  const perDay = participants.length * 0.04;
  return ranked.flatMap((idea, rank) => {
    const { from, to } = open(idea);
    const days = Math.max(0, (to - from) / DAY);
    const wanted = Math.min(Math.round((top / (rank + 1)) * (0.85 + random() * 0.3)), Math.floor(days * perDay));
    const meta = ideaOf.get(idea.key)!;
    const voters = sample(random, participants.filter((p) => p.key !== idea.author), Math.max(0, wanted), (p) => typeWeight(meta, p.participantType));
    // Most votes come soon after an idea appears: the square of a uniform draw leans early.
    return voters.map((v) => ({ idea: idea.key, voter: v.key, at: new Date(from + (to - from) * random() ** 2) }));
  });
}

/** Comments grow with support (about 0.75·votes^0.6 per idea); a quarter get a reply, a fifth one from the idea's author. */
function planComments(
  random: Random,
  ideas: PlannedIdea[],
  participants: DemoPerson[],
  byKey: Map<string, DemoPerson>,
  votes: PlannedVote[],
  open: (i: PlannedIdea) => { from: number; to: number },
  special: PlannedComment[],
): PlannedComment[] {
  const votesOn = new Map<string, number>();
  for (const v of votes) votesOn.set(v.idea, (votesOn.get(v.idea) ?? 0) + 1);
  const out: PlannedComment[] = [];
  let n = 0;
  for (const idea of ideas) {
    const meta = ideaOf.get(idea.key)!;
    const { from, to } = open(idea);
    if (to <= from) continue;
    const count = Math.min(14, Math.round(0.75 * (votesOn.get(idea.key) ?? 0) ** 0.6 * (0.6 + random() * 0.8)));
    const texts = sample(random, [...generalComments, ...(areaComments[idea.input.area] ?? [])], count, (t) => (t.by ? 3 : generalComments.includes(t) ? 1 : 2));
    const writers = new Set([idea.author]);
    const writer = (text: DemoCommentText, not: Set<string>) => {
      const fits = participants.filter((p) => !not.has(p.key) && (!text.by || p.participantType === text.by));
      return sample(random, fits, 1, (p) => typeWeight(meta, p.participantType))[0];
    };
    for (const text of texts) {
      const author = writer(text, writers);
      if (!author) continue;
      writers.add(author.key);
      const at = new Date(from + (to - from) * random() ** 1.5);
      const key = `c${++n}`;
      out.push({ key, idea: idea.key, author: author.key, at, body: text.body, ...(text.stance ? { stance: text.stance } : {}) });
      for (const [chance, pool, who] of [
        [0.25, replies, writer({ body: '' }, new Set([idea.author, author.key]))],
        [0.2, authorReplies, byKey.get(idea.author)],
      ] as const) {
        if (random() >= chance || !who) continue;
        const replyAt = at.getTime() + (0.05 + random() * 1.5) * DAY;
        if (replyAt >= to) continue;
        const reply = pick(random, pool);
        out.push({ key: `c${++n}`, idea: idea.key, author: who.key, at: new Date(replyAt), body: reply.body, ...(reply.stance ? { stance: reply.stance } : {}), parent: key });
      }
    }
  }
  for (const c of special) out.push({ ...c, author: c.author === '?' ? pick(random, participants.filter((p) => p.key !== ideas.find((i) => i.key === c.idea)!.author)).key : c.author });
  return out;
}

/** A participant to flag: not the author of what is flagged, and not someone who flagged it already. */
function flagger(random: Random, participants: DemoPerson[], flag: PlannedFlag, ideas: PlannedIdea[], comments: PlannedComment[], used: Map<string, Set<string>>): string {
  const target = flag.comment ?? flag.idea;
  const author = flag.comment ? comments.find((c) => c.key === flag.comment)!.author : ideas.find((i) => i.key === flag.idea)!.author;
  const taken = (used.get(target) ?? new Set<string>()).add(author);
  const chosen = pick(random, participants.filter((p) => !taken.has(p.key))).key;
  used.set(target, taken.add(chosen));
  return chosen;
}

/** Each person joined a little before their first action; staff when the process opened. */
function withJoinDates(random: Random, now: Date, people: DemoPerson[], ...actions: { at: Date; author?: string; voter?: string; by?: string }[][]) {
  const first = new Map<string, number>();
  for (const a of actions.flat()) {
    const who = a.author ?? a.voter ?? a.by!;
    first.set(who, Math.min(first.get(who) ?? Infinity, a.at.getTime()));
  }
  const opened = now.getTime() - DEMO_DAYS * DAY;
  return [...people, ...demoStaff].map((p) => {
    const at = first.get(p.key);
    const joined = at === undefined ? opened + random() * (now.getTime() - opened) : Math.max(opened, at - (1 + random() * 30) * HOUR);
    return { ...p, joinedAt: new Date(p.role ? opened : joined) };
  });
}
