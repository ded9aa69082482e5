import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, type IQueue } from 'aws-cdk-lib/aws-sqs';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface ApiAlarmsProps {
  httpApi: IHttpApi;
  /** Every function to watch: the areas' and the jobs'. */
  functions: IFunction[];
  /** Dead-letter queues: a message there is work that failed for good (a mail not sent, a job run lost). */
  deadLetterQueues?: IQueue[];
  /** Who gets the alarms by mail (`-c alarmEmail=…`); without it the topic waits for a subscriber. */
  email?: string | undefined;
}

/** Five minutes: long enough to sum a burst, short enough that someone hears of it while it lasts. */
const PERIOD = Duration.minutes(5);
/** A few 5xx in five minutes: one can be a cold start's timeout, five are an outage. */
const SERVER_ERRORS_THRESHOLD = 5;

/**
 * CloudWatch alarms for the things a citizen notices before anyone at the municipality does: the API
 * answering 5xx, a function throwing (Errors: a bug or a timeout, not a problem answer) and a function
 * throttled (the account's concurrency used up: requests turned away). Each goes, and its recovery
 * too, to one SNS topic, encrypted with a key of its own (CloudWatch cannot publish under the AWS
 * managed SNS key) and taking only TLS.
 */
export class ApiAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ApiAlarmsProps) {
    super(scope, id);
    const key = new Key(this, 'TopicKey', { enableKeyRotation: true, description: 'Deltag: encrypts the alarm topic' });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', { displayName: 'Deltag alarmer', masterKey: key, enforceSSL: true });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));

    const fiveXx = new Metric({
      namespace: 'AWS/ApiGateway',
      metricName: '5xx',
      dimensionsMap: { ApiId: props.httpApi.apiId },
      statistic: 'Sum',
      period: PERIOD,
    });
    this.add('ServerErrors', fiveXx, SERVER_ERRORS_THRESHOLD, 'Deltag: API’et har svaret med serverfejl (5xx). The API answered 5xx.');

    for (const fn of props.functions) {
      // Its place in the stack (Fn-ideas, RetentionJob, DigestJob-Sender): unique, and what the console shows.
      const name = fn.node.path.split('/').slice(1, -1).join('-') || fn.node.id;
      this.add(`${name}-Errors`, fn.metricErrors({ period: PERIOD, statistic: 'Sum' }), 1, `Deltag: funktionen ${name} fejlede. The function ${name} failed.`);
      this.add(`${name}-Throttles`, fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }), 1, `Deltag: funktionen ${name} blev begrænset (throttled). The function ${name} was throttled.`);
    }
    for (const queue of props.deadLetterQueues ?? []) {
      const name = queue.node.path.split('/').slice(1).join('-');
      const waiting = queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' });
      this.add(`${name}-Waiting`, waiting, 1, `Deltag: opgaver er endt i køen ${name} efter fejl. Failed work is waiting in ${name}.`);
    }
  }

  private add(id: string, metric: IMetric, threshold: number, description: string): void {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No requests is no fault.
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push(alarm);
  }
}

/** Every queue in `scope` that is a dead-letter queue: of another queue, or of a function's failed asynchronous runs. */
export function deadLetterQueuesOf(scope: Construct, functions: { deadLetterQueue?: IQueue | undefined }[]): IQueue[] {
  const ofQueues = scope.node.findAll().flatMap((c) => (c instanceof Queue && c.deadLetterQueue ? [c.deadLetterQueue.queue] : []));
  const ofFunctions = functions.flatMap((fn) => (fn.deadLetterQueue ? [fn.deadLetterQueue] : []));
  return [...new Set([...ofQueues, ...ofFunctions])];
}

