// handler --> (use case) --> AssistedPersonStore, UserDataStore
import type { AssistedPersonData } from '#shared/schemas/assisted';
import type { Actor } from '../../lib/auth';
import { toDetail } from '../ideas';
import { assistantName, assistedAudit, personIn } from './acting-person';
import type { AssistedDeps } from './deps';
import { toPersonView } from './person-view';

/**
 * GDPR access for a citizen without an account: everything stored about them in the process (the
 * person record with contact details and consent, and what their identity wrote and voted, read
 * through the byUser index like a user's own export). The hand-over is audited ('assisted-export').
 * Survey answers are stored without the person (only that they answered), as for everyone.
 */
export async function exportAssistedPerson(deps: AssistedDeps, actor: Actor, processId: string, personId: string): Promise<AssistedPersonData> {
  const person = await personIn(deps, processId, personId);
  const name = await assistantName(deps, actor);
  const items = await deps.userData.itemsOf(person.userId);
  const now = deps.clock.now();
  await deps.persons.audit(assistedAudit(deps, { id: actor.userId, name }, now, { action: 'assisted-export', processId, targetId: person.id }));
  return {
    exportedAt: now.toISOString(),
    person: toPersonView(person, items),
    ideas: items.ideas.map(toDetail),
    comments: items.comments.map((c) => ({ id: c.id, ideaId: c.ideaId, ...(c.body !== undefined ? { body: c.body } : {}), state: c.state, createdAt: c.createdAt })),
    votes: items.votes.map((v) => ({ ideaId: v.ideaId, createdAt: v.createdAt })),
    surveyAnswered: items.surveysAnswered.includes(processId),
  };
}
