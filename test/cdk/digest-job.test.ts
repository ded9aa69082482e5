import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { tables } from '#functions/adapters/dynamodb/tables';
import { DigestJob } from '../../cdk/constructs/digest-job';
import { siteUrlParameterName } from '../../cdk/stacks/web-stack';
import { testApp } from './synth';

/** Issue 16's mail pipeline in the deployment: schedule → planner → SQS (+ dead letters) → sender → SES. */
type Resource = { Type: string; Properties: Record<string, any> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

let app: ReturnType<typeof testApp>;
let template: Record<string, Resource>;
let job: DigestJob;
const logicalId = (stack: Stack, construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const statementsOfRole = (roleId: string): Statement[] =>
  Object.values(template)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: { Ref?: string }) => x.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
    // What the role may do; the explicit Deny on audit entries every function gets is least-privilege.test.ts's.
    .filter((s) => (s as { Effect?: string }).Effect !== 'Deny');
const actionsOf = (statements: Statement[], prefix: string) => statements.flatMap((s) => [s.Action].flat()).filter((a) => a.startsWith(prefix)).sort();

beforeAll(() => {
  app = testApp();
  template = Template.fromStack(app.api).toJSON().Resources as Record<string, Resource>;
  const jobs = app.api.node.findAll().filter((c): c is DigestJob => c instanceof DigestJob);
  expect(jobs).toHaveLength(1);
  job = jobs[0]!;
}, 240_000);

describe('digest job', () => {
  it('runs the planner every hour at a quarter past, Danish time, through EventBridge Scheduler', () => {
    const fnArn = { 'Fn::GetAtt': [logicalId(app.api, job.fn), 'Arn'] };
    const schedules = Object.values(template).filter((r) => r.Type === 'AWS::Scheduler::Schedule' && JSON.stringify(r.Properties.Target.Arn) === JSON.stringify(fnArn));
    expect(schedules).toHaveLength(1);
    expect(schedules[0]!.Properties).toMatchObject({ ScheduleExpression: 'cron(15 * * * ? *)', ScheduleExpressionTimezone: 'Europe/Copenhagen', State: 'ENABLED' });
    const env = template[logicalId(app.api, job.fn)]!.Properties.Environment.Variables as Record<string, unknown>;
    expect(env.QUEUE_URL).toEqual({ Ref: logicalId(app.api, job.queue) });
    expect(env.USER_POOL_ID).toBeDefined();
    expect(env[tables[0]!.envVar]).toBeDefined();
  });

  it('queues into an encrypted, TLS-only queue whose messages go to a dead-letter queue after three tries and wait there 14 days', () => {
    const queue = template[logicalId(app.api, job.queue)]!.Properties;
    const dlqId = logicalId(app.api, job.deadLetterQueue);
    expect(queue.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 3 });
    expect(queue.SqsManagedSseEnabled).toBe(true);
    expect(queue.VisibilityTimeout).toBe(360);
    const dlq = template[dlqId]!.Properties;
    expect(dlq.MessageRetentionPeriod).toBe(14 * 86_400);
    expect(dlq.SqsManagedSseEnabled).toBe(true);
    for (const id of [logicalId(app.api, job.queue), dlqId]) {
      const policies = Object.values(template).filter((r) => r.Type === 'AWS::SQS::QueuePolicy' && JSON.stringify(r.Properties.Queues).includes(id));
      const denies = policies.flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]).filter((s) => s.Effect === 'Deny');
      expect(denies.map((s) => s.Condition)).toContainEqual({ Bool: { 'aws:SecureTransport': 'false' } });
    }
  });

  it('feeds the sender from the queue, reporting failed records one by one', () => {
    const mappings = Object.values(template).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping');
    const mine = mappings.filter((m) => JSON.stringify(m.Properties.FunctionName) === JSON.stringify({ Ref: logicalId(app.api, job.sender) }));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.Properties).toMatchObject({ EventSourceArn: { 'Fn::GetAtt': [logicalId(app.api, job.queue), 'Arn'] }, FunctionResponseTypes: ['ReportBatchItemFailures'], BatchSize: 10 });
    const env = template[logicalId(app.api, job.sender)]!.Properties.Environment.Variables as Record<string, unknown>;
    expect(env.MAIL_FROM).toBe('deltag@gentofte.dk');
    expect(env.SITE_URL_PARAMETER).toBe(siteUrlParameterName);
  });

  it('gives each function only what it does: no Scan, the directory lookups it needs, SES only for the sender', () => {
    const planner = statementsOfRole(logicalId(app.api, job.fn.role!));
    const sender = statementsOfRole(logicalId(app.api, job.sender.role!));
    expect(actionsOf(planner, 'dynamodb:')).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    expect(actionsOf(planner, 'cognito-idp:')).toEqual(['cognito-idp:ListUsersInGroup']);
    expect(actionsOf(planner, 'ses:')).toEqual([]);
    expect(actionsOf(planner, 'sqs:')).toContain('sqs:SendMessage');
    expect(actionsOf(sender, 'dynamodb:')).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(actionsOf(sender, 'cognito-idp:')).toEqual(['cognito-idp:AdminListGroupsForUser', 'cognito-idp:ListUsers']);
    expect(actionsOf(sender, 'ses:')).toEqual(['ses:SendEmail']);
    expect(actionsOf(sender, 'sqs:')).toEqual(expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage']));
    expect(actionsOf(sender, 'sqs:')).not.toContain('sqs:SendMessage');
  });
});
