import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { transact, type TransactItems } from '#functions/adapters/dynamodb/transactions';
import { ServiceUnavailableError } from '#functions/lib/errors';

/** `transact` with a fake client: what it retries, what it returns and what it throws. */

const items: TransactItems = [
  { Put: { TableName: 't', Item: { pk: 'IDEA#1', sk: 'VOTE#u' }, ConditionExpression: 'attribute_not_exists(pk)' } },
  { Update: { TableName: 't', Key: { pk: 'IDEA#1', sk: 'IDEA' }, UpdateExpression: 'ADD voteCount :one', ExpressionAttributeValues: { ':one': 1 } } },
  { Update: { TableName: 't', Key: { pk: 'RATE#u', sk: 'vote#0' }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': 1 } } },
];

const cancelled = (...codes: (string | undefined)[]) =>
  new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
    $metadata: {},
    CancellationReasons: codes.map((Code) => (Code ? { Code } : {})),
  });

/** A client whose `send` answers each call with the next outcome: an error to throw, or success. */
function fakeClient(...outcomes: (Error | 'ok')[]) {
  const send = vi.fn(async (_command: unknown) => {
    const next = outcomes.length > 1 ? outcomes.shift()! : outcomes[0]!;
    if (next === 'ok') return {};
    throw next;
  });
  return { client: { send } as unknown as DynamoDBDocumentClient, send };
}

const recordingSleep = () => {
  const delays: number[] = [];
  return { delays, sleep: vi.fn(async (ms: number) => void delays.push(ms)) };
};

afterEach(() => vi.restoreAllMocks());

describe('transact', () => {
  it('sends the items as one TransactWriteItems and answers ok', async () => {
    const { client, send } = fakeClient('ok');
    const { sleep } = recordingSleep();

    expect(await transact(client, items, sleep)).toEqual({ ok: true });

    expect(send).toHaveBeenCalledTimes(1);
    const command = send.mock.calls[0]![0];
    expect(command).toBeInstanceOf(TransactWriteCommand);
    expect((command as TransactWriteCommand).input.TransactItems).toEqual(items);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('retries a TransactionConflict after a backoff sleep, and then succeeds', async () => {
    const { client, send } = fakeClient(cancelled('None', 'TransactionConflict', 'None'), cancelled('TransactionConflict', 'None', 'None'), 'ok');
    const { sleep, delays } = recordingSleep();

    expect(await transact(client, items, sleep)).toEqual({ ok: true });

    expect(send).toHaveBeenCalledTimes(3);
    expect(delays).toHaveLength(2);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(0);
    for (const d of delays) expect(d).toBeLessThanOrEqual(1000);
  });

  it('retries a ThrottlingError in a cancellation the same way', async () => {
    const { client, send } = fakeClient(cancelled('ThrottlingError', 'None', 'None'), 'ok');
    const { sleep } = recordingSleep();
    expect(await transact(client, items, sleep)).toEqual({ ok: true });
    expect(send).toHaveBeenCalledTimes(2);
    expect(sleep).toHaveBeenCalledTimes(1);
  });

  it('retries when a conflict and a condition failure come together (the conflict leaves the outcome open)', async () => {
    const { client, send } = fakeClient(cancelled('ConditionalCheckFailed', 'TransactionConflict', 'None'), 'ok');
    const { sleep } = recordingSleep();
    expect(await transact(client, items, sleep)).toEqual({ ok: true });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('gives up after 10 attempts with a 503 ServiceUnavailableError', async () => {
    const { client, send } = fakeClient(cancelled('None', 'TransactionConflict', 'None'));
    const { sleep, delays } = recordingSleep();
    // The largest jitter, so the delays show the backoff's growth and its cap.
    vi.spyOn(Math, 'random').mockReturnValue(0.999);

    const failure = await transact(client, items, sleep).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(failure).toBeInstanceOf(ServiceUnavailableError);
    expect(failure).toMatchObject({ status: 503, headers: { 'retry-after': expect.any(String) } });
    expect(send).toHaveBeenCalledTimes(10);
    // A sleep between attempts, none after the last.
    expect(delays).toHaveLength(9);
    for (const [i, d] of delays.entries()) {
      expect(d).toBeGreaterThan(0);
      expect(d).toBeLessThanOrEqual(1000);
      if (i > 0) expect(d).toBeGreaterThanOrEqual(delays[i - 1]!);
    }
    expect(delays[8]!).toBeGreaterThan(delays[0]! * 10);
  });

  it('returns which items failed their condition, without retrying', async () => {
    const { client, send } = fakeClient(cancelled('ConditionalCheckFailed', 'None', 'ConditionalCheckFailed'));
    const { sleep } = recordingSleep();

    expect(await transact(client, items, sleep)).toEqual({ ok: false, failed: [true, false, true] });
    expect(send).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('reads a reason without a code as no failure', async () => {
    const { client } = fakeClient(cancelled(undefined, 'ConditionalCheckFailed', undefined));
    expect(await transact(client, items, recordingSleep().sleep)).toEqual({ ok: false, failed: [false, true, false] });
  });

  it('rethrows other cancellations and other errors unchanged, without retrying', async () => {
    const others: Error[] = [
      cancelled('ValidationError', 'None', 'None'),
      new TransactionCanceledException({ message: 'no reasons', $metadata: {} }),
      new ConditionalCheckFailedException({ message: 'not a transaction error', $metadata: {} }),
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    ];
    for (const error of others) {
      const { client, send } = fakeClient(error);
      const { sleep } = recordingSleep();
      await expect(transact(client, items, sleep)).rejects.toBe(error);
      expect(send).toHaveBeenCalledTimes(1);
      expect(sleep).not.toHaveBeenCalled();
    }
  });
});
