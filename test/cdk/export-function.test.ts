import { describe, expect, it } from 'vitest';
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { testApp } from './synth';

/**
 * The export function renders the frozen annex's PDF (issue 16) and gets more memory (so more CPU)
 * and time than a request's 512 MB and 10 s; every other area keeps the defaults.
 */
describe('the export function', () => {
  it('has 1024 MB and 29 s, while the other areas keep 512 MB and 10 s', () => {
    const app = testApp();
    const template = Template.fromStack(app.api);
    const functions = template.findResources('AWS::Lambda::Function') as Record<string, { Properties: { MemorySize?: number; Timeout?: number } }>;
    const idOf = (area: keyof typeof app.api.functions) => app.api.getLogicalId(app.api.functions[area]!.fn.node.defaultChild as CfnElement);
    expect(functions[idOf('export')]!.Properties).toMatchObject({ MemorySize: 1024, Timeout: 29 });
    for (const area of ['ideas', 'moderation', 'votes'] as const) expect(functions[idOf(area)]!.Properties, area).toMatchObject({ MemorySize: 512, Timeout: 10 });
  }, 120_000);
});
