import { beforeAll, describe, expect, it } from 'vitest';
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { requestsPerIpPer5Min } from '../../cdk/stacks/edge-waf-stack';
import { siteUrlParameterName } from '../../cdk/stacks/web-stack';
import { ORIGIN_HEADER, ORIGIN_SECRET_ARN_ENV } from '#functions/adapters/secrets/origin-secret';
import { testApp } from './synth';

/**
 * The edge (issue 17, infrastructure): a WAF web ACL in us-east-1 in front of CloudFront, access logs
 * of CloudFront and the site bucket, and TLSv1.2_2021 once the municipality's domain is configured.
 */
type Resource = { Type: string; Properties: Record<string, any> };
type Template = { Resources: Record<string, Resource>; Outputs?: Record<string, unknown> };

function synth(context: Record<string, unknown> = {}) {
  const built = testApp(context);
  const assembly = built.app.synth();
  const template = (name: string) => assembly.getStackByName(name).template as Template;
  const of = (t: Template, type: string) => Object.entries(t.Resources).filter(([, r]) => r.Type === type);
  const web = template('Deltag-Web');
  const [[, distribution]] = of(web, 'AWS::CloudFront::Distribution') as [[string, Resource]];
  return { built, assembly, template, of, web, config: distribution.Properties.DistributionConfig };
}

/** The cdk-nag acknowledgments (rule ids) recorded on a construct. */
const acknowledgedOn = (scope: IConstruct) =>
  scope.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).flatMap((m) => Object.keys(m.data as object).map((id) => id.replace(/^annotation::/i, '')));

let plain: ReturnType<typeof synth>;
let withDomain: ReturnType<typeof synth>;
const domain = { domainName: 'deltag.gentofte.dk', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f0e5a1c-1111-2222-3333-444455556666' };

beforeAll(() => {
  plain = synth();
  withDomain = synth(domain);
}, 240_000);

describe('WAF in front of CloudFront', () => {
  it('puts a web ACL from a us-east-1 stack on the distribution, by a cross-region reference', () => {
    const waf = plain.assembly.getStackByName('Deltag-EdgeWaf');
    expect(waf.environment.region).toBe('us-east-1');
    const acls = plain.of(waf.template as Template, 'AWS::WAFv2::WebACL');
    expect(acls).toHaveLength(1);
    expect(acls[0]![1].Properties.Scope).toBe('CLOUDFRONT');
    expect(plain.config.WebACLId).toMatchObject({ 'Fn::GetStackOutput': { StackName: 'Deltag-EdgeWaf', Region: 'us-east-1' } });
    expect(acknowledgedOn(plain.built.web.distribution)).not.toContain('AwsSolutions-CFR2');
  });

  it("runs AWS's common and known-bad-input rules and blocks an IP address over its rate", () => {
    const waf = plain.assembly.getStackByName('Deltag-EdgeWaf').template as Template;
    const rules = plain.of(waf, 'AWS::WAFv2::WebACL')[0]![1].Properties.Rules as any[];
    const managed = rules.map((r) => r.Statement.ManagedRuleGroupStatement).filter(Boolean);
    expect(managed.map((m) => `${m.VendorName}/${m.Name}`)).toEqual(['AWS/AWSManagedRulesCommonRuleSet', 'AWS/AWSManagedRulesKnownBadInputsRuleSet']);
    const rate = rules.find((r) => r.Statement.RateBasedStatement);
    expect(rate.Action).toEqual({ Block: {} });
    expect(rate.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', Limit: requestsPerIpPer5Min });
  });

  it('lets API bodies over 8 KB past the common set (the API limits them itself) and blocks them everywhere else', () => {
    const waf = plain.assembly.getStackByName('Deltag-EdgeWaf').template as Template;
    const rules = plain.of(waf, 'AWS::WAFv2::WebACL')[0]![1].Properties.Rules as any[];
    const common = rules.find((r) => r.Statement.ManagedRuleGroupStatement?.Name === 'AWSManagedRulesCommonRuleSet');
    expect(common.Statement.ManagedRuleGroupStatement.RuleActionOverrides).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
    const oversize = rules.find((r) => r.Name === 'OversizeBodyOutsideApi');
    expect(oversize.Priority).toBeGreaterThan(common.Priority);
    expect(oversize.Action).toEqual({ Block: {} });
    const [label, notApi] = oversize.Statement.AndStatement.Statements;
    expect(label.LabelMatchStatement.Key).toBe('awswaf:managed:aws:core-rule-set:SizeRestrictions_Body');
    expect(notApi.NotStatement.Statement.ByteMatchStatement).toMatchObject({ PositionalConstraint: 'STARTS_WITH', SearchString: '/api/' });
  });
});

describe('access logs', () => {
  it("writes CloudFront's and the site bucket's logs to a private, TLS-only bucket that deletes them after 90 days", () => {
    const { web, config, of } = plain;
    const logBucketId = config.Logging.Bucket['Fn::GetAtt'][0] as string;
    const logBucket = web.Resources[logBucketId]!.Properties;
    expect(logBucket.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(logBucket.LifecycleConfiguration.Rules).toEqual([expect.objectContaining({ ExpirationInDays: 90, Status: 'Enabled' })]);
    const policy = of(web, 'AWS::S3::BucketPolicy').find(([, p]) => JSON.stringify(p.Properties.Bucket).includes(logBucketId))!;
    expect(JSON.stringify(policy[1].Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    const [, site] = of(web, 'AWS::S3::Bucket').find(([id]) => id.startsWith('SiteBucket'))!;
    expect(site.Properties.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: logBucketId }, LogFilePrefix: 's3/' });
    expect(acknowledgedOn(plain.built.web.distribution)).not.toContain('AwsSolutions-CFR3');
  });
});

describe('TLS', () => {
  it('without a custom domain: the cloudfront.net address and certificate (whose protocol CloudFront fixes)', () => {
    expect(plain.config.Aliases).toBeUndefined();
    expect(plain.config.ViewerCertificate).toBeUndefined();
    expect(acknowledgedOn(plain.built.web.distribution)).toContain('AwsSolutions-CFR4');
  });

  it("with a custom domain: the municipality's certificate, TLSv1.2_2021 at least, and links on that domain", () => {
    const { config, web, of } = withDomain;
    expect(config.Aliases).toEqual([domain.domainName]);
    expect(config.ViewerCertificate).toEqual({ AcmCertificateArn: domain.certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
    const [, parameter] = of(web, 'AWS::SSM::Parameter').find(([, p]) => p.Properties.Name === siteUrlParameterName)!;
    expect(parameter.Properties.Value).toBe(`https://${domain.domainName}`);
    expect(acknowledgedOn(withDomain.built.web.distribution)).not.toContain('AwsSolutions-CFR4');
  });

  it('refuses a domain without its certificate', () => {
    expect(() => testApp({ domainName: domain.domainName })).toThrow(/certificateArn/);
  });
});

describe('the API only through CloudFront', () => {
  it("has CloudFront add a generated secret to every /api/* request, and gives every API function that secret's ARN and read access", () => {
    const { web, config, template, of, built } = plain;
    const api = template('Deltag-Api');
    const [[secretId, secret]] = of(api, 'AWS::SecretsManager::Secret') as [[string, Resource]];
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true });
    const apiBehaviour = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    const apiOrigin = config.Origins.find((o: { Id: string }) => o.Id === apiBehaviour.TargetOriginId);
    expect(apiOrigin.OriginCustomHeaders).toHaveLength(1);
    expect(apiOrigin.OriginCustomHeaders[0].HeaderName).toBe(ORIGIN_HEADER);
    // A dynamic reference CloudFormation resolves at deployment: the value is in no template.
    expect(JSON.stringify(apiOrigin.OriginCustomHeaders[0].HeaderValue)).toContain('{{resolve:secretsmanager:');
    expect(JSON.stringify(web)).not.toMatch(/"HeaderValue":"[A-Za-z0-9]{48}"/);
    const functions = Object.values(built.api.functions);
    expect(functions.length).toBeGreaterThan(10);
    for (const fn of functions) {
      const id = built.api.getLogicalId(fn.fn.node.defaultChild as never);
      expect(api.Resources[id]!.Properties.Environment.Variables[ORIGIN_SECRET_ARN_ENV], fn.node.id).toEqual({ Ref: secretId });
      const roleId = built.api.getLogicalId(fn.fn.role!.node.defaultChild as never);
      const statements = of(api, 'AWS::IAM::Policy')
        .filter(([, p]) => p.Properties.Roles.some((r: { Ref?: string }) => r.Ref === roleId))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
      expect(statements, fn.node.id).toContainEqual(expect.objectContaining({ Action: expect.arrayContaining(['secretsmanager:GetSecretValue']), Resource: { Ref: secretId } }));
    }
  });
});
