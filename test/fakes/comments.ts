import { isPublic } from '#functions/domain/ideas';
import type { CommentRecord, CommentStore, CommentThreadRecord } from '#functions/domain/ports';
import { ascending, descending, pageOf } from './cursor';
import { rateCheck } from './rate-limits';
import { copy, copyOrUndefined, type FakeTables } from './tables';

/**
 * Comments as `adapters/dynamodb/comments.ts` keeps them: a comment and its idea's counters change
 * together; a reply needs a visible top-level parent of the same idea; an edit is refused unless the
 * comment is still the author's, visible and inside the window; a delete leaves a placeholder with
 * nothing of its author.
 */
export function fakeCommentStore(tables: FakeTables): CommentStore {
  return {
    get: async (commentId) => copyOrUndefined(tables.comments.get(commentId)),

    async create(comment, limit, now) {
      const idea = tables.ideas.get(comment.ideaId);
      const rate = rateCheck(tables, comment.authorId, limit, now);
      const parent = comment.parentId ? tables.comments.get(comment.parentId) : undefined;
      const parentOk = !comment.parentId || (!!parent && parent.ideaId === comment.ideaId && !parent.parentId && parent.state === 'visible');
      // The idea is still public (the adapter's condition is its place on the public lists).
      if (!idea || !isPublic(idea)) return 'closed';
      if (!rate.ok) throw rate.refusal();
      if (!parentOk) return 'no-parent';
      if (tables.comments.has(comment.id)) throw new Error('comment id collision');
      tables.comments.set(comment.id, copy(comment));
      idea.commentCount += 1;
      idea.trendScore += comment.weight;
      rate.commit();
      return 'created';
    },

    async update(comment, change, editableAfter, now) {
      const stored = tables.comments.get(comment.id);
      if (!stored || stored.authorId !== comment.authorId || stored.state !== 'visible' || stored.createdAt < editableAfter) return 'refused';
      stored.body = change.body;
      stored.edited = true;
      stored.updatedAt = now.toISOString();
      if (change.stance) stored.stance = change.stance;
      if (change.stance === null) delete stored.stance;
      return copy(stored);
    },

    async remove(comment, now) {
      const stored = tables.comments.get(comment.id);
      const idea = tables.ideas.get(comment.ideaId);
      if (!stored || stored.state === 'deleted' || !idea) return false;
      const placeholder: Partial<CommentRecord> = { ...stored, state: 'deleted', updatedAt: now.toISOString() };
      for (const field of ['body', 'stance', 'authorId', 'authorName', 'authorType'] as const) delete placeholder[field];
      tables.comments.set(comment.id, placeholder as CommentRecord);
      tables.queue.delete(comment.id);
      idea.commentCount -= 1;
      idea.trendScore -= comment.weight ?? 0;
      return true;
    },

    async listThreads(ideaId, limit, cursor) {
      const ofIdea = [...tables.comments.values()].filter((c) => c.ideaId === ideaId);
      const threads = ofIdea.filter((c) => !c.parentId).sort(descending((c) => c.id));
      const page = pageOf(threads, limit, cursor, `comments:${ideaId}`);
      const replies = ofIdea.filter((c) => c.parentId).sort(ascending((c) => c.id));
      const items: CommentThreadRecord[] = page.items.map((t) => ({ ...copy(t), replies: replies.filter((r) => r.parentId === t.id).map(copy) }));
      return { items, nextCursor: page.nextCursor };
    },

    async idsBy(userId, ideaId) {
      return [...tables.comments.values()]
        .filter((c) => c.authorId === userId && c.ideaId === ideaId && c.state !== 'deleted')
        .sort(ascending((c) => c.id))
        .map((c) => c.id);
    },
  };
}
