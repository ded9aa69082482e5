import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { myDataExportSchema, myIdeaListSchema } from '#shared/schemas/me';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { signIn } from '#local/users';
import { validIdea } from '../fixtures/ideas';
import { testStack, type TestStack } from '../helpers/stack';

const P = '/processes/ai-i-gentofte';
let stack: TestStack;

beforeAll(async () => {
  stack = await testStack();
});
afterAll(() => stack?.stop());

/** Everything the byUser index still holds for a user id. */
async function itemsOf(userId: string) {
  const { Items } = await createDocumentClient(stack.info.dynamodbEndpoint).send(
    new QueryCommand({ TableName: mainTable.localName, IndexName: 'byUser', KeyConditionExpression: 'gsiUser = :u', ExpressionAttributeValues: { ':u': `USER#${userId}` } }),
  );
  return Items ?? [];
}

describe('my ideas', () => {
  it('lists only my own ideas, newest first, with paging', async () => {
    const me = await stack.user();
    const other = await stack.user();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await stack.api(`${P}/ideas`, { method: 'POST', token: me.token, body: validIdea({ title: `Min idé nummer ${i}` }) })).json.id);
    await stack.api(`${P}/ideas`, { method: 'POST', token: other.token, body: validIdea() });

    const first = myIdeaListSchema.parse((await stack.api('/me/ideas?limit=2', { token: me.token })).json);
    expect(first.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const second = myIdeaListSchema.parse((await stack.api(`/me/ideas?limit=2&cursor=${first.nextCursor}`, { token: me.token })).json);
    expect(second.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    expect((await stack.api('/me/ideas')).status).toBe(401);
  });
});

describe('export and erasure', () => {
  it('exports everything about me, then deletes it, keeping others’ content and exact counts', async () => {
    const me = await stack.user({ name: 'Sletmig Jensen', type: 'business' });
    const other = await stack.user({ name: 'Anden Bruger' });
    const mine = (await stack.api(`${P}/ideas`, { method: 'POST', token: me.token, body: validIdea({ title: 'Min idé om AI i skolen' }) })).json;
    const theirs = (await stack.api(`${P}/ideas`, { method: 'POST', token: other.token, body: validIdea({ title: 'En andens idé om AI' }) })).json;
    expect((await stack.api(`/ideas/${theirs.id}/vote`, { method: 'PUT', token: me.token })).json).toEqual({ voteCount: 1, voted: true });
    await stack.api(`/ideas/${mine.id}/vote`, { method: 'PUT', token: other.token });
    const comment = (await stack.api(`/ideas/${theirs.id}/comments`, { method: 'POST', token: me.token, body: { body: 'Min kommentar' } })).json;
    const reply = (await stack.api(`/ideas/${theirs.id}/comments`, { method: 'POST', token: other.token, body: { body: 'Et svar', parentId: comment.id } })).json;
    expect((await stack.api(`/ideas/${theirs.id}/flags`, { method: 'POST', token: me.token, body: { reason: 'off_topic' } })).status).toBe(201);

    const exported = await stack.api('/me/export', { token: me.token });
    expect(exported.status).toBe(200);
    const data = myDataExportSchema.parse(exported.json);
    expect(data.profile).toMatchObject({ displayName: 'Sletmig Jensen', participantType: 'business', email: me.email });
    expect(data.ideas.map((i) => i.id)).toEqual([mine.id]);
    expect(data.comments.map((c) => c.body)).toEqual(['Min kommentar']);
    expect(data.votes.map((v) => v.ideaId)).toEqual([theirs.id]);
    expect(data.flags).toEqual([expect.objectContaining({ ideaId: theirs.id, reason: 'off_topic' })]);

    expect((await stack.api('/me', { method: 'DELETE', token: me.token })).status).toBe(204);

    // Nothing links to the user any more, and the sign-in is gone.
    expect(await itemsOf(me.userId)).toEqual([]);
    await expect(signIn(stack.stack.pool, me.email, me.password)).rejects.toThrow();
    // My idea stays, without my name, with the other user's vote; their idea lost my vote exactly.
    expect((await stack.api(`/ideas/${mine.id}`)).json).toMatchObject({ authorName: 'Tidligere deltager', voteCount: 1 });
    expect((await stack.api(`/ideas/${theirs.id}`)).json).toMatchObject({ voteCount: 0, commentCount: 1 });
    // My comment is a placeholder without author; the reply to it is still there.
    const threads = (await stack.api(`/ideas/${theirs.id}/comments`)).json.items;
    expect(threads).toEqual([
      expect.objectContaining({ id: comment.id, state: 'deleted', replies: [expect.objectContaining({ id: reply.id, body: 'Et svar' })] }),
    ]);
    expect(threads[0]).not.toHaveProperty('authorName');
    expect(JSON.stringify(threads)).not.toContain('Sletmig');
  });
});
