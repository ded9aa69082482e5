import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** CloudFront's web ACLs must live in us-east-1, whatever the region of the rest. */
export const edgeRegion = 'us-east-1';

/**
 * Requests per IP address in five minutes before the address is blocked for a while. Generous on
 * purpose: at a citizens' meeting a hundred phones answer a live round from the venue's one Wi-Fi
 * address, and loading the app is some twenty files. A script hammering the API passes it in seconds.
 */
export const requestsPerIpPer5Min = 3000;

/** The label AWS's common rule set puts on a request whose body is over 8 KB (SizeRestrictions_BODY). */
const oversizeBodyLabel = 'awswaf:managed:aws:core-rule-set:SizeRestrictions_Body';

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

const managed = (priority: number, name: string, ruleActionOverrides?: CfnWebACL.RuleActionOverrideProperty[]): CfnWebACL.RuleProperty => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: { managedRuleGroupStatement: { vendorName: 'AWS', name, ruleActionOverrides } },
  visibilityConfig: visibility(name),
});

/**
 * The web ACL in front of CloudFront (in us-east-1, as CloudFront requires), wired to the distribution
 * by a cross-region reference. AWS's managed common rules (OWASP-style: bad bots, path traversal, XSS
 * and the like) and known bad inputs (Log4Shell, Java deserialization, …), and a rate-based rule per IP.
 */
export class EdgeWafStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: 'deltag-edge',
      description: 'Deltag: managed common and known-bad-input rules and a rate limit per IP, in front of CloudFront',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('deltag-edge'),
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { aggregateKeyType: 'IP', limit: requestsPerIpPer5Min, evaluationWindowSec: 300 } },
          visibilityConfig: visibility('RateLimitPerIp'),
        },
        // The common set blocks bodies over 8 KB; the API takes up to 64 KB (a consultation document's
        // text, a long comment) and refuses more itself (MAX_BODY_BYTES, a 413 problem), and its zod
        // schemas limit every field. So the rule only counts here, and the next rule blocks by its label
        // everywhere but /api/.
        managed(1, 'AWSManagedRulesCommonRuleSet', [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }]),
        {
          name: 'OversizeBodyOutsideApi',
          priority: 2,
          action: { block: {} },
          statement: {
            andStatement: {
              statements: [
                { labelMatchStatement: { scope: 'LABEL', key: oversizeBodyLabel } },
                {
                  notStatement: {
                    statement: {
                      byteMatchStatement: {
                        fieldToMatch: { uriPath: {} },
                        positionalConstraint: 'STARTS_WITH',
                        searchString: '/api/',
                        textTransformations: [{ priority: 0, type: 'NONE' }],
                      },
                    },
                  },
                },
              ],
            },
          },
          visibilityConfig: visibility('OversizeBodyOutsideApi'),
        },
        managed(3, 'AWSManagedRulesKnownBadInputsRuleSet'),
      ],
    });
  }
}
