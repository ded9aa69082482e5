import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { liveRoundStore } from '#functions/adapters/dynamodb/live-rounds';

/** The answer's transaction as the store builds it, from a client that records what it is sent. */
function recording() {
  const sent: { input: any }[] = [];
  const client = { send: async (command: { input: unknown }) => (sent.push(command as { input: any }), {}) } as unknown as DynamoDBDocumentClient;
  return { store: liveRoundStore(client, 'tbl'), sent };
}

describe('liveRoundStore.answer', () => {
  it('puts every word through a placeholder, whatever it contains, and names only the maps it adds to', async () => {
    const { store, sent } = recording();
    const words = { 'a.b': 1, '#x': 1, 'to ord': 1, ':v': 1 };
    expect(await store.answer('R1', 'ord', 'HASH', { counts: {}, words })).toBe('recorded');
    const [marker, tally] = sent[0]!.input.TransactItems;
    expect(marker.Put).toMatchObject({ Item: { pk: 'LIVE#R1', sk: 'WHO#ord#HASH' }, ConditionExpression: 'attribute_not_exists(pk)' });
    const update = tally.Update;
    expect(update.Key).toEqual({ pk: 'LIVE#R1', sk: 'T#ord' });
    expect(update.UpdateExpression).toBe('ADD #n :one, #words.#w0 :one, #words.#w1 :one, #words.#w2 :one, #words.#w3 :one');
    expect(Object.values(update.ExpressionAttributeNames).sort()).toEqual(['#x', ':v', 'a.b', 'n', 'to ord', 'words'].sort());
    // Every name given is used (DynamoDB refuses unused ones), and no word is in the expression itself.
    for (const name of Object.keys(update.ExpressionAttributeNames)) expect(update.UpdateExpression).toContain(name);
    expect(update.UpdateExpression).toMatch(/^ADD #n :one(, #words\.#w\d+ :one)+$/);
  });

  it('counts of a choice or stances go to the counts map', async () => {
    const { store, sent } = recording();
    await store.answer('R1', 'udsagn', 'HASH', { counts: { 'p1:agree': 1, 'p2:neutral': 1 }, words: {} });
    const update = sent[0]!.input.TransactItems[1].Update;
    expect(update.UpdateExpression).toBe('ADD #n :one, #counts.#c0 :one, #counts.#c1 :one');
    expect(update.ExpressionAttributeNames).toEqual({ '#n': 'n', '#counts': 'counts', '#c0': 'p1:agree', '#c1': 'p2:neutral' });
  });
});
