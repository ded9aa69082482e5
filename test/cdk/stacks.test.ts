import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { routeKey } from '#shared/api/route-meta';
import { routeList } from '#shared/api/routes';
import { isProtected } from '#shared/rules/access';
import { roles } from '#shared/schemas/user';
import { indexProjection, tables } from '#functions/adapters/dynamodb/tables';
import { identity } from '../../cdk/definitions/identity';
import { RetentionJob } from '../../cdk/constructs/retention-job';
import { DigestJob } from '../../cdk/constructs/digest-job';
import { HideJob } from '../../cdk/constructs/hide-job';
import { ScheduledJob } from '../../cdk/constructs/scheduled-job';
import { SearchProjector } from '../../cdk/constructs/search-projector';
import { siteUrlParameterName } from '../../cdk/stacks/web-stack';
import { testApp } from './synth';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

let app: ReturnType<typeof testApp>;
const templates = {} as Record<'data' | 'auth' | 'api' | 'web', Template>;

/** The one retention job of the API stack. */
const retentionJob = () => {
  const [job, ...others] = app.api.node.findAll().filter((c): c is RetentionJob => c instanceof RetentionJob);
  expect(others).toEqual([]);
  return job!;
};
/** The logical id CloudFormation sees for a construct's L1 resource. */
const logicalId = (stack: Stack, construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const resources = (template: Template, type: string) => Object.values(template.findResources(type)) as Resource[];

beforeAll(() => {
  // Prepare: one synth of the whole app for every test in this file.
  app = testApp();
  for (const name of ['data', 'auth', 'api', 'web'] as const) templates[name] = Template.fromStack(app[name]);
}, 60_000);

describe('api stack', () => {
  const areas = [...new Set(routeList.map((r) => r.area))];
  type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
  /** Every IAM statement of an area's function role. */
  const statementsOf = (area: (typeof areas)[number]): Statement[] => {
    const roleId = logicalId(app.api, app.api.functions[area]!.fn.role!);
    return resources(templates.api, 'AWS::IAM::Policy')
      .filter((p) => p.Properties.Roles.some((r: { Ref?: string }) => r.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
  };
  /** Every IAM action granted to an area's function role. */
  const actionsOf = (area: (typeof areas)[number]): string[] => statementsOf(area).filter((s) => s.Effect === 'Allow').flatMap((s) => s.Action);
  /** An ARN as CloudFormation would write it, for partition aws and account 123456789012. */
  const arn = (value: unknown): string => {
    const pseudo: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::AccountId': '123456789012', 'AWS::Region': 'eu-north-1' };
    if (typeof value === 'string') return value;
    const v = value as { 'Fn::Join'?: [string, unknown[]]; Ref?: string };
    if (v.Ref) return pseudo[v.Ref] ?? `<${v.Ref}>`;
    if (v['Fn::Join']) return v['Fn::Join'][1].map(arn).join(v['Fn::Join'][0]);
    return JSON.stringify(value);
  };

  it('has one Lambda function per feature area with routes, on nodejs24.x and arm64', () => {
    // The scheduled jobs (retention, reminders, digests), the digests' queue-fed sender and the block's
    // hide-everything worker (issue 17) are functions of their own, with no routes.
    const jobs = app.api.node.findAll().filter((c): c is ScheduledJob => c instanceof ScheduledJob);
    expect(jobs).toHaveLength(3);
    const hideJobs = app.api.node.findAll().filter((c): c is HideJob => c instanceof HideJob);
    expect(hideJobs).toHaveLength(1);
    // And the search projector (issue 18), fed by the table's stream (search-projector.test.ts).
    const projectors = app.api.node.findAll().filter((c): c is SearchProjector => c instanceof SearchProjector);
    expect(projectors).toHaveLength(1);
    const jobIds = [...jobs.flatMap((job) => (job instanceof DigestJob ? [job.fn, job.sender] : [job.fn])), ...hideJobs.map((job) => job.worker), ...projectors.flatMap((p) => [p.fn, p.fold])].map((fn) => logicalId(app.api, fn));
    const functions = Object.entries(templates.api.findResources('AWS::Lambda::Function')).filter(([id]) => !jobIds.includes(id)).map(([, r]) => r as Resource);
    expect(functions).toHaveLength(areas.length);
    for (const fn of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(
        expect.arrayContaining(['POWERTOOLS_SERVICE_NAME', 'USER_POOL_ID', 'USER_POOL_CLIENT_ID', ...tables.map((t) => t.envVar)]),
      );
    }
  });

  it('grants table writes only to areas with a writing route', () => {
    for (const area of areas) {
      const fn = app.api.functions[area];
      expect(fn, area).toBeDefined();
      const actions = actionsOf(area);
      const writes = routeList.some((r) => r.area === area && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
      // The API description and the catch-all read nothing (least-privilege.test.ts).
      if (area === 'meta') {
        const allowed = statementsOf(area).filter((s) => s.Effect === 'Allow').flatMap((s) => [s.Action].flat());
        expect(allowed.filter((a) => a.startsWith('dynamodb:')), area).toEqual([]);
        continue;
      }
      expect(actions, area).toContain('dynamodb:Query');
      if (writes) expect(actions, area).toContain('dynamodb:PutItem');
      else expect(actions, area).not.toContain('dynamodb:PutItem');
    }
  });

  it('gives user-pool actions only to the areas that need them, and only those actions', () => {
    const expected: Record<string, string[]> = {
      me: ['cognito-idp:AdminDeleteUser', 'cognito-idp:AdminGetUser'],
      moderation: ['cognito-idp:AdminGetUser'],
      admin: ['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminListGroupsForUser', 'cognito-idp:AdminRemoveUserFromGroup', 'cognito-idp:ListUsers'],
      consultations: ['cognito-idp:AdminListGroupsForUser', 'cognito-idp:ListUsers'],
      events: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser', 'cognito-idp:ListUsers'],
    };
    for (const area of areas) {
      const cognito = actionsOf(area).filter((a: string) => a.startsWith('cognito-idp:'));
      expect(cognito.sort(), area).toEqual(expected[area] ?? []);
    }
  });

  // Events and me: a cancelled sign-up (or a deleted account's) gives the seat to the next person, who gets a mail.
  const mailing = ['moderation', 'consultations', 'events', 'me'];
  it('lets only the moderation, consultation, events and me functions send mail (decisions, round invitations, seats), from the configured sender', () => {
    for (const area of areas) {
      expect(actionsOf(area).includes('ses:SendEmail'), area).toBe(mailing.includes(area));
    }
  });

  it('lets only the functions that mail or export read the site address, from its one SSM parameter', () => {
    const envOf = (area: (typeof areas)[number]) => {
      const id = logicalId(app.api, app.api.functions[area]!.fn);
      return (templates.api.toJSON().Resources[id] as Resource).Properties.Environment.Variables as Record<string, unknown>;
    };
    for (const area of areas) {
      // Assisted: a printed receipt carries absolute links (where to follow the idea, where to claim it).
      const linking = area === 'export' || area === 'assisted' || mailing.includes(area);
      const ssm = statementsOf(area).filter((s) => [s.Action].flat().some((a) => a.startsWith('ssm:')));
      if (!linking) {
        expect(ssm, area).toEqual([]);
        expect(envOf(area).SITE_URL_PARAMETER, area).toBeUndefined();
        continue;
      }
      expect(envOf(area).SITE_URL_PARAMETER, area).toBe(siteUrlParameterName);
      // Not SITE_URL: in AWS the address comes only from the parameter the web stack writes.
      expect(envOf(area).SITE_URL, area).toBeUndefined();
      expect(ssm.map((s) => [s.Effect, s.Action, arn(s.Resource)]), area).toEqual([
        ['Allow', 'ssm:GetParameter', 'arn:aws:ssm:eu-north-1:123456789012:parameter/deltag/site-url'],
      ]);
    }
    // Found by name, not by reference: the API stack imports nothing from the web stack (which depends on it).
    expect(JSON.stringify(templates.api.toJSON())).not.toContain('Fn::ImportValue');
  });

  it('gives assisted participation a function of its own with only what its acts need', () => {
    // Its own role, apart from the citizen's areas: acting for someone else is granted to this function alone.
    const fn = app.api.functions.assisted;
    expect(fn).toBeDefined();
    expect(fn!.fn.role).not.toBe(app.api.functions.ideas!.fn.role);
    const actions = actionsOf('assisted');
    // Registers citizens and writes their ideas, votes, comments and answers; erases them on request.
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']));
    // No user pool (the citizen has no account until they claim, and a claim acts as the signed-in
    // account) and no mail (the receipt is printed): only the table, the site's address and, like every
    // API function, CloudFront's origin secret (issue 17).
    expect(actions.filter((a) => !a.startsWith('dynamodb:') && !a.startsWith('xray:') && a !== 'ssm:GetParameter' && !a.startsWith('secretsmanager:'))).toEqual([]);
    // Every route of the area goes to this function, and none of them is public.
    const assistedRoutes = routeList.filter((r) => r.area === 'assisted');
    expect(assistedRoutes.length).toBe(12);
    expect(assistedRoutes.filter((r) => !isProtected(r.access)).map((r) => r.id)).toEqual([]);
    const fnId = logicalId(app.api, fn!.fn);
    const integrationFor = new Map(
      Object.entries(templates.api.findResources('AWS::ApiGatewayV2::Integration')).map(([id, r]) => [id, JSON.stringify((r as Resource).Properties.IntegrationUri)]),
    );
    const byKey = new Map(resources(templates.api, 'AWS::ApiGatewayV2::Route').map((r) => [r.Properties.RouteKey, JSON.stringify(r.Properties.Target)]));
    for (const route of assistedRoutes) {
      const target = byKey.get(routeKey(route)) ?? '';
      const integration = [...integrationFor].find(([id]) => target.includes(id));
      expect(integration?.[1], route.id).toContain(fnId);
    }
  });

  it('has one route per entry of the route table, with its route key', () => {
    const keys = resources(templates.api, 'AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey);
    expect(keys.sort()).toEqual(routeList.map(routeKey).sort());
  });

  it('puts the Cognito JWT authorizer on protected routes and none on public ones', () => {
    const [authorizer] = resources(templates.api, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer?.Properties.AuthorizerType).toBe('JWT');
    expect(JSON.stringify(authorizer?.Properties.JwtConfiguration.Issuer)).toContain('https://cognito-idp.eu-north-1.amazonaws.com/');
    const byKey = new Map(resources(templates.api, 'AWS::ApiGatewayV2::Route').map((r) => [r.Properties.RouteKey, r.Properties]));
    for (const route of routeList) {
      const props = byKey.get(routeKey(route));
      if (isProtected(route.access)) {
        expect(props, route.id).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: expect.anything() });
      } else {
        expect(props?.AuthorizationType ?? 'NONE', route.id).toBe('NONE');
        expect(props?.AuthorizerId, route.id).toBeUndefined();
      }
    }
  });

  it('logs access and throttles on the default stage', () => {
    templates.api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: { DestinationArn: Match.anyValue() },
      DefaultRouteSettings: { ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 },
    });
  });
});

describe('retention job', () => {
  const job = () => retentionJob();
  const template = () => templates.api.toJSON().Resources as Record<string, Resource>;
  /** How the API stack refers to the main table's name and ARN: as the ideas function's environment and grant do. */
  const ideasFn = () => template()[logicalId(app.api, app.api.functions.ideas!.fn)]!;
  const mainTableName = () => ideasFn().Properties.Environment.Variables[tables[0]!.envVar];
  const mainTableArn = () => {
    const roleId = logicalId(app.api, app.api.functions.ideas!.fn.role!);
    const grant = resources(templates.api, 'AWS::IAM::Policy')
      .filter((p) => p.Properties.Roles.some((r: { Ref?: string }) => r.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string[]; Resource: unknown[] }[])
      .find((st) => [st.Action].flat().includes('dynamodb:Query'))!;
    return grant.Resource[0];
  };

  it('runs the retention function every night at 02:00 Danish time through EventBridge Scheduler', () => {
    const jobArn = { 'Fn::GetAtt': [logicalId(app.api, job().fn), 'Arn'] };
    const [schedule, ...others] = resources(templates.api, 'AWS::Scheduler::Schedule').filter((s) => JSON.stringify(s.Properties.Target.Arn) === JSON.stringify(jobArn));
    expect(others).toEqual([]);
    expect(schedule!.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Copenhagen',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: { 'Fn::GetAtt': [logicalId(app.api, job().fn), 'Arn'] } },
    });
    // The scheduler's role may invoke exactly that function.
    const roleId = schedule!.Properties.Target.RoleArn['Fn::GetAtt'][0] as string;
    expect(template()[roleId]!.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'scheduler.amazonaws.com' } }),
    ]);
    const policies = resources(templates.api, 'AWS::IAM::Policy').filter((p) => p.Properties.Roles.some((r: { Ref?: string }) => r.Ref === roleId));
    expect(policies.flatMap((p) => p.Properties.PolicyDocument.Statement)).toEqual([
      { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: { 'Fn::GetAtt': [logicalId(app.api, job().fn), 'Arn'] } },
    ]);
  });

  it('is the retention handler on the project defaults, with the main table and 15 minutes', () => {
    const fn = template()[logicalId(app.api, job().fn)]!;
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Timeout: 900, TracingConfig: { Mode: 'Active' } });
    expect(fn.Properties.Environment.Variables[tables[0]!.envVar]).toEqual(mainTableName());
    expect(mainTableName()).toBeDefined();
    expect(Object.keys(fn.Properties.Environment.Variables)).not.toContain('USER_POOL_ID');
  });

  it('may only query, update and delete on the main table and its byProcess index: no Scan, no other table', () => {
    const roleId = logicalId(app.api, job().fn.role!);
    const statements = resources(templates.api, 'AWS::IAM::Policy')
      .filter((p) => p.Properties.Roles.some((r: { Ref?: string }) => r.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    // Allowed: the Deny on the search partitions (issue 18), which only the projector writes, is not a right.
    const dynamo = statements.filter((s) => (s as { Effect?: string }).Effect === 'Allow' && [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect([dynamo[0]!.Action].flat().sort()).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    const [table, index] = dynamo[0]!.Resource as unknown[];
    expect(table).toEqual(mainTableArn());
    expect(JSON.stringify(table)).toContain('Deltag-Data');
    expect(JSON.stringify(index)).toContain('/index/byProcess');
    // Besides the table: only X-Ray (CDK's tracing statement) and sending a failed run to its own dead-letter queue.
    const others = statements.filter((s) => [s.Action].flat().some((a) => !a.startsWith('dynamodb:') && !a.startsWith('xray:')));
    expect(others).toEqual([expect.objectContaining({ Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [logicalId(app.api, job().failedRuns), 'Arn'] } })]);
  });
});

describe('data stack', () => {
  it('builds every table from its definition: on demand, PITR, TTL, all GSIs, retained', () => {
    expect(resources(templates.data, 'AWS::DynamoDB::Table')).toHaveLength(tables.length);
    const all = templates.data.findResources('AWS::DynamoDB::Table') as Record<string, Resource>;
    for (const def of tables) {
      const table = all[logicalId(app.data, app.data.tables[def.id]!.table)];
      expect(table, def.id).toBeDefined();
      expect(table!.DeletionPolicy).toBe('Retain');
      expect(table!.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
        KeySchema: [
          { AttributeName: def.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: def.sortKey.name, KeyType: 'RANGE' },
        ],
      });
      if (def.ttlAttribute) {
        expect(table!.Properties.TimeToLiveSpecification).toEqual({ AttributeName: def.ttlAttribute, Enabled: true });
      }
      const gsis = table!.Properties.GlobalSecondaryIndexes ?? [];
      expect(gsis).toHaveLength(def.indexes.length);
      for (const index of def.indexes) {
        expect(gsis, index.name).toContainEqual({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
            { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
          ],
          Projection: indexProjection(index),
        });
      }
    }
  });
});

describe('web stack', () => {
  const distribution = () => resources(templates.web, 'AWS::CloudFront::Distribution')[0]!.Properties.DistributionConfig;

  it('reaches the bucket only through an origin access control', () => {
    const oacIds = Object.keys(templates.web.findResources('AWS::CloudFront::OriginAccessControl'));
    expect(oacIds).toHaveLength(1);
    const s3Origin = distribution().Origins.find((o: Record<string, unknown>) => o.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacIds[0], 'Id'] });
    expect(s3Origin.S3OriginConfig.OriginAccessIdentity).toBe('');
    expect(distribution().DefaultCacheBehavior.TargetOriginId).toBe(s3Origin.Id);
  });

  it('lets only CloudFront, for this distribution, read the bucket', () => {
    // The site bucket's policy (the access-log bucket has its own, for S3's log delivery).
    const siteBucketId = logicalId(app.web, app.web.node.findChild('SiteBucket'));
    const policy = resources(templates.web, 'AWS::S3::BucketPolicy').find((p) => p.Properties.Bucket.Ref === siteBucketId);
    const allows = policy!.Properties.PolicyDocument.Statement.filter((s: { Effect: string }) => s.Effect === 'Allow');
    expect(allows.length).toBeGreaterThan(0);
    for (const statement of allows) {
      expect(statement.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
      expect(statement.Condition.StringEquals['AWS:SourceArn']).toBeDefined();
    }
    templates.web.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('sends /api/* uncached to the HTTP API with every method', () => {
    const api = distribution().CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(api).toBeDefined();
    expect(api.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // Managed-CachingDisabled
    expect(api.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac'); // Managed-AllViewerExceptHostHeader
    expect(api.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']));
    const origin = distribution().Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    expect(JSON.stringify(origin.DomainName)).toContain('.execute-api.eu-north-1.');
  });

  it('falls back to index.html in a viewer-request function, not in distribution-wide error responses', () => {
    const config = distribution();
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: expect.anything() },
    ]);
  });

  it('writes the site address, https and the distribution\'s domain, to the SSM parameter the API functions read', () => {
    const distributionId = logicalId(app.web, app.web.distribution);
    const [parameter, ...others] = resources(templates.web, 'AWS::SSM::Parameter');
    expect(others).toEqual([]);
    expect(parameter!.Properties).toMatchObject({
      Name: siteUrlParameterName,
      Type: 'String',
      Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] },
    });
  });

  it('writes config.json from the auth stack, not from literals', () => {
    const [deployment] = resources(templates.web, 'Custom::CDKBucketDeployment');
    // Deploy-time values of config.json: the user pool id and client id, each read from the auth stack.
    const markers = deployment!.Properties.SourceMarkers.flatMap((m: object) => Object.values(m));
    expect(markers).toHaveLength(2);
    for (const marker of markers) expect(JSON.stringify(marker)).toContain(app.auth.stackName);
    expect(deployment!.Properties.DistributionPaths).toEqual(['/*']);
  });
});

describe('auth stack', () => {
  it('has a user pool with email sign-in and the password policy', () => {
    templates.auth.resourceCountIs('AWS::Cognito::UserPool', 1);
    templates.auth.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: { PasswordPolicy: { MinimumLength: identity.passwordPolicy.minLength } },
    });
  });

  it('has an SPA client without a secret', () => {
    templates.auth.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    });
  });

  it('has one group per role', () => {
    const groups = resources(templates.auth, 'AWS::Cognito::UserPoolGroup').map((g) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...roles].sort());
  });
});
