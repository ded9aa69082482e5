import type { PriceKey } from './prices';

/** A synthesized CloudFormation template, as `Template.toJSON()` or cdk.out gives it. */
export interface TemplateJson {
  Resources?: Record<string, { Type: string; Properties?: Record<string, any> }>;
}

/**
 * Which price lines a billable resource type is billed under. A type in a template must be here or in
 * the price file's `free` list with a reason: test/cdk/cost-coverage.test.ts fails otherwise, so a new
 * kind of resource cannot slip into the deployment without a line on the bill.
 */
export const pricedTypes: Record<string, PriceKey[]> = {
  'AWS::Lambda::Function': ['lambdaRequests', 'lambdaArmGbSecond', 'xrayTracesRecorded', 'cloudwatchLogsIngestGb'],
  'AWS::DynamoDB::Table': ['dynamoReadRequestUnits', 'dynamoWriteRequestUnits', 'dynamoStorageGbMonth', 'dynamoPitrGbMonth'],
  'AWS::ApiGatewayV2::Api': ['httpApiRequests'],
  'AWS::CloudFront::Distribution': ['cloudfrontHttpsRequestsEurope', 'cloudfrontTransferEuropeGb'],
  'AWS::CloudFront::Function': ['cloudfrontFunctionInvocations'],
  'AWS::S3::Bucket': ['s3StandardGbMonth', 's3GetRequests', 's3PutRequests'],
  'AWS::Cognito::UserPool': ['cognitoEssentialsMau', 'sesEmails'],
  'AWS::WAFv2::WebACL': ['wafWebAclMonth', 'wafRuleMonth', 'wafRequests'],
  'AWS::Logs::LogGroup': ['cloudwatchLogsIngestGb', 'cloudwatchLogsStoreGbMonth'],
  'AWS::CloudWatch::Alarm': ['cloudwatchAlarmMetricMonth', 'cloudwatchHighResAlarmMetricMonth'],
  'AWS::Scheduler::Schedule': ['schedulerInvocations'],
  'AWS::Events::Rule': ['schedulerInvocations'],
  'AWS::SQS::Queue': ['sqsRequests'],
  'AWS::SNS::Topic': ['snsEmailNotifications'],
  'AWS::KMS::Key': ['kmsKeyMonth', 'kmsRequests'],
  'AWS::SecretsManager::Secret': ['secretMonth', 'secretApiCalls'],
  'AWS::SES::EmailIdentity': ['sesEmails'],
  'AWS::SES::ConfigurationSet': ['sesEmails'],
};

/** What the bill needs to know about the standing resources, read from the templates. */
export interface Inventory {
  /** Resource count by type, over every stack. */
  types: Record<string, number>;
  functions: { memoryMb: number; arm: boolean }[];
  /** Alarm metrics (a metric-math alarm is billed per metric) at standard and high resolution. */
  alarmMetrics: { standard: number; highResolution: number };
  webAcls: number;
  /** Rules and managed rule groups over all web ACLs (each billed as one rule). */
  wafRules: number;
  kmsKeys: number;
  secrets: number;
  /** SQS queues a Lambda event source mapping polls (Lambda's pollers call ReceiveMessage even when idle). */
  polledQueues: number;
  /** Scheduled runs a month over every schedule (each also runs its function once). */
  scheduledRunsPerMonth: number;
  tablesWithPitr: number;
}

const HOURS_PER_MONTH = 730;

/** Runs a month of a cron(min hour dom month dow year) or rate(n unit) expression; the forms this app uses. */
export function runsPerMonth(expression: string): number {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const minutes = Number(rate[1]) * (rate[2]!.startsWith('minute') ? 1 : rate[2]!.startsWith('hour') ? 60 : 1440);
    return (HOURS_PER_MONTH * 60) / minutes;
  }
  const cron = /^cron\((\S+) (\S+) (\S+) (\S+) (\S+) (\S+)\)$/.exec(expression);
  if (!cron) throw new Error(`Cannot price the schedule ${expression}: add its form to runsPerMonth`);
  const count = (field: string, span: number) => (field === '*' || field === '?' ? span : field.startsWith('*/') ? span / Number(field.slice(2)) : field.split(',').length);
  const [, minute, hour, dom, , dow] = cron as unknown as string[];
  const days = dom === '*' || dom === '?' ? (dow === '*' || dow === '?' ? 30.4 : (count(dow!, 7) * 30.4) / 7) : count(dom!, 30.4);
  return count(minute!, 60) * count(hour!, 24) * days;
}

/** The standing resources of the deployment, counted from its synthesized templates. */
export function inventoryOf(templates: TemplateJson[]): Inventory {
  const all = templates.flatMap((t) => Object.entries(t.Resources ?? {}));
  const byType = (type: string) => all.filter(([, r]) => r.Type === type).map(([id, r]) => ({ id, props: r.Properties ?? {} }));
  const types: Record<string, number> = {};
  for (const [, r] of all) types[r.Type] = (types[r.Type] ?? 0) + 1;

  const alarmMetrics = { standard: 0, highResolution: 0 };
  for (const { props } of byType('AWS::CloudWatch::Alarm')) {
    const metrics = Array.isArray(props.Metrics) ? props.Metrics.filter((m: { MetricStat?: unknown }) => m.MetricStat).length : 1;
    const period = Array.isArray(props.Metrics) ? Math.min(...props.Metrics.map((m: any) => m.MetricStat?.Period ?? 60)) : (props.Period ?? 60);
    alarmMetrics[period < 60 ? 'highResolution' : 'standard'] += metrics;
  }
  const queueIds = new Set(byType('AWS::SQS::Queue').map((q) => q.id));
  const polledQueues = byType('AWS::Lambda::EventSourceMapping').filter(({ props }) => {
    const source = props.EventSourceArn?.['Fn::GetAtt']?.[0];
    return typeof source === 'string' && queueIds.has(source);
  }).length;
  return {
    types,
    functions: byType('AWS::Lambda::Function').map(({ props }) => ({ memoryMb: props.MemorySize ?? 128, arm: (props.Architectures ?? []).includes('arm64') })),
    alarmMetrics,
    webAcls: byType('AWS::WAFv2::WebACL').length,
    wafRules: byType('AWS::WAFv2::WebACL').reduce((n, { props }) => n + (props.Rules?.length ?? 0), 0),
    kmsKeys: byType('AWS::KMS::Key').length,
    secrets: byType('AWS::SecretsManager::Secret').length,
    polledQueues,
    scheduledRunsPerMonth: byType('AWS::Scheduler::Schedule').reduce((n, { props }) => n + runsPerMonth(props.ScheduleExpression), 0),
    tablesWithPitr: byType('AWS::DynamoDB::Table').filter(({ props }) => props.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled).length,
  };
}

/** Resource types in the templates that have neither a price line nor a reason to be free. */
export function unpricedTypes(inventory: Inventory, free: Record<string, string>): string[] {
  return Object.keys(inventory.types).filter((type) => !(type in pricedTypes) && !free[type]?.trim());
}
