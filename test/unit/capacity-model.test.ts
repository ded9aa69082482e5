import { createServer } from 'node:net';
import { DynamoDBClient, ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { Charges, price } from '../bench/capacity-charges';
import { capacityModel, fits, Ledger } from '../bench/capacity-model';

const T = mainTable.localName;
const charges = () => new Charges(new Map([[T, mainTable]]));
const one = (partition: string, wcu = 1) => [{ partition, wcu, rcu: 0 }];

describe('capacity model: the ledger', () => {
  it('refuses the 1,001st write unit in a second on one key, not another key, and not the next second', () => {
    const ledger = new Ledger();
    for (let i = 0; i < 1000; i++) expect(ledger.admit(one('t|A'), 5_000 + (i % 1000))).toEqual(new Set());
    expect(ledger.admit(one('t|A'), 5_999)).toEqual(new Set(['t|A']));
    expect(ledger.admit(one('t|B'), 5_999)).toEqual(new Set());
    expect(ledger.admit(one('t|A'), 6_000)).toEqual(new Set());
  });

  it('refuses reads over 3,000 units a second, and a request is charged whole or not at all', () => {
    const ledger = new Ledger();
    for (let i = 0; i < 6000; i++) expect(ledger.admit([{ partition: 't|A', wcu: 0, rcu: 0.5 }], 1_000).size).toBe(0);
    expect(ledger.admit([{ partition: 't|A', wcu: 0, rcu: 0.5 }], 1_000)).toEqual(new Set(['t|A']));
    expect(ledger.admit(one('t|A'), 1_000).size).toBe(0);
    // Refused because of C: B's unit is not spent either.
    ledger.admit(one('t|C', 1000), 1_000);
    ledger.admit(one('t|B', 999), 1_000);
    expect(ledger.admit([...one('t|C'), ...one('t|B')], 1_000)).toEqual(new Set(['t|C']));
    expect(ledger.admit(one('t|B'), 1_000).size).toBe(0);
  });
});

describe('capacity model: a batch', () => {
  it('lets through the requests that fit, in order, and leaves the rest unprocessed', () => {
    const ledger = new Ledger();
    ledger.admit([{ partition: 't|A', wcu: 0, rcu: 2999 }], 7_000);
    const read = (p: string) => [{ partition: p, wcu: 0, rcu: 0.5 }];
    expect(fits(ledger, [read('t|A'), read('t|A'), read('t|A'), read('t|B')], 7_000)).toEqual([true, true, false, true]);
    // A trial spends nothing.
    expect(fits(ledger, [read('t|A')], 7_000)).toEqual([true]);
  });
});

describe('capacity model: what a request costs', () => {
  const vote = { pk: 'IDEA#i#V3', sk: 'VOTE#u', type: 'vote', userId: 'u', gsiUser: 'USER#u', gsiUserSk: 'VOTE#i' };

  it('charges a write 1 unit per KB rounded up, and the byUser index partition it lands in', () => {
    const big = marshall({ ...vote, text: 'x'.repeat(1500) });
    const { groups } = price('PutItem', { TableName: T, Item: big }, charges())!;
    expect(groups).toEqual([[{ partition: `${T}|IDEA#i#V3`, wcu: 2, rcu: 0 }, { partition: `${T}/byUser|USER#u`, wcu: 2, rcu: 0 }]]);
  });

  it('charges every item of a transaction twice, the condition check too, and the index writes once', () => {
    const input = {
      TransactItems: [
        { Put: { TableName: T, Item: marshall(vote) } },
        { ConditionCheck: { TableName: T, Key: marshall({ pk: 'IDEA#i', sk: 'IDEA' }), ConditionExpression: 'attribute_exists(pk)' } },
      ],
    };
    const { groups } = price('TransactWriteItems', input, charges())!;
    expect(groups).toEqual([
      [{ partition: `${T}|IDEA#i#V3`, wcu: 2, rcu: 0 }, { partition: `${T}/byUser|USER#u`, wcu: 1, rcu: 0 }],
      [{ partition: `${T}|IDEA#i`, wcu: 2, rcu: 0 }],
    ]);
  });

  it('charges an update of a known item to the list index whose sort key it changes', () => {
    const c = charges();
    c.learn(T, marshall({ pk: 'IDEA#i', sk: 'IDEA', gsiList: 'PROC#p', voteCount: 1, createdAt: 'x', trendScore: 1 }));
    const update = { TableName: T, Key: marshall({ pk: 'IDEA#i', sk: 'IDEA' }), UpdateExpression: 'ADD voteCount :one', ExpressionAttributeValues: marshall({ ':one': 1 }) };
    const partitions = price('UpdateItem', update, c)!.groups[0]!.map((g) => g.partition);
    expect(partitions).toEqual([`${T}|IDEA#i`, `${T}/listTop|PROC#p`]);
  });

  it('reads eventually consistent at half a unit, consistent at one, the partition from the key condition', () => {
    const q = { TableName: T, KeyConditionExpression: '#p = :p AND begins_with(sk, :s)', ExpressionAttributeNames: { '#p': 'pk' }, ExpressionAttributeValues: marshall({ ':p': 'IDEA#i#V0', ':s': 'VOTE#' }) };
    expect(price('Query', q, charges())!.groups).toEqual([[{ partition: `${T}|IDEA#i#V0`, wcu: 0, rcu: 0.5 }]]);
    expect(price('Query', { ...q, ConsistentRead: true }, charges())!.groups).toEqual([[{ partition: `${T}|IDEA#i#V0`, wcu: 0, rcu: 1 }]]);
  });
});

describe('capacity model on a client', () => {
  it('answers ProvisionedThroughputExceeded (retried by the SDK) and cancels a transaction with ThrottlingError, without sending', async () => {
    // A loopback port nobody listens on: an admitted call goes to the wire and fails there (ECONNREFUSED),
    // so a throttle can only come from the model.
    const port = await closedPort();
    const client = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'eu-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 2 }),
    );
    const model = capacityModel(client, { now: () => 42_000, limits: { wcu: 2, rcu: 3 } });
    model.on();
    const put = (pk: string) => client.send(new PutCommand({ TableName: T, Item: { pk, sk: 'X' } }));
    // Admitted: both of the SDK's attempts go to the wire, and each is charged (2 of A's 2 units).
    await expect(put('A')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const refused = await put('A').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProvisionedThroughputExceededException);
    expect(refused).toMatchObject({ $metadata: { httpStatusCode: 400, attempts: 2 } });
    await expect(put('B')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    const tx = await client
      .send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: T, Item: { pk: 'C', sk: 'X' } } }, { Put: { TableName: T, Item: { pk: 'A', sk: 'Y' } } }] }))
      .catch((e: unknown) => e);
    expect(tx).toBeInstanceOf(TransactionCanceledException);
    expect((tx as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual(['None', 'ThrottlingError']);
    expect(model.stats()).toMatchObject({ accepted: 4, throttledByCommand: { PutItem: 2, TransactWriteItems: 1 } });

    model.off();
    await expect(put('A')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
