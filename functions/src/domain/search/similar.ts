// handler --> (use case) --> ProcessStore, SearchCache, IdeaStore.current
import type { Highlight } from '#shared/schemas/highlight';
import type { Process } from '#shared/schemas/process';
import type { SimilarAtReview, SimilarIdea, SimilarList } from '#shared/schemas/search';
import { NotFoundError } from '../../lib/errors';
import { isPublic } from '../ideas';
import type { IdeaRecord, ProcessStore } from '../ports';
import { getProcess } from '../processes';
import { currentIdeas, type SearchDeps } from './idea-search';
import { areaNames } from './scope';
import type { SearchIndex } from './types';

export const SIMILAR_MAX = 5;
/** Ranked hits looked at for five similar ones: a long text matches many ideas on one common word. */
const CANDIDATES = 30;

/**
 * Similar public ideas while an author writes a new one (issue 18). Primary course:
 * 1. The process exists and is not archived (else 404, as no idea can be posted there).
 * 2. The warm index ranks the public ideas against the text (title and first sentence).
 * 3. Only close ones count (`isClose`): BM25 alone would offer any idea sharing one word of a long
 *    text, and five unrelated suggestions teach an author to ignore them.
 * 4. Those are read again consistently (never a hidden or held one), with their live votes.
 */
export async function similarIdeas(deps: SearchDeps & { processes: Pick<ProcessStore, 'get'> }, processId: string, text: string): Promise<SimilarList> {
  const process = await getProcess(deps.processes, processId);
  if (process.archivedAt !== undefined) throw new NotFoundError('Forløbet er arkiveret og modtager ikke idéer.');
  return { items: await similarTo(deps, process, text) };
}

/** The public ideas of a process close to a text, best first; `except` leaves one idea out (the one under review). */
export async function similarTo(deps: SearchDeps, process: Process, text: string, except?: string): Promise<SimilarIdea[]> {
  const index = await deps.search.index(process.id, 'ideas', areaNames(process));
  const close = [];
  const telling = tellingIn(index);
  for (const hit of index.search(text, (doc) => doc.kind === 'idea' && doc.id !== except && isPublic(doc)).slice(0, CANDIDATES)) {
    const doc = index.get(hit.id);
    if (!doc || doc.kind !== 'idea') continue;
    const highlight = index.highlight(doc, text, doc.body);
    if (isClose(highlight, telling)) close.push({ id: doc.id, highlight });
    // A few spare ones, in case the consistent read finds some of them no longer public.
    if (close.length === SIMILAR_MAX * 2) break;
  }
  const live = await currentIdeas(deps, close.map((c) => c.id));
  return close
    .flatMap(({ id, highlight }) => {
      const idea = live.get(id);
      if (!idea || idea.processId !== process.id || !isPublic(idea) || idea.id === except) return [];
      const { title, excerpt, area, status, voteCount, commentCount } = idea;
      return [{ id, title, excerpt, area, status: status as SimilarIdea['status'], voteCount, commentCount, highlight }];
    })
    .slice(0, SIMILAR_MAX);
}

/**
 * Close enough to suggest: a telling word of the text matched in the idea's title, or two different
 * telling words matched in its title or snippet. The engine never matches a stop word; `telling`
 * leaves out the words most ideas of the process share ("AI", "kommunen", "borgere"), which BM25
 * weighs little but which would otherwise pass a rule that counts words.
 */
export function isClose(highlight: Highlight, telling: (word: string) => boolean): boolean {
  const hitWords = (segments: Highlight['title']) => segments.filter((s) => s.hit).map((s) => s.text.toLocaleLowerCase('da')).filter(telling);
  if (hitWords(highlight.title).length) return true;
  return new Set([...hitWords(highlight.title), ...hitWords(highlight.snippet)]).size >= 2;
}

/**
 * A word is telling when at most a quarter of the process's ideas have it (or at most TELLING_FLOOR: in
 * a young process every word is). Counted by the index itself (its filter sees each document holding the word), once per word and request.
 */
const TELLING_SHARE = 0.25;
const TELLING_FLOOR = 3;

function tellingIn(index: SearchIndex): (word: string) => boolean {
  const limit = Math.max(TELLING_FLOOR, Math.floor(index.size * TELLING_SHARE));
  const known = new Map<string, boolean>();
  return (word) => {
    let telling = known.get(word);
    if (telling === undefined) {
      // The filter sees each document holding the word once; refusing them all skips scoring and sorting.
      let holding = 0;
      index.search(word, () => (holding++, false));
      known.set(word, (telling = holding <= limit));
    }
    return telling;
  };
}

/**
 * What a moderator sees about duplicates when reviewing an idea: the ideas its author was shown and
 * posted anyway (named only when they belong to the same process: the ids came from the author's
 * request), and the public ideas similar to its title and text now, itself left out.
 */
export async function similarAtReview(deps: SearchDeps & { processes: Pick<ProcessStore, 'get'> }, idea: IdeaRecord): Promise<SimilarAtReview> {
  const process = await getProcess(deps.processes, idea.processId);
  const shownIds = idea.similarShown ?? [];
  const [shown, similar] = await Promise.all([currentIdeas(deps, shownIds), similarTo(deps, process, `${idea.title}\n${idea.body}`, idea.id)]);
  const shownToAuthor = shownIds.flatMap((id) => {
    const other = shown.get(id);
    return other && other.processId === idea.processId ? [{ id, title: other.title }] : [];
  });
  return { shownToAuthor, similar };
}
