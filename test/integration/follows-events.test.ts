import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followEventLog } from '#functions/adapters/dynamodb/follow-events';
import { commentMaker, ideaMaker, PROCESS, table, type User } from '../helpers/participation';
import { register } from '../helpers/assisted-persons';
import { decideOk } from '../helpers/moderation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * What followers are told is recorded where it happens (FEED#<processId>), after the change is stored:
 * a moderator's new status (with the answer), an answer alone, a merge naming where the idea went,
 * and a reply, for the author of the comment replied to only.
 */
let stack: TestStack;
let db: ReturnType<typeof table>;
let newIdea: ReturnType<typeof ideaMaker>;
let comment: ReturnType<typeof commentMaker>;
let moderator: User;

beforeAll(async () => {
  stack = await testStack();
  db = table(stack);
  newIdea = ideaMaker(stack);
  comment = commentMaker(stack);
  moderator = await stack.user({ role: 'moderator', name: 'Moderator' });
}, 90_000);
afterAll(() => stack?.stop());

/** The process's events about one idea, oldest first. */
const eventsOf = async (ideaId: string) => {
  const all = await followEventLog(db.client, db.TableName).between(PROCESS, undefined, '~');
  return all.filter((e) => e.targetId === ideaId);
};

describe('moderators’ decisions', () => {
  it('a new status is recorded with the answer given; an answer alone as an answer; a deadline alone tells nothing', async () => {
    const { id } = await newIdea({ title: 'Idé der får ny status' });
    await decideOk(stack, moderator.token, id, { action: 'set-status', status: 'under_review' });
    await decideOk(stack, moderator.token, id, { action: 'set-status', status: 'selected', officialAnswer: 'Udvalget tager den med i anbefalingerne.' });
    await decideOk(stack, moderator.token, id, { action: 'set-status', status: 'selected', officialAnswer: 'Udvalget har nu svaret mere udførligt.' });
    await decideOk(stack, moderator.token, id, { action: 'set-status', status: 'selected', answerDeadline: '2099-06-30' });
    const events = await eventsOf(id);
    expect(events.map((e) => e.kind)).toEqual(['status', 'status', 'answer']);
    expect(events[0]).toMatchObject({ processId: PROCESS, target: 'idea', title: 'Idé der får ny status', status: 'under_review', actorId: moderator.userId });
    expect(events[0]!.text).toBeUndefined();
    expect(events[1]).toMatchObject({ status: 'selected', text: 'Udvalget tager den med i anbefalingerne.' });
    expect(events[2]).toMatchObject({ kind: 'answer', text: 'Udvalget har nu svaret mere udførligt.' });
    expect(events.every((e) => e.id && e.at)).toBe(true);
  });

  it('a merge is recorded on the merged idea with the idea it went into; hiding tells nobody', async () => {
    const { id: merged } = await newIdea({ title: 'Idé der lægges sammen' });
    const { id: into } = await newIdea({ title: 'Idé der samler dem' });
    await decideOk(stack, moderator.token, merged, { action: 'merge', targetId: into, reason: 'Samme forslag' });
    expect(await eventsOf(merged)).toEqual([expect.objectContaining({ kind: 'merged', title: 'Idé der lægges sammen', relatedId: into, relatedTitle: 'Idé der samler dem' })]);
    const { id: hidden } = await newIdea();
    await decideOk(stack, moderator.token, hidden, { action: 'hide', reason: 'Skjult i testen' });
    expect(await eventsOf(hidden)).toEqual([]);
  });
});

describe('replies', () => {
  it('a reply is recorded for the parent comment’s author only; a reply to oneself and a top-level comment are not', async () => {
    const { id } = await newIdea({ title: 'Idé med en samtale' });
    const [first, second] = await Promise.all([stack.user({ name: 'Første' }), stack.user({ name: 'Anden' })]);
    const top = await comment(id, 'Hvad med databeskyttelsen?', first);
    await comment(id, { body: 'Jeg svarer lige mig selv', parentId: top.id }, first);
    const long = `Den er tænkt ind fra start. ${'x'.repeat(400)}`;
    const reply = await comment(id, { body: long, parentId: top.id }, second);
    const events = await eventsOf(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'reply', target: 'idea', targetId: id, title: 'Idé med en samtale', toUserId: first.userId, actorId: second.userId });
    expect(events[0]!.text).toBe(long.slice(0, 300));
    expect(reply.parentId).toBe(top.id);
  });

  it('a reply an assistant types for a citizen is recorded for the parent comment’s author, as one on the web', async () => {
    const { id } = await newIdea({ title: 'Idé med et svar fra Borgerservice' });
    const [author, assistant] = await Promise.all([stack.user({ name: 'Spørger' }), stack.user({ role: 'assistant', name: 'Bente fra Borgerservice' })]);
    const top = await comment(id, 'Kan man få hjælp på telefonen?', author);
    const personId = await register(stack, PROCESS, assistant, { name: 'Else Madsen' });
    const r = await stack.api(`/processes/${PROCESS}/assisted/persons/${personId}/comments`, {
      method: 'POST',
      token: assistant.token,
      body: { ideaId: id, parentId: top.id, body: 'Ja, ring til Borgerservice.', channel: 'assisted-phone' },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const events = await eventsOf(id);
    expect(events).toEqual([expect.objectContaining({ kind: 'reply', toUserId: author.userId, actorId: `assisted-${personId}`, text: 'Ja, ring til Borgerservice.' })]);
  });
});
