// handler --> (use case) --> the ordinary use cases under the citizen's identity --> AssistedPersonStore (code + audit)
import type { AssistedChannel } from '#shared/rules/assisted';
import type { AssistedAnswer, AssistedComment, AssistedIdea, Receipt } from '#shared/schemas/assisted';
import type { Comment } from '#shared/schemas/comment';
import type { IdeaDetail } from '#shared/schemas/idea';
import type { VoteState } from '#shared/schemas/vote';
import type { Actor } from '../../lib/auth';
import { NotFoundError } from '../../lib/errors';
import { createComment } from '../comments';
import { createIdea } from '../ideas';
import { ideaLink } from '../links';
import { getProcess } from '../processes';
import { answerSurvey } from '../survey/answer';
import { unvote, vote } from '../votes';
import { assistantName, assistedAudit, citizenActor, unclaimedPersonIn } from './acting-person';
import type { AssistedDeps } from './deps';
import type { AssistedPersonRecord } from './ports';
import { commentExcerpt, issueReceipt, processLink } from './receipts';

/**
 * The assistant's acts for a citizen. Each one, in this order:
 * 1. The person is this process's (404: another process's person is never acted on) and has not
 *    claimed their contributions into an account (409 assisted-claimed).
 * 2. The assistant has a profile (their name goes on the audit entry); the site's address is known
 *    (a receipt's links are absolute). Both are read before anything is written.
 * 3. The ORDINARY use case runs under the citizen's identity (citizenActor): every rule holds as for
 *    anyone (the phase, one vote per person and the process's vote rule, rate limits, a block,
 *    pre-moderation), and the channel is recorded on what it writes. A refusal there writes nothing.
 * 4. The audit entry (with a new claim code's hash, for an idea, comment or answer) and the receipt.
 */
interface Acting {
  person: AssistedPersonRecord;
  citizen: Actor;
  assistant: { id: string; name: string };
  site: string;
}

async function acting(deps: AssistedDeps, actor: Actor, processId: string, personId: string, channel: AssistedChannel): Promise<Acting> {
  const person = await unclaimedPersonIn(deps, processId, personId);
  const [name, site] = await Promise.all([assistantName(deps, actor), deps.siteUrl()]);
  return { person, citizen: citizenActor(person, actor, name, channel), assistant: { id: actor.userId, name }, site };
}

/** An idea for the citizen (it may name the event it came up at; its channel stays the assistant's). */
export async function assistedIdea(deps: AssistedDeps, actor: Actor, processId: string, personId: string, input: AssistedIdea): Promise<{ idea: IdeaDetail; receipt: Receipt }> {
  const { channel, ...idea } = input;
  const a = await acting(deps, actor, processId, personId, channel);
  const created = await createIdea(deps, a.citizen, processId, idea);
  const now = deps.clock.now();
  const process = await getProcess(deps.processes, processId);
  const audit = assistedAudit(deps, a.assistant, now, {
    action: 'assisted-idea', processId, targetId: a.person.id, channel, ideaId: created.id,
    after: { kind: 'idea', status: created.status, held: false },
  });
  const receipt = await issueReceipt(deps, {
    person: a.person, process, channel, now, site: a.site, followUrl: ideaLink(a.site, created), audit,
    items: [{ kind: 'idea', ideaId: created.id, title: created.title, pending: created.status === 'pending' }],
  });
  return { idea: created, receipt };
}

/**
 * A vote (or its withdrawal) for the citizen. The idea must be of the person's own process (404):
 * their identity is one per process, and so is their vote rule. A repeat (already voted, or nothing
 * to withdraw) answers the same state and writes nothing, not even an audit entry. No receipt: the
 * assistant prints one with assistedReceipt after the votes.
 */
export async function assistedVote(deps: AssistedDeps, actor: Actor, processId: string, personId: string, ideaId: string, channel: AssistedChannel, withdraw = false): Promise<{ vote: VoteState }> {
  const a = await acting(deps, actor, processId, personId, channel);
  const idea = await deps.ideas.get(ideaId);
  if (!idea || idea.processId !== processId) throw new NotFoundError('Idéen findes ikke i dette forløb.');
  const hadVoted = (await deps.votes.votedAmong(a.citizen.userId, [ideaId])).includes(ideaId);
  const state = withdraw ? await unvote(deps, a.citizen, ideaId) : await vote(deps, a.citizen, ideaId);
  if (hadVoted !== state.voted) {
    const now = deps.clock.now();
    await deps.persons.audit(assistedAudit(deps, a.assistant, now, { action: withdraw ? 'assisted-unvote' : 'assisted-vote', processId, targetId: a.person.id, channel, ideaId }));
  }
  return { vote: state };
}

/** A comment (or a reply) for the citizen on an idea of the person's own process (404 otherwise). */
export async function assistedComment(deps: AssistedDeps, actor: Actor, processId: string, personId: string, input: AssistedComment): Promise<{ comment: Comment; receipt: Receipt }> {
  const { channel, ideaId, ...comment } = input;
  const a = await acting(deps, actor, processId, personId, channel);
  const idea = await deps.ideas.get(ideaId);
  if (!idea || idea.processId !== processId) throw new NotFoundError('Idéen findes ikke i dette forløb.');
  const created = await createComment(deps, a.citizen, ideaId, comment);
  const now = deps.clock.now();
  const process = await getProcess(deps.processes, processId);
  const audit = assistedAudit(deps, a.assistant, now, {
    action: 'assisted-comment', processId, targetId: a.person.id, channel, ideaId,
    after: { kind: 'comment', state: created.state },
  });
  const receipt = await issueReceipt(deps, {
    person: a.person, process, channel, now, site: a.site, followUrl: ideaLink(a.site, idea), audit,
    items: [{ kind: 'comment', ideaId, ideaTitle: idea.title, excerpt: commentExcerpt(comment.body) }],
  });
  return { comment: created, receipt };
}

/** The process's survey, answered once for the citizen (a second answer is 409 already-answered, nothing written). */
export async function assistedSurveyAnswer(
  deps: AssistedDeps, actor: Actor, processId: string, personId: string, input: AssistedAnswer,
): Promise<{ answered: true; day: string; receipt: Receipt }> {
  const { channel, ...answer } = input;
  const a = await acting(deps, actor, processId, personId, channel);
  const result = await answerSurvey(deps, processId, { userId: a.citizen.userId, channel }, answer, deps.clock.now());
  const now = deps.clock.now();
  const process = await getProcess(deps.processes, processId);
  const audit = assistedAudit(deps, a.assistant, now, { action: 'assisted-answer', processId, targetId: a.person.id, channel });
  const receipt = await issueReceipt(deps, {
    person: a.person, process, channel, now, site: a.site, followUrl: processLink(a.site, processId), audit,
    items: [{ kind: 'survey', day: result.day }],
  });
  return { ...result, receipt };
}
