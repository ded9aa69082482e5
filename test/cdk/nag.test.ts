import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { testApp } from './synth';

/**
 * cdk-nag AwsSolutions and Serverless over the whole app, registered the v3 way. The findings the
 * deployment accepts are acknowledged with their reasons in `cdk/nag-suppressions.ts`; anything else in
 * the report is a new finding and fails here.
 */
interface Finding {
  rule: string;
  severity: string;
  path: string;
  message: string;
}
interface ValidationReport {
  pluginReports: { pluginName: string; violations: { ruleName: string; description: string; severity: string; violatingConstructs: { constructPath?: string }[] }[] }[];
}

const outdirs: string[] = [];

/** The packs `DELTAG_NAG=1 npx cdk synth` runs too (cdk/bin/app.ts). */
const packs = ['AwsSolutions', 'Serverless'];

/** Synthesizes with the AwsSolutions and Serverless checks and reads their findings from the validation report. */
function nagFindings(build: (outdir: string) => App): Finding[] {
  const outdir = mkdtempSync(join(tmpdir(), 'deltag-nag-'));
  outdirs.push(outdir);
  const app = build(outdir);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  app.synth();
  // A run without findings still writes the report, with no plugin entries: a missing file is an error.
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
  return report.pluginReports
    .filter((p) => packs.includes(p.pluginName))
    .flatMap((p) => p.violations)
    .flatMap((v) => v.violatingConstructs.map((c) => ({ rule: v.ruleName, severity: v.severity, path: c.constructPath ?? '?', message: v.description })));
}

// Findings go to the report instead of failing the synth, so a failure here can list them all.
const reportOnly = { '@aws-cdk/core:failSynthOnValidationErrors': false };

let app: App;
let findings: Finding[] = [];
let control: Finding[] = [];
let withDomain: Finding[] = [];

beforeAll(() => {
  // Prepare: the app as `cdk synth` builds it, and a control app with one bucket cdk-nag must report.
  findings = nagFindings((outdir) => (app = testApp(reportOnly, outdir).app));
  // With the municipality's domain the distribution requires TLSv1.2_2021, so CFR4 needs no acknowledgment.
  const domain = { domainName: 'deltag.gentofte.dk', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f0e5a1c-1111-2222-3333-444455556666' };
  withDomain = nagFindings((outdir) => testApp({ ...reportOnly, ...domain }, outdir).app);
  control = nagFindings((outdir) => {
    const controlApp = new App({ outdir, context: reportOnly });
    const stack = new Stack(controlApp, 'Control');
    new Bucket(stack, 'Bucket');
    new LogGroup(stack, 'Logs', { retention: RetentionDays.INFINITE });
    return controlApp;
  });
}, 240_000);

afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

it('leaves no cdk-nag finding unacknowledged (a new one must be fixed or accepted with a reason)', () => {
  const lines = findings.map((f) => `${f.rule}  ${f.severity}  ${f.path}  ${f.message}`);
  expect(lines, `cdk-nag findings not acknowledged in cdk/nag-suppressions.ts:\n${lines.join('\n')}`).toEqual([]);
});

it('leaves none either with a custom domain configured (context domainName and certificateArn)', () => {
  expect(withDomain.map((f) => `${f.rule}  ${f.path}`)).toEqual([]);
});

it('gives every acknowledgment a reason, and prints them by rule', () => {
  const acknowledged = app.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
    .flatMap((m) => Object.entries(m.data as Record<string, string>))
    .map(([id, reason]) => ({ rule: id.replace(/^annotation::/i, ''), reason }));
  const perRule = new Map<string, number>();
  for (const { rule } of acknowledged) perRule.set(rule.replace(/\[.*$/, ''), (perRule.get(rule.replace(/\[.*$/, '')) ?? 0) + 1);
  console.log(`cdk-nag AwsSolutions + Serverless: ${acknowledged.length} acknowledgments (${[...perRule].map(([r, n]) => `${r} ×${n}`).join(', ')}), ${findings.length} findings left`);

  expect(acknowledged.length).toBeGreaterThan(0);
  for (const { rule, reason } of acknowledged) expect(reason.length, `${rule} needs a reason a reviewer can check`).toBeGreaterThanOrEqual(40);
});

it('reads the findings it checks: a bucket without access logs and a log group without retention in a control app are reported', () => {
  expect(control).toContainEqual(expect.objectContaining({ rule: 'AwsSolutions-S1', path: 'Control/Bucket/Resource' }));
  expect(control).toContainEqual(expect.objectContaining({ rule: 'Serverless-CloudWatchLogGroupRetentionPeriod', path: 'Control/Logs/Resource' }));
});
