import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Schedule, ScheduleExpression, type IScheduleTarget } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import type { BoundTable } from '../stacks/data-stack';
import { handlerFunctionProps } from './api-function';

export interface RetentionJobProps {
  tables: Record<string, BoundTable>;
}

/** Danish time, so the run stays at night through summer time. */
export const RETENTION_SCHEDULE = { hour: '2', minute: '0', timeZone: 'Europe/Copenhagen' } as const;

/**
 * The data-retention job (functions/src/handlers/retention.ts): an EventBridge Scheduler schedule
 * runs it every night at 02:00 Danish time, and it erases the personal data of every process whose
 * retention date has passed. A run cut short resumes the next night (the job is idempotent).
 *
 * Its rights are only what the job does, on the main table and its byProcess index: Query (the
 * processes, an idea's partition, the audit log, the ideas of a process), UpdateItem (anonymize ideas
 * and comments, mark the process, rewrite an audit entry), DeleteItem and BatchWriteItem (votes,
 * flags, an audit entry's copy), PutItem (the job's own audit entry). No Scan, no GetItem on users.
 */
export class RetentionJob extends Construct {
  readonly fn: NodejsFunction;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: RetentionJobProps) {
    super(scope, id);
    const main = props.tables[mainTable.id];
    if (!main) throw new Error(`RetentionJob: no table ${mainTable.id}`);

    this.fn = new NodejsFunction(this, 'Fn', {
      ...handlerFunctionProps(this, 'retention', { [mainTable.envVar]: main.table.tableName }),
      // Lambda's longest run: a large process finishes in one night, a larger one the next.
      timeout: Duration.minutes(15),
      description: 'Deltag: erases personal data in processes past their retention date (daily)',
    });
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:PutItem'],
        resources: [main.table.tableArn, `${main.table.tableArn}/index/byProcess`],
      }),
    );

    // The scheduler's role may invoke this one function, nothing else. (aws-scheduler-targets'
    // LambdaInvoke would grant "<function arn>:*", every version and alias, which the job has none of.)
    const role = new Role(this, 'ScheduleRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
    });
    role.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.fn.functionArn] }));
    const target: IScheduleTarget = {
      // Retries are for delivery; a run that fails in the function is tried again the next night.
      bind: () => ({ arn: this.fn.functionArn, role, retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 6 * 3600 } }),
    };
    this.schedule = new Schedule(this, 'Daily', {
      description: 'Deltag: the nightly data-retention run',
      schedule: ScheduleExpression.cron({ ...RETENTION_SCHEDULE, timeZone: TimeZone.of(RETENTION_SCHEDULE.timeZone) }),
      target,
    });
  }
}
