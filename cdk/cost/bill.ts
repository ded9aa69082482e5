import type { Inventory } from './inventory';
import type { PriceFile, PriceKey } from './prices';
import type { Usage } from './usage';

export interface BillLine {
  service: string;
  item: string;
  quantity: number;
  unit: string;
  usd: number;
  price: PriceKey;
}

export interface Bill {
  lines: BillLine[];
  /** Per service, in the order the lines first name them. */
  services: { service: string; usd: number }[];
  totalUsd: number;
  totalDkk: number;
}

export interface BillOptions {
  /** Take AWS's always-free monthly allowances off (off by default: the account usually has other workloads). */
  freeTier?: boolean;
}

/**
 * A month's bill: each quantity times its price, less the free allowance where it applies. Cognito's
 * 10,000 free MAUs are always applied (they belong to the pool's tier, not to a new account).
 */
export function billFor(usage: Usage, inventory: Inventory, prices: PriceFile, options: BillOptions = {}): Bill {
  const lines: BillLine[] = [];
  const line = (service: string, item: string, quantity: number, price: PriceKey, alwaysFree = false) => {
    const p = prices.prices[price];
    if (!p) throw new Error(`No price ${price} in the price file`);
    const free = options.freeTier || alwaysFree ? (p.freePerMonth ?? 0) : 0;
    const billed = Math.max(0, quantity - free);
    lines.push({ service, item, quantity, unit: p.unit, usd: (billed / p.per) * p.usd, price });
  };

  line('Lambda', 'requests', usage.lambdaInvocations, 'lambdaRequests');
  line('Lambda', 'GB-seconds (Arm, INIT included)', usage.lambdaGbSeconds, 'lambdaArmGbSecond');
  line('API Gateway', 'HTTP API requests', usage.apiRequests, 'httpApiRequests');
  line('DynamoDB', 'read request units', usage.readUnits, 'dynamoReadRequestUnits');
  line('DynamoDB', 'write request units', usage.writeUnits, 'dynamoWriteRequestUnits');
  line('DynamoDB', 'storage GB-month', usage.tableGb, 'dynamoStorageGbMonth');
  line('DynamoDB', 'PITR GB-month', usage.tableGb * Math.min(1, inventory.tablesWithPitr), 'dynamoPitrGbMonth');
  line('CloudFront', 'HTTPS requests', usage.cloudfrontRequests, 'cloudfrontHttpsRequestsEurope');
  line('CloudFront', 'data transfer out GB', usage.cloudfrontGb, 'cloudfrontTransferEuropeGb');
  if (inventory.types['AWS::CloudFront::Function']) line('CloudFront', 'function invocations', usage.cloudfrontFunctionInvocations, 'cloudfrontFunctionInvocations');
  line('S3', 'storage GB-month (site, access logs)', usage.s3Gb, 's3StandardGbMonth');
  line('S3', 'GET requests (cache misses)', usage.s3Gets, 's3GetRequests');
  line('S3', 'PUT requests (log files)', usage.s3Puts, 's3PutRequests');
  line('Cognito', 'monthly active users', usage.mau, 'cognitoEssentialsMau', true);
  line('SES', 'e-mails', usage.emails, 'sesEmails');
  line('WAF', 'web ACLs', inventory.webAcls, 'wafWebAclMonth');
  line('WAF', 'rules and managed rule groups', inventory.wafRules, 'wafRuleMonth');
  line('WAF', 'requests', inventory.webAcls ? usage.cloudfrontRequests : 0, 'wafRequests');
  line('CloudWatch', 'alarm metrics', inventory.alarmMetrics.standard, 'cloudwatchAlarmMetricMonth');
  if (inventory.alarmMetrics.highResolution) line('CloudWatch', 'high-resolution alarm metrics', inventory.alarmMetrics.highResolution, 'cloudwatchHighResAlarmMetricMonth');
  line('CloudWatch', 'logs ingested GB', usage.logIngestGb, 'cloudwatchLogsIngestGb');
  line('CloudWatch', 'logs stored GB-month', usage.logStoredGb, 'cloudwatchLogsStoreGbMonth');
  line('X-Ray', 'traces recorded', usage.traces, 'xrayTracesRecorded');
  line('EventBridge', 'Scheduler invocations', usage.scheduledRuns, 'schedulerInvocations');
  line('SQS', 'requests (Lambda pollers, messages)', usage.sqsRequests, 'sqsRequests');
  line('SNS', 'alarm e-mails', 0, 'snsEmailNotifications');
  line('KMS', 'customer managed keys', inventory.kmsKeys, 'kmsKeyMonth');
  line('Secrets Manager', 'secrets', inventory.secrets, 'secretMonth');
  line('Secrets Manager', 'API calls (one per cold start)', inventory.secrets ? usage.secretCalls : 0, 'secretApiCalls');

  const services: { service: string; usd: number }[] = [];
  for (const l of lines) {
    const s = services.find((x) => x.service === l.service);
    if (s) s.usd += l.usd;
    else services.push({ service: l.service, usd: l.usd });
  }
  const totalUsd = lines.reduce((sum, l) => sum + l.usd, 0);
  return { lines, services, totalUsd, totalDkk: totalUsd * prices.usdToDkk };
}
