// (primary adapter: DynamoDB stream) --> adapters/dynamodb/vote-counter (fold)
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { mainTable } from '../adapters/dynamodb/tables';
import { foldIdea } from '../adapters/dynamodb/vote-counter';
import { createLogger } from '../lib/log';

/**
 * The vote fold (issue 19): fed by the main table's stream with the writes of counter shards only (type
 * voteShard; in AWS the event source mapping of cdk/constructs/search-projector.ts, locally
 * cdk/local/stream-poller.ts with this same code). A viral idea's votes move its shards, not its item;
 * here each idea named in the batch is folded once (however many of its shard writes the batch holds):
 * voteCount = voteBase + Σ shards, read consistently, written only if newer than the last fold. So the
 * idea's public count and the "top" index (sorted by voteCount) follow within a batch's delay.
 * A failure reports the first record of the first idea not folded: the stream tries again from there,
 * and folding again is harmless.
 */
let client: ReturnType<typeof documentClient> | undefined;

export async function handler(event: DynamoDBStreamEvent, context?: Partial<Context>): Promise<DynamoDBBatchResponse> {
  const log = createLogger({ job: 'vote-fold', correlationId: context?.awsRequestId ?? crypto.randomUUID() });
  client ??= documentClient();
  const table = tableName(mainTable);
  // Each idea once, remembered with its first record in this batch (where a retry has to start).
  const firstRecord = new Map<string, string>();
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
    const ideaId = image ? (unmarshall(image as Record<string, AttributeValue>).ideaId as string | undefined) : undefined;
    const seq = record.dynamodb?.SequenceNumber;
    if (ideaId && seq && !firstRecord.has(ideaId)) firstRecord.set(ideaId, seq);
  }
  let folded = 0;
  for (const [ideaId, seq] of firstRecord) {
    try {
      if ((await foldIdea(client, table, ideaId)).folded) folded++;
    } catch (error) {
      log.error('vote fold failed, the stream tries again', { ideaId, error: (error as Error).message });
      return { batchItemFailures: [{ itemIdentifier: seq }] };
    }
  }
  if (folded > 0) log.info('vote counts folded', { folded, ideas: firstRecord.size, records: event.Records.length });
  return { batchItemFailures: [] };
}
