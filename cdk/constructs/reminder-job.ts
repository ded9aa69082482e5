import { Duration } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { BoundTable } from '../stacks/data-stack';
import { ScheduledJob } from './scheduled-job';

export interface ReminderJobProps {
  tables: Record<string, BoundTable>;
  /** Sender of the reminders; its domain must be a verified SES identity. */
  mailFrom: string;
  /** The SSM parameter with the site's address, for the links to the event page and its .ics. */
  siteUrlParameter: `/${string}`;
}

/** Every hour (five past, clear of the nightly retention run on the hour). */
export const REMINDER_SCHEDULE = { minute: '5', timeZone: 'Europe/Copenhagen' } as const;

/**
 * The events' reminder job (functions/src/handlers/event-reminders.ts): every hour it mails the people
 * with a seat at each event that starts within the next 24 hours, once per event (`reminderDue` in
 * shared/rules/events.ts; the event is marked with a conditional write before the mails go out, so
 * overlapping runs send one reminder).
 *
 * Its rights: Query on the main table (the processes, their events, an event's sign-ups) and
 * UpdateItem (the mark); SES from MAIL_FROM's domain; the site address's SSM parameter.
 */
export class ReminderJob extends ScheduledJob {
  constructor(scope: Construct, id: string, props: ReminderJobProps) {
    super(scope, id, {
      tables: props.tables,
      handler: 'event-reminders',
      schedule: REMINDER_SCHEDULE,
      timeout: Duration.minutes(5),
      description: 'Deltag: mails the reminder the day before an event to those with a seat (hourly)',
      scheduleDescription: 'Deltag: the hourly run of the event reminders',
      tableActions: ['dynamodb:Query', 'dynamodb:UpdateItem'],
      // A late reminder is still useful within the hour; after that the next run takes over.
      deliveryWindow: Duration.hours(1),
    });
    this.sendsMailAs(props.mailFrom);
    this.readSiteUrlFrom(props.siteUrlParameter);
  }
}
