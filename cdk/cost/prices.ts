import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The one dated price file: replace it (new name, new date) when the prices are checked again. */
export const PRICE_FILE = 'prices-eu-north-1-2026-12-02.json';

export type PriceKey =
  | 'lambdaRequests'
  | 'lambdaArmGbSecond'
  | 'httpApiRequests'
  | 'dynamoWriteRequestUnits'
  | 'dynamoReadRequestUnits'
  | 'dynamoStorageGbMonth'
  | 'dynamoPitrGbMonth'
  | 'cloudfrontTransferEuropeGb'
  | 'cloudfrontHttpsRequestsEurope'
  | 'cloudfrontFunctionInvocations'
  | 's3StandardGbMonth'
  | 's3GetRequests'
  | 's3PutRequests'
  | 'cognitoEssentialsMau'
  | 'sesEmails'
  | 'wafWebAclMonth'
  | 'wafRuleMonth'
  | 'wafRequests'
  | 'cloudwatchAlarmMetricMonth'
  | 'cloudwatchHighResAlarmMetricMonth'
  | 'cloudwatchLogsIngestGb'
  | 'cloudwatchLogsStoreGbMonth'
  | 'xrayTracesRecorded'
  | 'schedulerInvocations'
  | 'sqsRequests'
  | 'snsEmailNotifications'
  | 'kmsKeyMonth'
  | 'kmsRequests'
  | 'secretMonth'
  | 'secretApiCalls';

export interface Price {
  /** USD for `per` units. */
  usd: number;
  per: number;
  unit: string;
  confidence: 'high' | 'medium' | 'low';
  source: string;
  /** Units a month AWS's always-free tier covers (applied only with --free-tier, except where the model says). */
  freePerMonth?: number;
  note?: string;
}

export interface PriceFile {
  compiled: string;
  region: string;
  edgeRegion: string;
  usdToDkk: number;
  prices: Record<PriceKey, Price>;
  /** Resource types with no charge of their own, each with the reason. */
  free: Record<string, string>;
}

export function loadPrices(file = PRICE_FILE): PriceFile {
  return JSON.parse(readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8')) as PriceFile;
}
