// use case --> (secondary adapter) --> SQS
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { MailMessage, MailQueue } from '../../domain/follows/digest-ports';
import { traced } from '../../lib/tracer';

/** SendMessageBatch takes at most ten messages. */
const BATCH = 10;

/**
 * The queue between the digest planner and the sender (cdk/constructs/digest-job.ts). Messages are
 * small JSON (ids, a period): the sender reads the inbox itself, so nothing personal waits in SQS.
 * An entry SQS refuses is an error: the planner's run fails and the next run plans it again.
 */
export function mailQueue(queueUrl: string, sqs = traced(new SQSClient({}))): MailQueue {
  return {
    async send(messages: MailMessage[]) {
      for (let i = 0; i < messages.length; i += BATCH) {
        const entries = messages.slice(i, i + BATCH).map((m, j) => ({ Id: String(j), MessageBody: JSON.stringify(m) }));
        const result = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
        if (result.Failed?.length) throw new Error(`SQS refused ${result.Failed.length} of ${entries.length} mail messages: ${result.Failed.map((f) => f.Code).join(', ')}`);
      }
    },
  };
}
