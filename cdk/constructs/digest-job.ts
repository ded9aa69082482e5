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
import { ScheduledJob } from './scheduled-job';

export interface DigestJobProps {
  tables: Record<string, BoundTable>;
  /** Sender of the digests and alerts; its domain must be a verified SES identity. */
  mailFrom: string;
  /** The SSM parameter with the site's address, for the links in the mails. */
  siteUrlParameter: `/${string}`;
  /** The directory: recipients' addresses, and the moderators and committee members by group. */
  userPool: IUserPool;
}

/** Every hour at a quarter past (clear of retention on the hour and the event reminders at five past). */
export const DIGEST_SCHEDULE = { minute: '15', timeZone: 'Europe/Copenhagen' } as const;
/** The sender's time for one batch of mails; SQS hides a message for six times that (AWS's advice for Lambda). */
const SENDER_TIMEOUT = Duration.seconds(60);

/**
 * The follow digests and staff alerts (issue 16): EventBridge Scheduler → planner (handlers/digests.ts)
 * → SQS → sender (handlers/digest-sender.ts) → SES. The planner fans the follow events out to inboxes
 * and queues one message per mail; the sender claims a mail record before sending, so a message
 * delivered twice is mailed once, and reports each failed record back (batchItemFailures) so only it is
 * tried again; after three tries it waits in the dead-letter queue for 14 days.
 *
 * Rights, each function only what it does on the main table (no Scan, no table-wide delete); SES from
 * MAIL_FROM's domain and the site address for the sender; the directory: ListUsersInGroup for the
 * planner (the staff), ListUsers and AdminListGroupsForUser for the sender (a recipient's address by id).
 */
export class DigestJob extends ScheduledJob {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly sender: NodejsFunction;

  constructor(scope: Construct, id: string, props: DigestJobProps) {
    super(scope, id, {
      tables: props.tables,
      handler: 'digests',
      schedule: DIGEST_SCHEDULE,
      timeout: Duration.minutes(5),
      description: 'Deltag: plans the follow digests and staff alerts and queues one message per mail (hourly)',
      scheduleDescription: 'Deltag: the hourly run of the follow digests and staff alerts',
      tableActions: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
      indexes: ['listNew', 'queue'],
      // A digest an hour late is still on time; after that the next run takes over.
      deliveryWindow: Duration.hours(1),
    });
    const main = props.tables[mainTable.id]!;

    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
    });
    this.queue = new Queue(this, 'Mails', {
      visibilityTimeout: Duration.seconds(SENDER_TIMEOUT.toSeconds() * 6),
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 3 },
    });
    this.fn.addEnvironment('QUEUE_URL', this.queue.queueUrl);
    this.fn.addEnvironment('USER_POOL_ID', props.userPool.userPoolId);
    this.queue.grantSendMessages(this.fn);
    props.userPool.grant(this.fn, 'cognito-idp:ListUsersInGroup');

    // Its own scope: the function defaults name its log group 'Logs', as they do the planner's.
    const senderScope = new Construct(this, 'Sender');
    this.sender = new NodejsFunction(senderScope, 'Fn', {
      ...handlerFunctionProps(senderScope, 'digest-sender', { [mainTable.envVar]: main.table.tableName, USER_POOL_ID: props.userPool.userPoolId }),
      timeout: SENDER_TIMEOUT,
      description: 'Deltag: sends one queued digest or staff alert, at most once (SQS)',
    });
    this.sender.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
        resources: [main.table.tableArn],
      }),
    );
    props.userPool.grant(this.sender, 'cognito-idp:ListUsers', 'cognito-idp:AdminListGroupsForUser');
    allowMail(this.sender, props.mailFrom);
    allowSiteUrl(this.sender, props.siteUrlParameter);
    this.sender.addEventSource(new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true }));
  }
}
