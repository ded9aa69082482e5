import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signUnsubscribe, verifyUnsubscribe } from '#functions/domain/follows/unsubscribe-token';
import { decisionEvent, replyEvent } from '#functions/domain/follows/record-events';
import { moderateIdea } from '#functions/domain/moderation';
import { createComment } from '#functions/domain/comments';
import type { CommentRecord, FollowEvent, IdeaRecord } from '#functions/domain/ports';
import { fakeWorld } from '../fakes';

/** The unsubscribe token (signed user and scope) and which follow events decisions and replies record. */
describe('unsubscribe token', () => {
  const key = randomBytes(32);

  it('round-trips the user and the scope', () => {
    expect(verifyUnsubscribe(key, signUnsubscribe(key, 'user-a', 'digest'))).toEqual({ userId: 'user-a', scope: 'digest' });
    expect(verifyUnsubscribe(key, signUnsubscribe(key, 'user-a', 'alerts'))).toEqual({ userId: 'user-a', scope: 'alerts' });
  });

  it('refuses another user’s id or another scope under the same signature, another key, and junk', () => {
    const token = signUnsubscribe(key, 'user-a', 'digest');
    const [, scope, mac] = token.split('.');
    const otherUser = `${Buffer.from('user-b').toString('base64url')}.${scope}.${mac}`;
    const otherScope = token.replace('.digest.', '.alerts.');
    expect(verifyUnsubscribe(key, otherUser)).toBeUndefined();
    expect(verifyUnsubscribe(key, otherScope)).toBeUndefined();
    expect(verifyUnsubscribe(randomBytes(32), token)).toBeUndefined();
    expect(verifyUnsubscribe(key, `${token}x`)).toBeUndefined();
    expect(verifyUnsubscribe(key, `${token}.extra`)).toBeUndefined();
    expect(verifyUnsubscribe(key, token.replace('.digest.', '.everything.'))).toBeUndefined();
    expect(verifyUnsubscribe(key, 'nonsense')).toBeUndefined();
  });
});

const idea = (overrides: Partial<IdeaRecord> = {}) => ({ id: 'idea-1', processId: 'p', title: 'Idéen', status: 'published', ...overrides }) as IdeaRecord;

describe('decisionEvent', () => {
  it('a status change, with the answer when one was given', () => {
    const event = decisionEvent(idea(), idea({ status: 'selected' }), { action: 'set-status', status: 'selected', officialAnswer: 'Ja tak' }, 'mod');
    expect(event).toEqual({ processId: 'p', target: 'idea', targetId: 'idea-1', title: 'Idéen', actorId: 'mod', kind: 'status', status: 'selected', text: 'Ja tak' });
  });

  it('an answer alone when the status stays; nothing for an unchanged answer, an emptied one, or a deadline', () => {
    const before = idea({ status: 'selected', officialAnswer: 'Første svar' });
    expect(decisionEvent(before, before, { action: 'set-status', status: 'selected', officialAnswer: 'Nyt svar' }, 'mod')).toMatchObject({ kind: 'answer', text: 'Nyt svar' });
    expect(decisionEvent(before, before, { action: 'set-status', status: 'selected', officialAnswer: 'Første svar' }, 'mod')).toBeUndefined();
    expect(decisionEvent(before, before, { action: 'set-status', status: 'selected', officialAnswer: '' }, 'mod')).toBeUndefined();
    expect(decisionEvent(before, before, { action: 'set-status', status: 'selected', answerDeadline: '2099-01-01' }, 'mod')).toBeUndefined();
  });

  it('a merge names the idea it went into; hiding, publishing and rejecting tell nobody', () => {
    expect(decisionEvent(idea(), idea({ status: 'merged' }), { action: 'merge', targetId: 'idea-2', reason: 'Samme' }, 'mod', { id: 'idea-2', title: 'Den anden' })).toMatchObject({
      kind: 'merged',
      relatedId: 'idea-2',
      relatedTitle: 'Den anden',
    });
    expect(decisionEvent(idea(), idea({ status: 'hidden' }), { action: 'hide', reason: 'x' }, 'mod')).toBeUndefined();
    expect(decisionEvent(idea({ status: 'pending' }), idea(), { action: 'publish' }, 'mod')).toBeUndefined();
  });
});

describe('replyEvent', () => {
  const comment = (authorId: string | undefined, body = 'Tekst') => ({ id: 'c', ideaId: 'idea-1', authorId, body }) as CommentRecord;
  it('tells the parent’s author, not oneself, not a deleted parent’s (no author)', () => {
    expect(replyEvent(idea(), comment('a'), comment('b', 'y'.repeat(500)))).toMatchObject({ kind: 'reply', toUserId: 'a', actorId: 'b', text: 'y'.repeat(300) });
    expect(replyEvent(idea(), comment('a'), comment('a'))).toBeUndefined();
    expect(replyEvent(idea(), comment(undefined), comment('b'))).toBeUndefined();
    expect(replyEvent(idea(), undefined, comment('b'))).toBeUndefined();
  });
});

describe('recording is best effort', () => {
  const failing = { record: async () => Promise.reject(new Error('DynamoDB er nede')), between: async () => [] };

  it('a decision stands and is answered when the event cannot be recorded; the failure is logged', async () => {
    const w = fakeWorld();
    const moderator = w.given.user('mod', ['moderator']);
    w.given.user('author');
    const target = w.given.idea({ status: 'published' });

    const result = await moderateIdea({ ...w.deps, followEvents: failing }, moderator, target.id, { action: 'set-status', status: 'selected' });

    expect(result.status).toBe('selected');
    expect(w.tables.ideas.get(target.id)!.status).toBe('selected');
    expect(w.deps.log.errors).toEqual([expect.objectContaining({ message: 'follow event not recorded' })]);
  });

  it('a decision records its event when the log works', async () => {
    const w = fakeWorld();
    const moderator = w.given.user('mod', ['moderator']);
    w.given.user('author');
    const target = w.given.idea({ status: 'published' });
    const recorded: FollowEvent[] = [];

    await moderateIdea({ ...w.deps, followEvents: { record: async (e) => void recorded.push(e), between: async () => [] } }, moderator, target.id, { action: 'set-status', status: 'selected' });

    expect(recorded).toEqual([expect.objectContaining({ kind: 'status', status: 'selected', targetId: target.id, actorId: 'mod' })]);
  });

  it('a reply is stored when its event cannot be recorded', async () => {
    const w = fakeWorld();
    const first = w.given.user('first');
    const second = w.given.user('second');
    const target = w.given.idea({ status: 'published' });
    const parent = await createComment(w.deps, first, target.id, { body: 'Første kommentar' });

    const reply = await createComment({ ...w.deps, followEvents: failing }, second, target.id, { body: 'Et svar', parentId: parent.id });

    expect(reply).toMatchObject({ parentId: parent.id, state: 'visible' });
    expect(w.deps.log.errors).toEqual([expect.objectContaining({ message: 'follow event not recorded', fields: expect.objectContaining({ kind: 'reply' }) })]);
  });
});
