import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { HideJob } from '../../cdk/constructs/hide-job';
import { testApp } from './synth';

/** Issue 17: a block's "hide everything" runs off the request: moderation function → SQS (+ dead letters) → worker. */
type Resource = { Type: string; Properties: Record<string, any> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

let app: ReturnType<typeof testApp>;
let template: Record<string, Resource>;
let job: HideJob;
const logicalId = (stack: Stack, construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const allowed = (roleId: string): Statement[] =>
  Object.values(template)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: { Ref?: string }) => x.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
    .filter((s) => s.Effect !== 'Deny');
const actions = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());

beforeAll(() => {
  app = testApp();
  template = Template.fromStack(app.api).toJSON().Resources as Record<string, Resource>;
  const jobs = app.api.node.findAll().filter((c): c is HideJob => c instanceof HideJob);
  expect(jobs).toHaveLength(1);
  job = jobs[0]!;
}, 240_000);

describe('hide job', () => {
  it('queues into an encrypted, TLS-only queue with a dead-letter queue after three tries (14 days)', () => {
    const queue = template[logicalId(app.api, job.queue)]!.Properties;
    const dlqId = logicalId(app.api, job.deadLetterQueue);
    expect(queue.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 3 });
    expect(queue.SqsManagedSseEnabled).toBe(true);
    expect(queue.VisibilityTimeout).toBe(6 * 300);
    expect(template[dlqId]!.Properties).toMatchObject({ MessageRetentionPeriod: 14 * 86_400, SqsManagedSseEnabled: true });
    for (const id of [logicalId(app.api, job.queue), dlqId]) {
      const policies = Object.values(template).filter((r) => r.Type === 'AWS::SQS::QueuePolicy' && JSON.stringify(r.Properties.Queues).includes(id));
      const denies = policies.flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]).filter((s) => s.Effect === 'Deny');
      expect(denies.map((s) => s.Condition)).toContainEqual({ Bool: { 'aws:SecureTransport': 'false' } });
    }
  });

  it('gives the moderation function the queue: its address and SendMessage, nothing to read from it', () => {
    const fn = app.api.functions.moderation!.fn;
    const env = template[logicalId(app.api, fn)]!.Properties.Environment.Variables as Record<string, unknown>;
    expect(env.HIDE_JOB_QUEUE_URL).toEqual({ Ref: logicalId(app.api, job.queue) });
    const sqs = actions(allowed(logicalId(app.api, fn.role as unknown as IConstruct))).filter((a) => a.startsWith('sqs:'));
    expect(sqs.sort()).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
  });

  it('feeds the worker one block at a time, reporting failed records alone, with minutes to run and no Scan', () => {
    const workerId = logicalId(app.api, job.worker);
    const mappings = Object.values(template).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping' && JSON.stringify(r.Properties.FunctionName).includes(workerId));
    expect(mappings).toHaveLength(1);
    expect(mappings[0]!.Properties).toMatchObject({ BatchSize: 1, FunctionResponseTypes: ['ReportBatchItemFailures'] });
    expect(JSON.stringify(mappings[0]!.Properties.EventSourceArn)).toContain(logicalId(app.api, job.queue));
    const worker = template[workerId]!.Properties;
    expect(worker.Timeout).toBe(300);
    expect(worker.Handler).toBe('index.handler');
    const workerActions = actions(allowed(logicalId(app.api, job.worker.role as unknown as IConstruct)));
    expect(workerActions).toContain('dynamodb:UpdateItem');
    expect(workerActions).not.toContain('dynamodb:Scan');
    expect(workerActions).toContain('ses:SendEmail');
  });
});
