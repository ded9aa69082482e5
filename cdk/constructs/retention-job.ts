import { Duration } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { BoundTable } from '../stacks/data-stack';
import { ScheduledJob } from './scheduled-job';

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
 * processes, an idea's partition, the audit log, the ideas of a process, an event's sign-ups, a live
 * round's answer markers), UpdateItem (anonymize ideas and comments, mark the process, rewrite an
 * audit entry, reset an event's counters), DeleteItem and BatchWriteItem (votes, flags, sign-ups,
 * answer markers, an audit entry's copy), PutItem (the job's own audit entry). No Scan, no GetItem on users.
 */
export class RetentionJob extends ScheduledJob {
  constructor(scope: Construct, id: string, props: RetentionJobProps) {
    super(scope, id, {
      tables: props.tables,
      handler: 'retention',
      schedule: RETENTION_SCHEDULE,
      // Lambda's longest run: a large process finishes in one night, a larger one the next.
      timeout: Duration.minutes(15),
      description: 'Deltag: erases personal data in processes past their retention date (daily)',
      scheduleDescription: 'Deltag: the nightly data-retention run',
      tableActions: ['dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:PutItem'],
      indexes: ['byProcess'],
      deliveryWindow: Duration.hours(6),
    });
  }
}
