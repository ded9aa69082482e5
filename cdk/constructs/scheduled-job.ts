import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Schedule, ScheduleExpression, type IScheduleTarget } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import type { BoundTable } from '../stacks/data-stack';
import { allowMail, allowSiteUrl, handlerFunctionProps } from './api-function';
import type { JobHandlerModule } from './handler-modules';

/** When a job runs: a cron in Danish time (so a nightly run stays at night through summer time). */
export interface JobSchedule {
  minute: string;
  hour?: string;
  timeZone: 'Europe/Copenhagen';
}

export interface ScheduledJobProps {
  tables: Record<string, BoundTable>;
  /** The module in functions/src/handlers/ whose `handler` the schedule calls. */
  handler: JobHandlerModule;
  schedule: JobSchedule;
  /** The function's and the schedule's description. */
  description: string;
  scheduleDescription: string;
  timeout: Duration;
  /** The DynamoDB actions the job needs on the main table and the named indexes; nothing else of the table. */
  tableActions: string[];
  indexes?: string[];
  /** How long the scheduler keeps trying to deliver a run (a run that fails in the function waits for the next one). */
  deliveryWindow: Duration;
}

/**
 * A job an EventBridge Scheduler schedule runs, not an HTTP route: the project's function defaults,
 * rights on the main table only for what the job does, and a scheduler role that may invoke this one
 * function and nothing else. (aws-scheduler-targets' LambdaInvoke would grant "<function arn>:*",
 * every version and alias, which the job has none of.) The retention and reminder jobs are two of these.
 */
export class ScheduledJob extends Construct {
  readonly fn: NodejsFunction;
  readonly schedule: Schedule;
  /** Runs that failed after Lambda's own two retries (the scheduler invokes asynchronously), kept 14 days to look at. */
  readonly failedRuns: Queue;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const main = props.tables[mainTable.id];
    if (!main) throw new Error(`${id}: no table ${mainTable.id}`);

    this.failedRuns = new Queue(this, 'FailedRuns', { retentionPeriod: Duration.days(14), enforceSSL: true, encryption: QueueEncryption.SQS_MANAGED });
    this.fn = new NodejsFunction(this, 'Fn', {
      ...handlerFunctionProps(this, props.handler, { [mainTable.envVar]: main.table.tableName }),
      timeout: props.timeout,
      description: props.description,
      deadLetterQueue: this.failedRuns,
    });
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: props.tableActions,
        resources: [main.table.tableArn, ...(props.indexes ?? []).map((index) => `${main.table.tableArn}/index/${index}`)],
      }),
    );

    const role = new Role(this, 'ScheduleRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
    });
    role.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.fn.functionArn] }));
    const target: IScheduleTarget = {
      // Retries are for delivery; a run that fails in the function is tried again at the next run.
      bind: () => ({ arn: this.fn.functionArn, role, retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: props.deliveryWindow.toSeconds() } }),
    };
    const { timeZone, ...cron } = props.schedule;
    this.schedule = new Schedule(this, 'Schedule', {
      description: props.scheduleDescription,
      schedule: ScheduleExpression.cron({ ...cron, timeZone: TimeZone.of(timeZone) }),
      target,
    });
  }

  /** Mail from `mailFrom` through SES (the domain's identity only). */
  sendsMailAs(mailFrom: string): void {
    allowMail(this.fn, mailFrom);
  }

  /** Links that leave the site: the site's address from the SSM parameter (see ApiFunction.readSiteUrlFrom). */
  readSiteUrlFrom(parameterName: `/${string}`): void {
    allowSiteUrl(this.fn, parameterName);
  }
}
