import { MAX_MERGE_DEPTH } from '#shared/rules/moderation';
import type { ExportSummary } from '#shared/schemas/export';
import { publicStatuses, type PublicStatus } from '#shared/schemas/idea';
import { participantTypes, type ParticipantType } from '#shared/schemas/user';
import type { ExportIdea, ExportStore, Voter } from '../ports';

/**
 * The export's counting (pure, apart from reading merge sources): distinct supporters of an idea and
 * of the ideas merged into it, the order of the ideas, and the figures for the whole process. The
 * order is a plain count of votes, never a judgement, so the rule can be stated in one sentence.
 */

export interface Support {
  votes: number;
  votesByType: Record<ParticipantType, number>;
  /** The distinct supporters and the participant type each is counted as. */
  people: Map<string, ParticipantType>;
}

/**
 * Distinct supporters of an idea and of the ideas merged into it. A person is counted once, as the
 * participant type of the first vote record found: the idea's own vote first, then the sources in order.
 */
export function supporters(own: Voter[], merged: Voter[][] = []): Support {
  const people = new Map<string, ParticipantType>();
  for (const list of [own, ...merged]) {
    for (const v of list) if (!people.has(v.userId)) people.set(v.userId, v.participantType);
  }
  return { votes: people.size, votesByType: countByType(people.values()), people };
}

export interface Counted {
  idea: ExportIdea;
  /** Accepted merge sources of the idea (see mergedSources). */
  sources?: ExportIdea[];
  support: Support;
}

/** Most distinct supporters first; equal support: the older idea first (then the id, so the order is total). */
export function rankIdeas<T extends Counted>(ideas: T[], options: { top: number; area?: string; status?: PublicStatus }): (T & { rank: number })[] {
  return ideas
    .filter((c) => (!options.area || c.idea.area === options.area) && (!options.status || c.idea.status === options.status))
    .sort(
      (a, b) =>
        b.support.votes - a.support.votes ||
        a.idea.createdAt.localeCompare(b.idea.createdAt) ||
        a.idea.id.localeCompare(b.idea.id),
    )
    .slice(0, options.top)
    .map((c, i) => ({ ...c, rank: i + 1 }));
}

/**
 * The ideas merged into each target, followed through chains of merges. A source counts only if it
 * really is merged into the idea that lists it (status `merged`, `mergedInto` pointing back), so a
 * merge that was undone without tidying `mergedFrom` never counts the same votes twice.
 */
export async function mergedSources(store: Pick<ExportStore, 'ideas'>, targets: ExportIdea[]): Promise<Map<string, ExportIdea[]>> {
  const known = new Map<string, ExportIdea>(targets.map((t) => [t.id, t]));
  let frontier = [...new Set(targets.flatMap((t) => t.mergedFrom ?? []))].filter((id) => !known.has(id));
  for (let depth = 0; frontier.length > 0 && depth < MAX_MERGE_DEPTH; depth++) {
    const found = await store.ideas(frontier);
    for (const idea of found) known.set(idea.id, idea);
    frontier = [...new Set(found.flatMap((i) => i.mergedFrom ?? []))].filter((id) => !known.has(id));
  }

  const result = new Map<string, ExportIdea[]>();
  for (const target of targets) {
    const accepted: ExportIdea[] = [];
    const seen = new Set([target.id]);
    const walk = (parent: ExportIdea, depth: number) => {
      if (depth >= MAX_MERGE_DEPTH) return;
      for (const id of parent.mergedFrom ?? []) {
        const source = known.get(id);
        if (!source || seen.has(id) || source.status !== 'merged' || source.mergedInto !== parent.id) continue;
        seen.add(id);
        accepted.push(source);
        walk(source, depth + 1);
      }
    };
    walk(target, 0);
    if (accepted.length) result.set(target.id, accepted);
  }
  return result;
}

/** The process's areas by name, as the figures are grouped (see document.ts namesOf). */
export interface AreaNames {
  area: (id: string) => string;
  areas: string[];
}

/** Figures for the whole process (not only the exported rows): public ideas, participants, votes, comments. */
export function summarize(counted: Counted[], names: AreaNames): Omit<ExportSummary, 'moderation' | 'pending' | 'flagged' | 'channels'> {
  const ideasByArea = Object.fromEntries(names.areas.map((a) => [a, 0]));
  const votesByArea = Object.fromEntries(names.areas.map((a) => [a, 0]));
  const ideasByStatus = Object.fromEntries(publicStatuses.map((s) => [s, 0]));
  const people = new Map<string, ParticipantType>();
  // Authors first, with the type they posted as; an erased author (no authorId) can no longer be told apart.
  for (const { idea, sources } of counted) {
    for (const i of [idea, ...(sources ?? [])]) if (i.authorId && !people.has(i.authorId)) people.set(i.authorId, i.authorType);
  }
  let votes = 0;
  let comments = 0;
  const votesByType = countByType([]);
  for (const { idea, support } of counted) {
    const area = names.area(idea.area);
    ideasByArea[area] = (ideasByArea[area] ?? 0) + 1;
    ideasByStatus[idea.status] = (ideasByStatus[idea.status] ?? 0) + 1;
    votesByArea[area] = (votesByArea[area] ?? 0) + support.votes;
    votes += support.votes;
    comments += idea.commentCount;
    for (const t of participantTypes) votesByType[t] += support.votesByType[t];
    for (const [userId, type] of support.people) if (!people.has(userId)) people.set(userId, type);
  }
  return {
    ideas: counted.length,
    ideasByArea,
    ideasByStatus,
    participants: countByType(people.values()),
    votes,
    votesByType,
    votesByArea,
    comments,
  };
}

function countByType(types: Iterable<ParticipantType>): Record<ParticipantType, number> {
  const counts = { citizen: 0, business: 0, employee: 0 };
  for (const t of types) counts[t] += 1;
  return counts;
}
