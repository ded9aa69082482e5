import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { keys } from '#functions/adapters/dynamodb/keys';
import { SHARD_TYPE } from '#functions/adapters/dynamodb/vote-counter';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { searchedTypes } from '#functions/domain/search/documents';
import type { BoundTable } from '../stacks/data-stack';
import { handlerFunctionProps } from './api-function';

export interface SearchProjectorProps {
  tables: Record<string, BoundTable>;
}

/** Records per invocation: one Lambda run takes a burst of posts and decisions, each stored in a few ms. */
export const PROJECTOR_BATCH_SIZE = 100;
/** Tries of a failing batch (halved each time) before its records go to the failure queue. */
export const PROJECTOR_RETRIES = 5;
/** Search this far behind the table is a fault someone should hear of: new ideas not found, decisions not yet in the index. */
export const PROJECTOR_LAG_ALARM_MS = 60_000;

/**
 * The search projector (issue 18): the main table's stream → handlers/search-projector.ts → the search
 * documents and their change log (adapters/dynamodb/search-docs.ts). The local stack runs the same
 * handler from cdk/local/stream-poller.ts.
 * - Filter criteria, so only ideas and comments invoke it (not votes' own items, flags, the projector's
 *   own writes, …); a vote still invokes it through its idea's counters, and it writes nothing then.
 * - One shard in order; a failure reports its first record (batchItemFailures) and the batch is halved
 *   on error, so one bad record holds back as few as possible; after PROJECTOR_RETRIES the failed
 *   records' place in the stream goes to an encrypted, TLS-only queue (14 days), and the index keeps
 *   the last document (an alarm watches the queue and the function's errors).
 * - Rights: write the SEARCH# and SEARCHLOG# partitions only (PutItem), and read the stream (the mapping
 *   grants that). No function else may write them (api-stack.ts denies it).
 */
export class SearchProjector extends Construct {
  readonly fn: NodejsFunction;
  /** The vote fold (issue 19): the same stream, only counter shards' writes (handlers/vote-fold.ts). */
  readonly fold: NodejsFunction;
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: SearchProjectorProps) {
    super(scope, id);
    const main = props.tables[mainTable.id]!;
    this.failures = new Queue(this, 'Failures', { retentionPeriod: Duration.days(14), enforceSSL: true, encryption: QueueEncryption.SQS_MANAGED });
    const fnScope = new Construct(this, 'Projector');
    this.fn = new NodejsFunction(fnScope, 'Fn', {
      ...handlerFunctionProps(fnScope, 'search-projector', { [mainTable.envVar]: main.table.tableName }),
      timeout: Duration.seconds(30),
      description: 'Deltag: keeps the search documents of ideas and comments from the table stream',
    });
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [main.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...keys.searchPartitionPatterns] } },
      }),
    );
    const typeIn = FilterRule.or(...searchedTypes);
    this.fn.addEventSource(
      new DynamoEventSource(main.table, {
        // From the oldest record the stream keeps (24 h): nothing written since the stream began is missed.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: PROJECTOR_BATCH_SIZE,
        bisectBatchOnError: true,
        retryAttempts: PROJECTOR_RETRIES,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.failures),
        filters: [
          FilterCriteria.filter({ dynamodb: { NewImage: { type: { S: typeIn } } } }),
          FilterCriteria.filter({ eventName: FilterRule.isEqual('REMOVE'), dynamodb: { OldImage: { type: { S: typeIn } } } }),
        ],
      }),
    );
    this.fold = voteFold(this, main, this.failures);
  }

  /** An alarm (and its recovery) on `topic` when the oldest record not yet projected is older than PROJECTOR_LAG_ALARM_MS. */
  alarmOnLag(topic: ITopic): Alarm {
    const alarm = new Alarm(this, 'Lag', {
      metric: this.fn.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(5) }),
      threshold: PROJECTOR_LAG_ALARM_MS,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: 'Deltag: søgningen er mere end et minut bagefter idéerne og kommentarerne. Search lags the table by more than a minute.',
    });
    alarm.addAlarmAction(new SnsAction(topic));
    alarm.addOkAction(new SnsAction(topic));
    return alarm;
  }
}

/**
 * A viral idea's counter shards folded into its count (adapters/dynamodb/vote-counter.ts): the main
 * table's stream, filtered to the shards' writes (type voteShard), one fold per idea per batch. Rights:
 * read the idea and its shards (GetItem, BatchGetItem) and update the idea item, IDEA# partitions only.
 * Failures after the retries go to the projector's failure queue; a later shard write folds again anyway.
 */
function voteFold(scope: Construct, main: BoundTable, failures: Queue): NodejsFunction {
  const fnScope = new Construct(scope, 'VoteFold');
  const fn = new NodejsFunction(fnScope, 'Fn', {
    ...handlerFunctionProps(fnScope, 'vote-fold', { [mainTable.envVar]: main.table.tableName }),
    timeout: Duration.seconds(30),
    description: 'Deltag: folds a viral idea\'s vote counter shards into its count from the table stream',
  });
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:UpdateItem'],
      resources: [main.table.tableArn],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['IDEA#*'] } },
    }),
  );
  fn.addEventSource(
    new DynamoEventSource(main.table, {
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: PROJECTOR_BATCH_SIZE,
      bisectBatchOnError: true,
      retryAttempts: PROJECTOR_RETRIES,
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(failures),
      filters: [FilterCriteria.filter({ dynamodb: { NewImage: { type: { S: FilterRule.isEqual(SHARD_TYPE) } } } })],
    }),
  );
  return fn;
}
