import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { markTakenUpIdeas } from '#local/upgrade-taken-up';
import { keys } from '#functions/adapters/dynamodb/keys';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { decideOk } from '../helpers/moderation';
import type { User } from '../helpers/participation';
import { aRecommendation, createRecommendation, partition, processWithIdeas } from '../helpers/recommendations';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The idea page in one read (issue 19): a recommendation marks the ideas it takes up, so GET /ideas/{id}
 * reads the TAKENUP list only for a marked idea. The mark never shows, a hidden idea stays 404 even when
 * marked, and a TAKENUP item written without the mark (a store from before) shows once the backfill ran.
 */
const PID = 'idea-page-read';
let stack: TestStack;
let committee: User;
let moderator: User;
let ideas: string[];

beforeAll(async () => {
  stack = await testStack();
  const author = await stack.user({ name: 'Idéforfatter' });
  let admin: User;
  [committee, moderator, admin] = await Promise.all([stack.user({ role: 'committee' }), stack.user({ role: 'moderator' }), stack.user({ role: 'admin' })]);
  ideas = await processWithIdeas(stack, PID, admin, moderator, author, 3);
}, 120_000);
afterAll(() => stack?.stop());

const idea = async (id: string) => stack.api(`/ideas/${id}`);

describe('the idea page read', () => {
  it('marks the ideas a recommendation takes up, shows their list, and never shows the mark', async () => {
    const rec = await createRecommendation(stack, PID, committee, aRecommendation([ideas[0]!]));
    expect((await partition(stack, `IDEA#${ideas[0]}`, 'IDEA'))[0]?.takenUp).toBe(true);
    expect((await partition(stack, `IDEA#${ideas[1]}`, 'IDEA'))[0]?.takenUp).toBeUndefined();
    const taken = await idea(ideas[0]!);
    expect(taken.json.takenUpBy).toEqual([{ id: rec.id, title: rec.title, status: 'proposed' }]);
    expect(taken.json).not.toHaveProperty('takenUp');
    expect((await idea(ideas[1]!)).json.takenUpBy).toBeUndefined();
  });

  it('keeps a hidden idea 404 for the public, marked or not', async () => {
    await decideOk(stack, moderator.token, ideas[0]!, { action: 'hide', reason: 'Idéen indeholder personoplysninger.' });
    const hidden = await idea(ideas[0]!);
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.json)).not.toContain('takenUp');
  });

  it('shows a list written without the mark once the backfill has marked the idea', async () => {
    const client = createDocumentClient(stack.info.dynamodbEndpoint);
    const old = { id: '01JAAAAAAAAAAAAAAAAAAAAAAA', title: 'En anbefaling fra før mærket', status: 'adopted' };
    await client.send(new PutCommand({ TableName: mainTable.localName, Item: { ...keys.takenUp(ideas[2]!, old.id), type: 'takenUp', processId: PID, ...old } }));
    expect((await idea(ideas[2]!)).json.takenUpBy).toBeUndefined();
    expect(await markTakenUpIdeas(client, mainTable.localName)).toBeGreaterThanOrEqual(2);
    expect((await idea(ideas[2]!)).json.takenUpBy).toEqual([old]);
    // Run again: nothing changes, nothing fails.
    await markTakenUpIdeas(client, mainTable.localName);
    expect((await idea(ideas[2]!)).json.takenUpBy).toEqual([old]);
  });
});
