import { beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { inventoryOf, pricedTypes, unpricedTypes, type Inventory } from '../../cdk/cost/inventory';
import { loadPrices } from '../../cdk/cost/prices';
import { testApp } from './synth';

/**
 * The cost model (npm run cost) against the deployment as synthesized: every resource type in every
 * stack has a price line or a stated reason to be free, so a new kind of resource cannot reach the
 * bill unpriced; and what the bill counts (alarms, rules, keys, schedules) comes from the templates.
 */
let inventory: Inventory;
const prices = loadPrices();

beforeAll(() => {
  const app = testApp();
  inventory = inventoryOf([app.data, app.auth, app.api, app.web, app.edgeWaf].map((stack) => Template.fromStack(stack).toJSON()));
}, 120_000);

describe('the cost model covers the synthesized deployment', () => {
  it('prices every resource type or names why it is free', () => {
    expect(Object.keys(inventory.types).length).toBeGreaterThan(10);
    expect(unpricedTypes(inventory, prices.free)).toEqual([]);
  });

  it('notices an unpriced type', () => {
    const withNew = { ...inventory, types: { ...inventory.types, 'AWS::EC2::NatGateway': 1 } };
    expect(unpricedTypes(withNew, prices.free)).toEqual(['AWS::EC2::NatGateway']);
  });

  it('has a price for every line a priced type names', () => {
    const named = new Set(Object.values(pricedTypes).flat());
    expect([...named].filter((key) => !prices.prices[key])).toEqual([]);
    for (const key of named) expect(prices.prices[key].source).toMatch(/^https:\/\/aws\.amazon\.com\//);
  });

  it('counts the standing resources the bill charges for', () => {
    // The list of billable kinds, each present: the bill has lines for all of them.
    for (const type of ['AWS::Lambda::Function', 'AWS::DynamoDB::Table', 'AWS::ApiGatewayV2::Api', 'AWS::CloudFront::Distribution', 'AWS::S3::Bucket', 'AWS::Cognito::UserPool', 'AWS::WAFv2::WebACL', 'AWS::Logs::LogGroup', 'AWS::CloudWatch::Alarm', 'AWS::SQS::Queue', 'AWS::KMS::Key', 'AWS::SecretsManager::Secret']) {
      expect(inventory.types[type], type).toBeGreaterThan(0);
    }
    expect(inventory.alarmMetrics.standard).toBe(inventory.types['AWS::CloudWatch::Alarm']);
    expect(inventory.webAcls).toBe(1);
    expect(inventory.wafRules).toBeGreaterThanOrEqual(3);
    expect(inventory.tablesWithPitr).toBe(inventory.types['AWS::DynamoDB::Table']);
    expect(inventory.functions.every((f) => f.arm)).toBe(true);
    expect(inventory.scheduledRunsPerMonth).toBeGreaterThan(0);
  });
});
