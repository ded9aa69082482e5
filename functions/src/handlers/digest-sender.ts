// (primary adapter: SQS) --> domain/follows/digest-send --> adapters/dynamodb, adapters/ses, adapters/cognito
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod';
import { flagReasons } from '#shared/rules/values';
import { sendMailMessage } from '../domain/follows/digest-send';
import type { MailMessage } from '../domain/follows/digest-ports';
import { createLogger } from '../lib/log';
import { sendDeps } from './digest-wiring';

/**
 * The digest and alert sender, fed by the planner's queue (cdk/constructs/digest-job.ts). Each record
 * is one mail; a record that fails (SES down, a message that does not parse) is returned in
 * batchItemFailures so SQS tries only it again, and after three tries moves it to the dead-letter queue.
 */
const base = { userId: z.string().min(1).max(128), period: z.string().min(1).max(80) };
const messageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('digest'), ...base }),
  z.object({ kind: z.literal('queue-alert'), ...base, processId: z.string(), pending: z.int(), flagged: z.int(), oldestAt: z.string() }),
  z.object({
    kind: z.literal('deadline-reminder'),
    ...base,
    processId: z.string(),
    ideas: z.array(z.object({ id: z.string(), title: z.string(), answerDeadline: z.string() })),
  }),
  z.object({
    kind: z.literal('held-alert'),
    ...base,
    processId: z.string(),
    item: z.object({
      kind: z.enum(['idea', 'comment']),
      id: z.string(),
      ideaId: z.string(),
      title: z.string(),
      reasons: z.partialRecord(z.enum(flagReasons), z.int()),
      queuedAt: z.string(),
    }),
  }),
]);

export async function handler(event: SQSEvent, context?: Partial<Context>): Promise<SQSBatchResponse> {
  const log = createLogger({ job: 'digest-sender', correlationId: context?.awsRequestId ?? crypto.randomUUID() });
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const message: MailMessage = messageSchema.parse(JSON.parse(record.body));
      const outcome = await sendMailMessage(sendDeps, message, new Date());
      const fields = { messageId: record.messageId, kind: message.kind, userId: message.userId, period: message.period, outcome };
      // Skipped: its record exists. Sent before, or left claimed by a crash: never sent twice either way.
      log.info('mail handled', fields);
    } catch (error) {
      log.error('mail not sent, SQS tries again', { messageId: record.messageId, reason: (error as Error).message });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
