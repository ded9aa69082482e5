import { Duration } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import type { BoundTable } from '../stacks/data-stack';
import { allowMail, allowSiteUrl, handlerFunctionProps } from './api-function';

export interface HideJobProps {
  tables: Record<string, BoundTable>;
  /** Sender of the authors' mails about each hidden idea; its domain must be a verified SES identity. */
  mailFrom: string;
  siteUrlParameter: `/${string}`;
  /** The directory: an author's address by user name. */
  userPool: IUserPool;
}

/** A prolific author's content, one audited decision per item: minutes, not the request's 10 s. */
const WORKER_TIMEOUT = Duration.minutes(5);

/**
 * Blocks' "hide everything" off the request (issue 17), like the digests' sender (digest-job.ts): the
 * moderation function puts one message per block on the queue, the worker (handlers/hide-job.ts) hides
 * each item by the ordinary audited decision. Idempotent, so SQS's redelivery is harmless; a failed
 * record is retried alone (batchItemFailures) and after three tries waits 14 days in the dead-letter
 * queue. Both queues TLS-only and encrypted. Rights: the main table's item reads and writes (no Scan),
 * SES from MAIL_FROM's domain, the site address, AdminGetUser for an author's address.
 */
export class HideJob extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly worker: NodejsFunction;

  constructor(scope: Construct, id: string, props: HideJobProps) {
    super(scope, id);
    const main = props.tables[mainTable.id]!;
    this.deadLetterQueue = new Queue(this, 'DeadLetters', { retentionPeriod: Duration.days(14), enforceSSL: true, encryption: QueueEncryption.SQS_MANAGED });
    this.queue = new Queue(this, 'Jobs', {
      // SQS hides a message for six times the worker's time (AWS's advice for Lambda).
      visibilityTimeout: Duration.seconds(WORKER_TIMEOUT.toSeconds() * 6),
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 3 },
    });
    const workerScope = new Construct(this, 'Worker');
    this.worker = new NodejsFunction(workerScope, 'Fn', {
      ...handlerFunctionProps(workerScope, 'hide-job', { [mainTable.envVar]: main.table.tableName, USER_POOL_ID: props.userPool.userPoolId }),
      timeout: WORKER_TIMEOUT,
      description: "Deltag: hides everything a blocked user wrote, one audited decision per item (SQS)",
    });
    this.worker.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
        resources: [main.table.tableArn, `${main.table.tableArn}/index/*`],
      }),
    );
    props.userPool.grant(this.worker, 'cognito-idp:AdminGetUser');
    allowMail(this.worker, props.mailFrom);
    allowSiteUrl(this.worker, props.siteUrlParameter);
    this.worker.addEventSource(new SqsEventSource(this.queue, { batchSize: 1, reportBatchItemFailures: true }));
  }

  /** The block request's function: it may put jobs on the queue, and learns where. */
  allowStart(fn: NodejsFunction) {
    fn.addEnvironment('HIDE_JOB_QUEUE_URL', this.queue.queueUrl);
    this.queue.grantSendMessages(fn);
  }
}
