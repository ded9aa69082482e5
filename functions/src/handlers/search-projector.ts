// (primary adapter: DynamoDB stream) --> domain/search/project --> adapters/dynamodb/search-docs
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { searchDocStore } from '../adapters/dynamodb/search-docs';
import { mainTable } from '../adapters/dynamodb/tables';
import { projectWrites, type ItemWrite } from '../domain/search/project';
import { createLogger } from '../lib/log';

/**
 * The search projector (issue 18): fed by the main table's stream (in AWS an event source mapping,
 * cdk/constructs/search-projector.ts; locally cdk/local/stream-poller.ts with this same code). Every
 * write to an idea or a comment, by whichever adapter, becomes the item's search document here. The
 * stream gives both images (NEW_AND_OLD_IMAGES): the old one tells a vote (nothing searchable changed,
 * nothing written) from an edit without a read, and names the process of a deleted item.
 * A failure reports the first record not stored (batchItemFailures): the stream tries again from there.
 */
let store: ReturnType<typeof searchDocStore> | undefined;

export async function handler(event: DynamoDBStreamEvent, context?: Partial<Context>): Promise<DynamoDBBatchResponse> {
  const log = createLogger({ job: 'search-projector', correlationId: context?.awsRequestId ?? crypto.randomUUID() });
  store ??= searchDocStore(documentClient(), tableName(mainTable));
  const writes = event.Records.flatMap(writeOf);
  const { retryFrom, applied } = await projectWrites(store, writes, new Date());
  if (retryFrom) {
    log.error('search documents not stored, the stream tries again', { retryFrom, records: event.Records.length });
    return { batchItemFailures: [{ itemIdentifier: retryFrom }] };
  }
  if (applied > 0) log.info('search documents stored', { applied, records: event.Records.length });
  return { batchItemFailures: [] };
}

function writeOf(record: DynamoDBRecord): ItemWrite[] {
  const stream = record.dynamodb;
  if (!stream?.SequenceNumber) return [];
  const image = (i: unknown) => (i ? unmarshall(i as Record<string, AttributeValue>) : undefined);
  return [{ sequenceNumber: stream.SequenceNumber, before: image(stream.OldImage), after: record.eventName === 'REMOVE' ? undefined : image(stream.NewImage) }];
}
