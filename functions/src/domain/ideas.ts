// handler --> (use case) --> IdeaStore, ProcessStore, ProfileStore
import { heldIdeaPageOpen } from '#shared/rules/moderation';
import { isPublicStatus, type IdeaCreate, type IdeaDetail, type IdeaListItem, type IdeaListQuery, type TakenUp } from '#shared/schemas/idea';
import { phaseAllows } from '#shared/schemas/process';
import type { Channel } from '#shared/rules/assisted';
import type { Actor } from '../lib/auth';
import { ConflictError, NotFoundError, ValidationError } from '../lib/errors';
import type { Clock, IdeaRecord, IdeaStore, IdeaSummary, Page, ProcessStore, ProfileStore } from './ports';
import { checkedOrigin } from './events/idea-origin';
import type { EventReads } from './events/ports';
import { getProcess, processStart } from './processes';
import { limitFor } from './limits';
import { writerProfile } from './profiles';
import { trendWeight } from './trending';
import type { SearchCache } from './search/cache';
import { isSearch, searchIdeas } from './search/idea-search';
import { phaseSpans } from './search/scope';

export interface IdeaDeps {
  processes: ProcessStore;
  ideas: IdeaStore;
  profiles: ProfileStore;
  clock: Clock;
  /** Sortable id for a new idea (a ULID in production). */
  newId: (now: Date) => string;
  /** The process's events, for an idea's origin; without it no event can be named (tests of other rules). */
  events?: Pick<EventReads, 'event'>;
}

const EXCERPT_LENGTH = 240;

/**
 * Post an idea. Primary course:
 * 1. The process exists, is not archived, and the phase open now accepts ideas (else 409).
 * 2. The area and the effects are the process's own and not retired (else 400 naming the field).
 *    A named origin event is the process's own and has begun (domain/events/idea-origin.ts; else 400).
 * 3. The author has a profile: the display name and participant type shown with the idea (else 409).
 * 4. The idea is stored, published at once or pending when the process is pre-moderated.
 */
export async function createIdea(deps: IdeaDeps, actor: Actor, processId: string, input: IdeaCreate): Promise<IdeaDetail> {
  const process = await getProcess(deps.processes, processId);
  const now = deps.clock.now();
  if (process.archivedAt !== undefined) throw new ConflictError('process-archived', 'Forløbet er arkiveret og modtager ikke idéer.');
  if (!phaseAllows(process, now, 'submit')) {
    throw new ConflictError('phase-closed', 'Forløbet modtager ikke idéer i denne fase.');
  }

  // A retired area or effect stays on the ideas that have it; new ideas cannot choose it.
  const area = process.areas.find((a) => a.id === input.area);
  const effectOf = (id: string) => process.effects.find((e) => e.id === id);
  const errors = [
    ...(!area ? [{ path: 'body.area', message: 'Vælg et af forløbets områder.' }] : []),
    ...(area?.retired ? [{ path: 'body.area', message: 'Området er udgået og kan ikke vælges til nye idéer. Vælg et andet.' }] : []),
    ...input.effects.flatMap((e, i) => {
      const effect = effectOf(e);
      if (!effect) return [{ path: `body.effects.${i}`, message: 'Vælg blandt forløbets forventede effekter.' }];
      return effect.retired ? [{ path: `body.effects.${i}`, message: 'Effekten er udgået og kan ikke vælges til nye idéer. Vælg en anden.' }] : [];
    }),
  ];
  if (errors.length) throw new ValidationError(errors);
  const eventId = await checkedOrigin(deps.events, processId, input.eventId, now);

  const profile = writerProfile(await deps.profiles.get(actor.userId), 'deler en idé');

  const at = now.toISOString();
  const idea: IdeaRecord = {
    id: deps.newId(now),
    processId,
    title: input.title,
    body: input.body,
    excerpt: excerpt(input.body),
    area: input.area,
    effects: input.effects,
    beneficiaries: input.beneficiaries,
    ...(input.concerns ? { concerns: input.concerns } : {}),
    ...(eventId ? { eventId } : {}),
    ...(input.plainSummary ? { plainSummary: input.plainSummary } : {}),
    // Kept as sent (the moderators' view names only those of this process): a record, not a claim.
    ...(input.similarShown?.length ? { similarShown: [...new Set(input.similarShown)] } : {}),
    ...channelOf(actor, eventId),
    status: process.settings.moderation === 'pre' ? 'pending' : 'published',
    authorId: actor.userId,
    ...(actor.username ? { authorUsername: actor.username } : {}),
    authorName: profile.displayName,
    authorType: profile.participantType,
    voteCount: 0,
    commentCount: 0,
    // Posting counts as the idea's first activity, so a new idea is not last in "trending".
    trendScore: trendWeight(now, processStart(process)),
    createdAt: at,
    updatedAt: at,
  };
  await deps.ideas.create(idea, limitFor(process, 'idea'), now);
  return toDetail(idea);
}

/**
 * A page of a process's public ideas: with a search text (`q`, two characters or more) ranked by the
 * search index (search/idea-search.ts), otherwise in the chosen order from the table's list indexes.
 * The phase filter keeps the ideas posted while a phase of that kind was open.
 */
export async function listIdeas(deps: Pick<IdeaDeps, 'processes' | 'ideas'> & { search: SearchCache }, processId: string, query: IdeaListQuery): Promise<Page<IdeaListItem>> {
  const process = await getProcess(deps.processes, processId);
  if (isSearch(query.q)) return searchIdeas(deps, process, { ...query, q: query.q });
  const createdWithin = query.phase ? phaseSpans(process, query.phase) : undefined;
  // No phase of that kind: nothing was posted in one (and DynamoDB takes no empty OR).
  if (createdWithin?.length === 0) return { items: [], nextCursor: null };
  const page = await deps.ideas.listPublic({
    processId,
    sort: query.sort,
    area: query.area,
    status: query.status,
    event: query.event,
    ...(createdWithin ? { createdWithin } : {}),
    limit: query.limit,
    cursor: query.cursor,
    seed: query.seed,
  });
  return { items: page.items.map(toListItem), nextCursor: page.nextCursor };
}

/**
 * One idea, on the public route: public ideas, and merged ones (read-only, pointing to where the
 * discussion went on). Everything else is the same 404 as an id that never existed. The public
 * route carries no identity (in AWS the JWT authorizer runs on protected routes only): authors see
 * their own ideas in any state through /api/me/ideas, moderators through /api/moderation/ideas/{id}.
 */
export async function getIdea(deps: Pick<IdeaDeps, 'ideas'> & { takenUp?: { takenUpBy(ideaId: string): Promise<TakenUp[]> }; page?: IdeaPageReads }, ideaId: string): Promise<IdeaDetail> {
  let idea: IdeaRecord | undefined;
  let takenUpBy: TakenUp[] = [];
  if (deps.page) {
    // One read for nearly every idea (issue 19): the item says whether a recommendation ever took it up.
    const read = await deps.page.read(ideaId);
    idea = read?.idea;
    if (!idea || !isOnItsPage(idea)) throw new NotFoundError('Idéen findes ikke.');
    if (read?.takenUp) takenUpBy = (await deps.takenUp?.takenUpBy(ideaId)) ?? [];
  } else {
    // The committee's recommendations that took it up (issue 16), read beside the idea: for an idea
    // the public may not see, the list is read and dropped, never shown.
    [idea, takenUpBy = []] = await Promise.all([deps.ideas.get(ideaId), deps.takenUp?.takenUpBy(ideaId)]);
    if (!idea || !isOnItsPage(idea)) throw new NotFoundError('Idéen findes ikke.');
  }
  return { ...toDetail(idea), ...(takenUpBy.length ? { takenUpBy } : {}), ...(idea.held ? { underReview: true as const } : {}) };
}

/** The idea page's read: the idea and whether a recommendation ever took it up (adapters/dynamodb/idea-page.ts). */
export interface IdeaPageReads {
  read(ideaId: string): Promise<{ idea: IdeaRecord; takenUp: boolean } | undefined>;
}

/** Public: a public status and not held for moderation after flags. */
export const isPublic = (idea: Pick<IdeaRecord, 'status' | 'held'>) => isPublicStatus(idea.status) && !idea.held;

/** Anyone may read it: a public idea, or a merged one (read-only, with its discussion so far). */
export const isReadable = (idea: Pick<IdeaRecord, 'status' | 'held'>) => isPublic(idea) || (idea.status === 'merged' && !idea.held);

/** Its own page and discussion can be read: readable, or held after flags (flags cannot freeze an idea, issue 17). */
export const isOnItsPage = (idea: Pick<IdeaRecord, 'status' | 'held'>) => isReadable(idea) || heldIdeaPageOpen(idea);

/**
 * How an idea came in: the assistant's channel when one acted for the citizen, `event` when the
 * author named the event it came up at, and nothing (the web) otherwise. An assisted idea from an
 * event keeps the assisted channel: who typed it says more about reach than where it came up.
 */
const channelOf = (actor: Actor, eventId: string | undefined): { channel?: Channel } =>
  actor.assisted ? { channel: actor.assisted.channel } : eventId ? { channel: 'event' } : {};

export function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ');
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(' ') > EXCERPT_LENGTH / 2 ? cut.lastIndexOf(' ') : EXCERPT_LENGTH).trimEnd()}…`;
}

export function toListItem(idea: IdeaSummary): IdeaListItem {
  const { id, processId, title, excerpt, area, effects, beneficiaries, status, authorName, authorType, voteCount, commentCount, eventId, channel, createdAt } = idea;
  return { id, processId, title, excerpt, area, effects, beneficiaries, status, authorName, authorType, voteCount, commentCount, ...(eventId ? { eventId } : {}), ...(channel ? { channel } : {}), createdAt };
}

export function toDetail(idea: IdeaRecord): IdeaDetail {
  const {
    authorId: _authorId,
    authorUsername: _username,
    trendScore: _trendScore,
    flagCount: _flagCount,
    held: _held,
    previousStatus: _previous,
    moderationReason: _reason,
    flagsResetAt: _flagsResetAt,
    votesCarriedAt: _votesCarriedAt,
    similarShown: _similarShown,
    ...detail
  } = idea;
  return detail;
}
