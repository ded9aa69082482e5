// (primary adapter: SQS) --> domain/moderation/hide-job --> adapters/dynamodb, adapters/ses
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod';
import { runHideJob } from '../domain/moderation/hide-job';
import { createLogger } from '../lib/log';
import { moderationBase } from './moderation-wiring';

/**
 * The worker of blocks' "hide everything" (cdk/constructs/hide-job.ts), fed by the queue the block
 * request writes to. Each record is one block; the job is idempotent (domain/moderation/hide-job.ts),
 * so a redelivery hides nothing twice. A record that fails (DynamoDB down, a message that does not
 * parse) is returned in batchItemFailures, so SQS tries only it again, and after three tries it waits
 * in the dead-letter queue (an alarm watches the worker's errors).
 */
const jobSchema = z.object({ userId: z.string().min(1).max(128), actorId: z.string().min(1).max(128), reason: z.string().min(1).max(2000), blockedAt: z.string() }).strict();

export async function handler(event: SQSEvent, context?: Partial<Context>): Promise<SQSBatchResponse> {
  const log = createLogger({ job: 'hide-job', correlationId: context?.awsRequestId ?? crypto.randomUUID() });
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const job = jobSchema.parse(JSON.parse(record.body));
      const result = await runHideJob({ ...moderationBase, log }, job);
      log.info('hide job done', { messageId: record.messageId, userId: job.userId, actorId: job.actorId, ...result });
    } catch (error) {
      log.error('hide job failed, SQS tries again', { messageId: record.messageId, reason: (error as Error).message });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
