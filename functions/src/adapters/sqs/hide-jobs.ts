// use case --> (secondary adapter) --> SQS
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { HideJob, HideJobs } from '../../domain/moderation/hide-job';
import { traced } from '../../lib/tracer';

/**
 * The queue of blocks' "hide everything" jobs (cdk/constructs/hide-job.ts): one small message per
 * block (ids and the moderator's reason), read by handlers/hide-job.ts. A send SQS refuses fails the
 * block request (a 5xx after the block is stored; the moderator blocks again, which is idempotent).
 */
export function hideJobQueue(queueUrl: string, sqs = traced(new SQSClient({}))): HideJobs {
  return {
    async start(job: HideJob) {
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(job) }));
      return 'queued';
    },
  };
}
