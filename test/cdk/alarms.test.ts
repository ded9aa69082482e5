import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { testApp } from './synth';

/** The security review: someone must hear of 5xx answers, throttles and function errors. */

type Resource = { Type: string; Properties: Record<string, any> };

let app: ReturnType<typeof testApp>;
let template: Template;
let withEmail: Template;

beforeAll(() => {
  app = testApp();
  template = Template.fromStack(app.api);
  withEmail = Template.fromStack(testApp({ alarmEmail: 'drift@gentofte.dk' }).api);
}, 120_000);

const logicalId = (stack: Stack, construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const alarms = (t: Template) => Object.values(t.findResources('AWS::CloudWatch::Alarm')) as Resource[];
const dimension = (alarm: Resource, name: string) => (alarm.Properties.Dimensions as { Name: string; Value: unknown }[] | undefined)?.find((d) => d.Name === name)?.Value;
const topicId = () => Object.keys(template.findResources('AWS::SNS::Topic'))[0]!;

describe('alarms', () => {
  it("alarms on the HTTP API's 5xx answers", () => {
    const apiId = logicalId(app.api, app.api.httpApi);
    const fiveXx = alarms(template).filter((a) => a.Properties.Namespace === 'AWS/ApiGateway' && a.Properties.MetricName === '5xx');
    expect(fiveXx).toHaveLength(1);
    expect(dimension(fiveXx[0]!, 'ApiId')).toEqual({ Ref: apiId });
    expect(fiveXx[0]!.Properties).toMatchObject({ Statistic: 'Sum', ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
  });

  it('alarms on errors and throttles of every function of the API stack, the jobs too', () => {
    const functions = app.api.node.findAll().filter((c): c is NodejsFunction => c instanceof NodejsFunction);
    expect(functions.length).toBeGreaterThan(16);
    const lambda = alarms(template).filter((a) => a.Properties.Namespace === 'AWS/Lambda');
    for (const fn of functions) {
      const ref = { Ref: logicalId(app.api, fn) };
      const of = (metric: string) => lambda.filter((a) => a.Properties.MetricName === metric && JSON.stringify(dimension(a, 'FunctionName')) === JSON.stringify(ref));
      expect(of('Errors'), `${fn.node.path} Errors`).toHaveLength(1);
      expect(of('Throttles'), `${fn.node.path} Throttles`).toHaveLength(1);
      expect(of('Errors')[0]!.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
    }
  });

  it('alarms when failed work waits in a dead-letter queue (the digest mails, the scheduled jobs’ failed runs)', () => {
    const queueIds = new Set<string>();
    for (const c of app.api.node.findAll()) {
      if (c instanceof Queue && c.deadLetterQueue) queueIds.add(logicalId(app.api, c.deadLetterQueue.queue));
      if (c instanceof NodejsFunction && c.deadLetterQueue) queueIds.add(logicalId(app.api, c.deadLetterQueue));
    }
    expect(queueIds.size).toBeGreaterThanOrEqual(4);
    const sqs = alarms(template).filter((a) => a.Properties.Namespace === 'AWS/SQS' && a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible');
    for (const id of queueIds) {
      const of = sqs.filter((a) => JSON.stringify(dimension(a, 'QueueName')).includes(id));
      expect(of, id).toHaveLength(1);
      expect(of[0]!.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    }
  });

  it('sends every alarm, and its recovery, to one encrypted topic that takes only TLS', () => {
    const topics = Object.values(template.findResources('AWS::SNS::Topic')) as Resource[];
    expect(topics).toHaveLength(1);
    // A key of its own: CloudWatch cannot publish to a topic under the AWS managed SNS key.
    expect(topics[0]!.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
    const key = template.toJSON().Resources[topics[0]!.Properties.KmsMasterKeyId['Fn::GetAtt'][0]] as Resource;
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(JSON.stringify(key.Properties.KeyPolicy)).toContain('cloudwatch.amazonaws.com');
    const policy = Object.values(template.findResources('AWS::SNS::TopicPolicy'))[0] as Resource;
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('aws:SecureTransport');
    const all = alarms(template);
    expect(all.length).toBeGreaterThan(30);
    for (const alarm of all) {
      expect(alarm.Properties.AlarmActions, alarm.Properties.AlarmDescription).toEqual([{ Ref: topicId() }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId() }]);
      // Danish first: the on-call person reads it in the mail.
      expect(alarm.Properties.AlarmDescription).toMatch(/^Deltag: /);
    }
  });

  it('subscribes the e-mail address from the alarmEmail context, and nobody without it', () => {
    expect(template.findResources('AWS::SNS::Subscription')).toEqual({});
    const subscriptions = Object.values(withEmail.findResources('AWS::SNS::Subscription')) as Resource[];
    expect(subscriptions.map((s) => [s.Properties.Protocol, s.Properties.Endpoint])).toEqual([['email', 'drift@gentofte.dk']]);
  });
});

describe('Powertools', () => {
  it('names each function as the service in its logs and traces, and traces it actively', () => {
    for (const fn of app.api.node.findAll().filter((c): c is NodejsFunction => c instanceof NodejsFunction)) {
      const props = (template.toJSON().Resources[logicalId(app.api, fn)] as Resource).Properties;
      expect(props.Environment.Variables.POWERTOOLS_SERVICE_NAME, fn.node.path).toMatch(/^deltag-[a-z-]+$/);
      expect(props.TracingConfig, fn.node.path).toEqual({ Mode: 'Active' });
    }
  });
});

