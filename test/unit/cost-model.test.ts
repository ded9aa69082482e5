import { describe, expect, it } from 'vitest';
import { billFor } from '../../cdk/cost/bill';
import { inventoryOf, runsPerMonth, type Inventory } from '../../cdk/cost/inventory';
import { emptyCounts, type Counts, type Measured } from '../../cdk/cost/measured';
import { loadPrices } from '../../cdk/cost/prices';
import { defaultAssumptions, monthlyUsage, type Scenario } from '../../cdk/cost/usage';

/** Counts with only the named fields set. */
const counts = (c: Partial<Counts>): Counts => ({ ...emptyCounts(), ...c });
const cold = counts({ apiRequests: 2, staticRequests: 10, staticBytes: 100_000, apiBytes: 1_000, apiMs: 100, rcu: 4 });
const warm = counts({ apiRequests: 1, apiMs: 50, rcu: 2 });
const measured: Measured = {
  measuredAt: '2026-12-02T00:00:00Z',
  commit: 'test',
  dirty: false,
  method: 'hand-made',
  pages: { front: { cold, warm }, list: { cold, warm }, idea: { cold, warm } },
  actions: {
    signIn: counts({ apiRequests: 4, apiMs: 200, rcu: 4 }),
    postIdea: counts({ apiRequests: 2, wcu: 10, emails: 1 }),
    vote: counts({ apiRequests: 1, wcu: 6 }),
    comment: counts({ apiRequests: 1, wcu: 4 }),
  },
  storage: { bytesPerIdea: 10_000, bytesPerVote: 1_000, bytesPerComment: 2_000, bytesPerParticipant: 500 },
};
const inventory: Inventory = {
  types: {},
  functions: [{ memoryMb: 512, arm: true }],
  alarmMetrics: { standard: 12, highResolution: 0 },
  webAcls: 1,
  wafRules: 3,
  kmsKeys: 1,
  secrets: 1,
  polledQueues: 0,
  scheduledRunsPerMonth: 0,
  tablesWithPitr: 1,
};
// Per month: 200 views in 50 visits (4 pages each), 200 of the 600 participants sign in (2 of 6 months),
// 10 ideas, 100 votes, 20 comments.
const small: Scenario = { participants: 600, ideas: 60, votes: 600, comments: 120, views: 1200, months: 6 };
const prices = loadPrices();

describe('the cost model on a hand-computed case', () => {
  const usage = monthlyUsage(small, measured, inventory, defaultAssumptions);

  it('adds up the measured requests and capacity of a month', () => {
    // 50 cold pages × 2 + 150 warm × 1 + 200 sign-ins × 4 + 10 ideas × 2 + 100 votes + 20 comments.
    expect(usage.apiRequests).toBe(1190);
    // 10 × 10 + 100 × 6 + 20 × 4, and 50 × 4 + 150 × 2 + 200 × 4.
    expect(usage.writeUnits).toBe(780);
    expect(usage.readUnits).toBe(1300);
    // 500 static files + 1190 API requests; 50 × 100 kB + 50 × 1 kB.
    expect(usage.cloudfrontRequests).toBe(1690);
    expect(usage.cloudfrontGb).toBeCloseTo(0.00505, 10);
    // 0.5 GB × (52.5 s measured + 59.5 cold starts × 0.5 s + 130 projector runs × 0.1 s).
    expect(usage.lambdaGbSeconds).toBeCloseTo(47.625, 9);
    expect(usage.lambdaInvocations).toBe(1190 + 130);
    // 100 new participants' confirmation codes + 10 mails from posting.
    expect(usage.emails).toBe(110);
    expect(usage.mau).toBe(200);
    // 60 ideas, 600 votes, 120 comments, 600 participants as they stand at the end: 600,000 + 600,000 + 240,000 + 300,000 bytes.
    expect(usage.tableGb).toBeCloseTo(0.00174, 12);
  });

  it('prices each line and sums them', () => {
    const bill = billFor(usage, inventory, prices);
    const line = (item: string) => bill.lines.find((l) => l.item === item)!.usd;
    expect(line('HTTP API requests')).toBeCloseTo((1190 / 1e6) * prices.prices.httpApiRequests.usd, 12);
    expect(line('write request units')).toBeCloseTo((780 / 1e6) * prices.prices.dynamoWriteRequestUnits.usd, 12);
    // The web ACL, its 3 rules and 1690 requests at 0.60 USD a million.
    expect(bill.services.find((s) => s.service === 'WAF')!.usd).toBeCloseTo(5 + 3 + 1690 * 0.6e-6, 9);
    expect(line('alarm metrics')).toBeCloseTo(1.2, 9);
    expect(line('monthly active users')).toBe(0);
    expect(bill.totalUsd).toBeCloseTo(bill.lines.reduce((s, l) => s + l.usd, 0), 9);
    expect(bill.totalUsd).toBeCloseTo(bill.services.reduce((s, l) => s + l.usd, 0), 9);
    expect(bill.totalDkk).toBeCloseTo(bill.totalUsd * prices.usdToDkk, 9);
  });

  it('takes the free tier off only when asked, and Cognito’s 10,000 MAU always', () => {
    const many = { ...usage, lambdaInvocations: 2_000_000, mau: 20_000 };
    const plain = billFor(many, inventory, prices).lines;
    const free = billFor(many, inventory, prices, { freeTier: true }).lines;
    const usd = (lines: typeof plain, item: string) => lines.find((l) => l.item === item)!.usd;
    expect(usd(plain, 'requests')).toBeCloseTo(0.4, 9);
    expect(usd(free, 'requests')).toBeCloseTo(0.2, 9);
    expect(usd(plain, 'monthly active users')).toBeCloseTo(150, 9);
  });

  it('adds a viral idea as new participants who open the idea, sign in and vote', () => {
    const viral = monthlyUsage({ ...small, viralVotes: 1000 }, measured, inventory, defaultAssumptions);
    // Each: a cold idea page (2), a sign-in (4), a vote (1).
    expect(viral.apiRequests - usage.apiRequests).toBe(7000);
    expect(viral.mau - usage.mau).toBe(1000);
    expect(viral.emails - usage.emails).toBe(1000);
  });
});

describe('the inventory', () => {
  it('counts schedules, alarms, rules and polled queues from a template', () => {
    expect(runsPerMonth('cron(0 2 * * ? *)')).toBeCloseTo(30.4, 9);
    expect(runsPerMonth('cron(5 * * * ? *)')).toBeCloseTo(729.6, 9);
    expect(runsPerMonth('rate(1 hour)')).toBe(730);
    const inv = inventoryOf([
      {
        Resources: {
          Q: { Type: 'AWS::SQS::Queue' },
          M: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { EventSourceArn: { 'Fn::GetAtt': ['Q', 'Arn'] } } },
          S: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { EventSourceArn: { 'Fn::GetAtt': ['Table', 'StreamArn'] } } },
          A: { Type: 'AWS::CloudWatch::Alarm', Properties: { Period: 300 } },
          B: { Type: 'AWS::CloudWatch::Alarm', Properties: { Metrics: [{ MetricStat: { Period: 10 } }, { MetricStat: { Period: 10 } }, { Expression: 'm1+m2' }] } },
          W: { Type: 'AWS::WAFv2::WebACL', Properties: { Rules: [{}, {}, {}, {}] } },
          D: { Type: 'AWS::Scheduler::Schedule', Properties: { ScheduleExpression: 'cron(0 2 * * ? *)' } },
        },
      },
    ]);
    expect(inv.polledQueues).toBe(1);
    expect(inv.alarmMetrics).toEqual({ standard: 1, highResolution: 2 });
    expect(inv.wafRules).toBe(4);
    expect(inv.scheduledRunsPerMonth).toBeCloseTo(30.4, 9);
  });
});
