import { createHash } from 'node:crypto';
import { isPublic } from '#functions/domain/ideas';
import type { IdeaPageQuery, IdeaRecord, IdeaStore, IdeaSummary } from '#functions/domain/ports';
import { ConflictError } from '#functions/lib/errors';
import { ascending, descending, pageOf } from './cursor';
import { syncIdeaQueue } from './idea-queue';
import { rateCheck } from './rate-limits';
import { copy, copyOrUndefined, type FakeTables } from './tables';

/** The attributes a public list reads (the adapter's projection): no body, concerns or moderation state. */
const LIST_ATTRIBUTES = [
  'id', 'processId', 'title', 'excerpt', 'area', 'effects', 'beneficiaries', 'status',
  'authorId', 'authorName', 'authorType', 'voteCount', 'commentCount', 'trendScore', 'createdAt', 'updatedAt',
] as const;

const sortKeys = {
  new: (i: IdeaRecord) => i.createdAt,
  top: (i: IdeaRecord) => i.voteCount,
  trending: (i: IdeaRecord) => i.trendScore,
  comments: (i: IdeaRecord) => i.commentCount,
};

export function fakeIdeaStore(tables: FakeTables): IdeaStore {
  return {
    async create(idea, limit, now) {
      const rate = rateCheck(tables, idea.authorId, limit, now);
      if (!rate.ok) throw rate.refusal();
      if (tables.ideas.has(idea.id)) throw new ConflictError('duplicate', 'Idéen findes allerede.');
      tables.ideas.set(idea.id, copy(idea));
      syncIdeaQueue(tables, idea, idea.createdAt);
      rate.commit();
    },

    get: async (ideaId) => copyOrUndefined(tables.ideas.get(ideaId)),

    async listPublic(query) {
      const matching = [...tables.ideas.values()].filter((i) => i.processId === query.processId && isPublic(i) && matches(i, query));
      const ordered = query.sort === 'random' ? randomOrder(matching, query.seed ?? '') : matching.sort(bySortKey(query.sort));
      const list = `public:${query.processId}:${query.area ?? ''}:${query.sort}:${query.seed ?? ''}`;
      const page = pageOf(ordered, query.limit, query.cursor, list);
      return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
    },

    // The adapter's consistent BatchGet of a page: the list projection plus `held`.
    current: async (ideaIds) => [...new Set(ideaIds)].flatMap((id) => (tables.ideas.has(id) ? [{ ...toSummary(tables.ideas.get(id)!), ...(tables.ideas.get(id)!.held ? { held: true } : {}) }] : [])),

    async usedAreasAndEffects(processId) {
      const ideas = [...tables.ideas.values()].filter((i) => i.processId === processId);
      return { areas: [...new Set(ideas.map((i) => i.area))], effects: [...new Set(ideas.flatMap((i) => i.effects))] };
    },

    async listByAuthor(userId, limit, cursor) {
      // The byUser index is keyed IDEA#<ULID>: newest first is id order. It projects the whole item.
      const own = [...tables.ideas.values()].filter((i) => i.authorId === userId).sort(descending((i) => i.id));
      const page = pageOf(own, limit, cursor, `byUser:${userId}`);
      return { items: page.items.map(copy), nextCursor: page.nextCursor };
    },
  };
}

function matches(idea: IdeaRecord, query: IdeaPageQuery): boolean {
  if (query.area && idea.area !== query.area) return false;
  if (query.status && idea.status !== query.status) return false;
  if (query.event && idea.eventId !== query.event) return false;
  return !query.createdWithin || query.createdWithin.some((s) => idea.createdAt >= s.from && (s.to === undefined || idea.createdAt < s.to));
}

const bySortKey = (sort: Exclude<IdeaPageQuery['sort'], 'random'>) => (a: IdeaRecord, b: IdeaRecord) =>
  descending(sortKeys[sort])(a, b) || descending((i: IdeaRecord) => i.id)(a, b);

/** Stable per seed: the same hash of seed and id as the adapter's random order. */
function randomOrder(ideas: IdeaRecord[], seed: string): IdeaRecord[] {
  const rank = (id: string) => createHash('sha256').update(`${seed}:${id}`).digest().readUInt32BE(0);
  return ideas.sort((a, b) => rank(a.id) - rank(b.id) || ascending((i: IdeaRecord) => i.id)(a, b));
}

const toSummary = (idea: IdeaRecord): IdeaSummary =>
  Object.fromEntries(LIST_ATTRIBUTES.flatMap((k) => (idea[k] === undefined ? [] : [[k, copy(idea[k])]]))) as unknown as IdeaSummary;
