import type { IdeaRecord } from '#functions/domain/ports';
import type { FakeTables } from './tables';

/**
 * Puts an idea in the moderation queue its state calls for, or takes it out: pending ideas wait for
 * approval; ideas held after flags wait in "flagged" until a decision takes them off (hidden,
 * rejected) or back (restored). The adapter derives the same from the state in `ideaIndexAttributes`.
 */
export function syncIdeaQueue(tables: FakeTables, idea: IdeaRecord, queuedAt: string): void {
  const kind = idea.status === 'pending' ? 'pending' : idea.held && idea.status !== 'rejected' && idea.status !== 'hidden' ? 'flagged' : undefined;
  if (kind) tables.queue.set(idea.id, { kind, target: 'idea', processId: idea.processId, queuedAt });
  else tables.queue.delete(idea.id);
}
