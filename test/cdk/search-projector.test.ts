import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { PROJECTOR_BATCH_SIZE, PROJECTOR_LAG_ALARM_MS, PROJECTOR_RETRIES, SearchProjector } from '../../cdk/constructs/search-projector';
import { testApp } from './synth';

/** Issue 18: the main table's stream → the search projector → the search documents, and who may write them. */
type Resource = { Type: string; Properties: Record<string, any> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: any };

let app: ReturnType<typeof testApp>;
let api: Record<string, Resource>;
let data: Record<string, Resource>;
let projector: SearchProjector;
const logicalId = (stack: Stack, construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const statementsOf = (roleId: string): Statement[] =>
  Object.values(api)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: { Ref?: string }) => x.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
const actions = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());

beforeAll(() => {
  app = testApp();
  api = Template.fromStack(app.api).toJSON().Resources as Record<string, Resource>;
  data = Template.fromStack(app.data).toJSON().Resources as Record<string, Resource>;
  const found = app.api.node.findAll().filter((c): c is SearchProjector => c instanceof SearchProjector);
  expect(found).toHaveLength(1);
  projector = found[0]!;
}, 240_000);

describe('search projector', () => {
  it('gives the main table a stream with both images', () => {
    const table = Object.values(data).find((r) => r.Type === 'AWS::DynamoDB::Table')!;
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(mainTable.stream).toBe('NEW_AND_OLD_IMAGES');
  });

  it('reads the stream in order, only ideas and comments, halving a failing batch, then to an encrypted failure queue', () => {
    const fnId = logicalId(app.api, projector.fn);
    const mappings = Object.values(api).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping' && JSON.stringify(r.Properties.FunctionName).includes(fnId));
    expect(mappings).toHaveLength(1);
    const mapping = mappings[0]!.Properties;
    expect(mapping).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: PROJECTOR_BATCH_SIZE,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: PROJECTOR_RETRIES,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(app.api, projector.failures), 'Arn'] } } },
    });
    expect(mapping.ParallelizationFactor ?? 1).toBe(1);
    expect(JSON.stringify(mapping.EventSourceArn)).toContain('StreamArn');
    const patterns = (mapping.FilterCriteria.Filters as { Pattern: string }[]).map((f) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([
      { dynamodb: { NewImage: { type: { S: ['idea', 'comment'] } } } },
      { eventName: ['REMOVE'], dynamodb: { OldImage: { type: { S: ['idea', 'comment'] } } } },
    ]);
    const queue = api[logicalId(app.api, projector.failures)]!.Properties;
    expect(queue).toMatchObject({ MessageRetentionPeriod: 14 * 86_400, SqsManagedSseEnabled: true });
    // Someone hears of records that failed for good.
    const alarms = Object.values(api).filter((r) => r.Type === 'AWS::CloudWatch::Alarm' && JSON.stringify(r.Properties.Dimensions ?? []).includes(logicalId(app.api, projector.failures)));
    expect(alarms).toHaveLength(1);
    // And of search lagging behind the table.
    const lag = Object.values(api).filter((r) => r.Type === 'AWS::CloudWatch::Alarm' && r.Properties.MetricName === 'IteratorAge');
    expect(lag).toHaveLength(1);
    expect(lag[0]!.Properties).toMatchObject({ Namespace: 'AWS/Lambda', Statistic: 'Maximum', Threshold: PROJECTOR_LAG_ALARM_MS, Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }] });
    expect(lag[0]!.Properties.AlarmActions).toHaveLength(1);
  });

  it('may write only the search partitions, with PutItem, and read only the stream', () => {
    const statements = statementsOf(logicalId(app.api, projector.fn.role as unknown as IConstruct)).filter((s) => s.Effect === 'Allow');
    const dynamo = actions(statements).filter((a) => a.startsWith('dynamodb:')).sort();
    expect(dynamo).toEqual(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams', 'dynamodb:PutItem']);
    const put = statements.find((s) => actions([s]).includes('dynamodb:PutItem'))!;
    expect(put.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SEARCH#*', 'SEARCHLOG#*'] } });
    expect(JSON.stringify(put.Resource)).not.toContain('/index/');
    const env = api[logicalId(app.api, projector.fn)]!.Properties.Environment.Variables as Record<string, unknown>;
    expect(env[mainTable.envVar]).toBeDefined();
  });

  it('denies every other function any write to the search partitions, while ideas and moderation may read them', () => {
    const functions = Object.entries(api).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThan(10);
    for (const [id, fn] of functions) {
      const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
      const denies = statementsOf(roleId).filter((s) => s.Effect === 'Deny' && JSON.stringify(s.Condition).includes('SEARCH#*'));
      if (id === logicalId(app.api, projector.fn)) expect(denies, id).toEqual([]);
      else expect(actions(denies).sort(), id).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    }
    for (const area of ['ideas', 'moderation'] as const) {
      const read = statementsOf(logicalId(app.api, app.api.functions[area]!.fn.role as unknown as IConstruct)).filter(
        (s) => s.Effect === 'Allow' && actions([s]).includes('dynamodb:Query') && actions([s]).includes('dynamodb:BatchGetItem'),
      );
      // The whole table (no leading-key condition): the search partitions with it.
      expect(read.some((s) => s.Condition === undefined), area).toBe(true);
    }
  });
});
