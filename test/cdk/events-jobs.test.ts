import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { tables } from '#functions/adapters/dynamodb/tables';
import { ReminderJob } from '../../cdk/constructs/reminder-job';
import { siteUrlParameterName } from '../../cdk/stacks/web-stack';
import { testApp } from './synth';

/** The events module's part of the deployment: the hourly reminder job beside the API's functions. */
type Resource = { Type: string; Properties: Record<string, any> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

let app: ReturnType<typeof testApp>;
let template: Record<string, Resource>;
const logicalId = (stack: Stack, construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);

beforeAll(() => {
  // Prepare: one synth of the app, as `cdk synth` builds it.
  app = testApp();
  template = Template.fromStack(app.api).toJSON().Resources as Record<string, Resource>;
}, 60_000);

const reminderJob = () => {
  const jobs = app.api.node.findAll().filter((c): c is ReminderJob => c instanceof ReminderJob);
  expect(jobs).toHaveLength(1);
  return jobs[0]!;
};
const statementsOfRole = (roleId: string): Statement[] =>
  Object.values(template)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: { Ref?: string }) => x.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
    // What the role may do; the explicit Deny on audit entries every function gets is least-privilege.test.ts's.
    .filter((s) => (s as { Effect?: string }).Effect !== 'Deny');

describe('event reminder job', () => {
  it('runs every hour at five past, Danish time, through EventBridge Scheduler, whose role may invoke only this function', () => {
    const fnArn = { 'Fn::GetAtt': [logicalId(app.api, reminderJob().fn), 'Arn'] };
    const schedules = Object.values(template).filter((r) => r.Type === 'AWS::Scheduler::Schedule' && JSON.stringify(r.Properties.Target.Arn) === JSON.stringify(fnArn));
    expect(schedules).toHaveLength(1);
    expect(schedules[0]!.Properties).toMatchObject({
      ScheduleExpression: 'cron(5 * * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Copenhagen',
      State: 'ENABLED',
      Target: { RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 } },
    });
    const roleId = schedules[0]!.Properties.Target.RoleArn['Fn::GetAtt'][0] as string;
    expect(statementsOfRole(roleId)).toEqual([{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: fnArn }]);
  });

  it('is the event-reminders handler on the project defaults, with the main table, the sender and the site address', () => {
    const fn = template[logicalId(app.api, reminderJob().fn)]!;
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Timeout: 300, TracingConfig: { Mode: 'Active' } });
    const env = fn.Properties.Environment.Variables as Record<string, unknown>;
    expect(env[tables[0]!.envVar]).toBeDefined();
    expect(env.MAIL_FROM).toBe('deltag@gentofte.dk');
    expect(env.SITE_URL_PARAMETER).toBe(siteUrlParameterName);
    expect(env.SITE_URL).toBeUndefined();
    expect(env.USER_POOL_ID).toBeUndefined();
  });

  it('may only query and update the main table, mail from the sender\'s domain and read the one parameter', () => {
    const statements = statementsOfRole(logicalId(app.api, reminderJob().fn.role!));
    const actions = (prefix: string) => statements.filter((s) => [s.Action].flat().some((a) => a.startsWith(prefix)));
    const dynamo = actions('dynamodb:');
    expect(dynamo).toHaveLength(1);
    expect([dynamo[0]!.Action].flat().sort()).toEqual(['dynamodb:Query', 'dynamodb:UpdateItem']);
    // The table itself, no index and no other table.
    expect([dynamo[0]!.Resource].flat()).toHaveLength(1);
    expect(JSON.stringify(dynamo[0]!.Resource)).toContain('Deltag-Data');
    expect(actions('ses:').map((s) => s.Action)).toEqual(['ses:SendEmail']);
    expect(JSON.stringify(actions('ses:')[0]!.Resource)).toContain(':identity/gentofte.dk');
    expect(actions('ssm:').map((s) => s.Action)).toEqual(['ssm:GetParameter']);
    expect(JSON.stringify(actions('ssm:')[0]!.Resource)).toContain(`parameter${siteUrlParameterName}`);
    // Besides those: only sending a failed run to its own dead-letter queue.
    const others = statements.filter((s) => [s.Action].flat().some((a) => !/^(dynamodb|ses|ssm|xray):/.test(a)));
    expect(others).toEqual([expect.objectContaining({ Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [logicalId(app.api, reminderJob().failedRuns), 'Arn'] } })]);
  });
});
