import { CfnResource, Validations } from 'aws-cdk-lib';
import { CfnRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnEventSourceMapping } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { rules, type NagRuleResult } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { DigestJob } from './constructs/digest-job';
import { ScheduledJob } from './constructs/scheduled-job';
import { SearchProjector } from './constructs/search-projector';
import type { ApiStack } from './stacks/api-stack';
import type { AuthStack } from './stacks/auth-stack';
import type { WebStack } from './stacks/web-stack';

/**
 * The cdk-nag findings (AwsSolutions and Serverless packs) this deployment accepts, each on the construct it concerns and with
 * its reason. Anything not listed here is a new finding: `test/cdk/nag.test.ts` fails on it, and so does
 * `DELTAG_NAG=1 npx cdk synth`. Accept a new one here only with a reason a reviewer can check.
 */
export function acknowledgeNagFindings({ auth, api, web }: { auth: AuthStack; api: ApiStack; web: WebStack }): void {
  acknowledge(auth.userPool, {
    'AwsSolutions-COG1':
      'The password policy asks for length (10 characters, lower case and digits) rather than upper case and symbols, as NIST SP 800-63B advises: composition rules make passwords harder to remember, not harder to guess.',
    'AwsSolutions-COG2':
      'MFA is optional in the pool, by authenticator app (TOTP) only: citizens sign in only to post, vote and comment, and a required second factor would keep some of them out. Cognito cannot require MFA per group, so the app does: the admin page grants a staff role (moderator, committee, admin, assistant) only to an account with TOTP set up (409 mfa-required, functions/src/domain/roles.ts), and such an account signs in with its code. Not covered: the first admin from setup and staff created by the operator directly in the directory, who are told to set up TOTP at first sign-in and reminded in the workspace until they do, and a staff member who turns TOTP off again through the Cognito API (the app offers no way to).',
    'AwsSolutions-COG8':
      'Threat protection (adaptive authentication, compromised-credential checks) needs the paid Plus feature plan; the pool stays on Essentials, where Cognito\'s own temporary lockout after repeated failed sign-ins still applies.',
  });

  for (const route of api.httpApi.node.findAll().filter((c): c is CfnRoute => c instanceof CfnRoute)) {
    if (route.routeKey && publicRoutes.has(route.routeKey)) {
      acknowledge(route, {
        'AwsSolutions-APIG4': `Public on purpose (access "public" in the route table): ${publicRoutes.get(route.routeKey)} Every other route has the Cognito JWT authorizer.`,
      });
    }
  }

  for (const fn of Object.values(api.functions)) {
    acknowledge(fn, { [basicExecutionRole]: lambdaLogsReason, 'Serverless-LambdaDLQ': syncOnlyReason });
    acknowledgeFindings(fn, 'AwsSolutions-IAM5', rules.iam.IAMNoWildcardPermissions, [
      {
        finding: /^Resource::\*$/,
        reason: 'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords have no resource-level permissions, so the statement CDK adds for Tracing.ACTIVE names "*".',
      },
      {
        finding: /^Resource::.+\/index\/\*$/,
        reason: 'The table\'s own global secondary indexes (the lists, byUser, queue) that the area queries: "<table arn>/index/*" covers this one table\'s indexes only.',
      },
    ]);
  }

  // The scheduled jobs (retention, reminders, digests with their sender): the same defaults as the API functions; their table rights name the table and its indexes.
  for (const job of api.node.findAll().filter((c): c is ScheduledJob => c instanceof ScheduledJob)) {
    acknowledge(job.failedRuns, { 'Serverless-SQSRedrivePolicy': deadLetterQueueReason });
  }
  // Queues that are another queue's dead-letter queue (the digest mails', the hide jobs'), and the functions fed by a queue.
  for (const queue of api.node.findAll().filter((c): c is Queue => c instanceof Queue)) {
    if (queue.deadLetterQueue) acknowledge(queue.deadLetterQueue.queue, { 'Serverless-SQSRedrivePolicy': deadLetterQueueReason });
  }
  // A stream's mapping has a starting position and an on-failure destination (the search projector, below); a queue's has neither.
  for (const mapping of api.node.findAll().filter((c): c is CfnEventSourceMapping => c instanceof CfnEventSourceMapping && !c.startingPosition)) {
    const fn = mapping.node.scope?.node.scope;
    if (!fn) continue;
    acknowledgeFindings(fn, 'AwsSolutions-IAM5', rules.iam.IAMNoWildcardPermissions, [xrayWildcard, tableIndexes]);
    acknowledge(fn, {
      [basicExecutionRole]: lambdaLogsReason,
      'Serverless-LambdaDLQ':
        'Invoked synchronously by its SQS event source mapping, never asynchronously: a message that keeps failing goes to its queue\'s own dead-letter queue by the redrive policy, which a function DLQ would not see.',
    });
    acknowledge(mapping, {
      'Serverless-LambdaEventSourceMappingDestination':
        'Lambda offers on-failure destinations for stream and Kafka sources only, not for SQS: failed messages go to the queue\'s dead-letter queue by its redrive policy.',
    });
  }
  for (const fn of api.node.findAll().flatMap((c) => (c instanceof DigestJob ? [c.fn, c.sender] : c instanceof ScheduledJob ? [c.fn] : []))) {
    acknowledge(fn, { [basicExecutionRole]: lambdaLogsReason });
    acknowledgeFindings(fn, 'AwsSolutions-IAM5', rules.iam.IAMNoWildcardPermissions, [
      {
        finding: /^Resource::\*$/,
        reason: 'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords have no resource-level permissions, so the statement CDK adds for Tracing.ACTIVE names "*".',
      },
    ]);
  }

  // The search projector (issue 18), fed by the table's stream.
  for (const projector of api.node.findAll().filter((c): c is SearchProjector => c instanceof SearchProjector)) {
    // The vote fold (issue 19) is a second stream consumer of the same kind: the same findings, the same reasons.
    for (const fn of [projector.fn, projector.fold]) acknowledge(fn, {
      [basicExecutionRole]: lambdaLogsReason,
      'Serverless-LambdaDLQ':
        'Invoked synchronously by its DynamoDB stream event source mapping, never asynchronously: records that keep failing go to the mapping\'s on-failure destination (the Failures queue), which a function DLQ would not see.',
    });
    acknowledge(projector.failures, { 'Serverless-SQSRedrivePolicy': deadLetterQueueReason, 'AwsSolutions-SQS3': deadLetterQueueReason });
    for (const fn of [projector.fn, projector.fold]) acknowledgeFindings(fn, 'AwsSolutions-IAM5', rules.iam.IAMNoWildcardPermissions, [
      {
        finding: /^Resource::\*$/,
        reason: `${xrayWildcard.reason} Likewise dynamodb:ListStreams, which the stream's event source mapping grants; the stream reads themselves name the table's stream.`,
      },
    ]);
  }

  const originSecret = api.node.tryFindChild('OriginSecret');
  if (!originSecret) throw new Error('cdk-nag acknowledgments: the origin secret of the API stack was not found');
  acknowledge(originSecret, {
    'AwsSolutions-SMG4':
      'The origin secret is not rotated automatically: CloudFront\'s header and the functions\' cached copy would have to change together, which a rotation function cannot do without cutting requests off. It only keeps callers off the execute-api address; a leak lets them skip the WAF, not sign in. Rotate by hand with a redeploy (see SECURITY.md).',
  });
  acknowledge(web.accessLogBucket, {
    'AwsSolutions-S1':
      'The access-log bucket itself: CloudFront\'s and the site bucket\'s logs land here; logging its own access would write a log of the log writes, to itself or to yet another bucket.',
  });
  acknowledge(web.distribution, {
    'AwsSolutions-CFR1': 'No geo restriction: the platform is open to anyone, Danes abroad included; no law asks to limit it by country.',
  });
  if (!web.customDomain) {
    acknowledge(web.distribution, {
      'AwsSolutions-CFR4':
        'No custom domain configured (context domainName and certificateArn): with the default *.cloudfront.net certificate CloudFront fixes the minimum protocol, so it cannot be raised. With the domain the distribution requires TLSv1.2_2021.',
    });
  }

  // CDK's own BucketDeployment function copies the built app into the bucket; its role and runtime are aws-cdk-lib's.
  const deployment = web.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!deployment) throw new Error('cdk-nag acknowledgments: the BucketDeployment function of the web stack was not found');
  acknowledge(deployment, {
    [basicExecutionRole]: lambdaLogsReason,
    'AwsSolutions-L1': 'The runtime of the BucketDeployment function is chosen by aws-cdk-lib and moves with its upgrades; it runs only during a deployment.',
    'Serverless-LambdaLatestVersion': 'The runtime of the BucketDeployment function is chosen by aws-cdk-lib and moves with its upgrades; it runs only during a deployment.',
    'Serverless-LambdaDLQ': 'The BucketDeployment function is a CloudFormation custom resource, invoked by the deployment, which fails (and rolls back) when the copy fails: nothing to keep in a DLQ.',
    'Serverless-LambdaTracing': 'aws-cdk-lib\'s BucketDeployment function offers no tracing setting; it runs only during a deployment, whose events CloudFormation records.',
  });
  acknowledgeFindings(deployment, 'AwsSolutions-IAM5', rules.iam.IAMNoWildcardPermissions, [
    {
      finding: /^Action::s3:[A-Za-z]+\*$/,
      reason: 'aws-cdk-lib\'s read grant on the CDK asset bucket and read-write grant on the site bucket (s3:GetObject*, s3:List*, s3:DeleteObject*, …), limited to those two buckets.',
    },
    {
      finding: /^Resource::.+\/\*$/,
      reason: 'The objects of the CDK asset bucket (the zipped build) and of the site bucket: the copy reads one and replaces the other.',
    },
    { finding: /^Resource::\*$/, reason: 'cloudfront:CreateInvalidation after the copy, granted by aws-cdk-lib on "*".' },
  ]);
}

/** The public routes, by route key, and why each needs no sign-in. */
const publicRoutes = new Map([
  ['GET /api/processes', 'the front page lists the processes.'],
  ['GET /api/processes/{processId}', 'a process\'s page with its phases, areas and effects.'],
  ['GET /api/processes/{processId}/changes', 'the dated changes to a process\'s phases and rules, public so participants can see the rules were not changed under them.'],
  ['GET /api/processes/{processId}/ideas', 'anyone may read the public ideas of a process.'],
  ['GET /api/processes/{processId}/similar', 'the public ideas most like a text being written (the new-idea wizard, issue 18): public ideas only, each checked on its current state.'],
  ['GET /api/ideas/{ideaId}', 'anyone may read a public idea.'],
  ['GET /api/ideas/{ideaId}/comments', 'anyone may read the comments of a public idea.'],
  ['GET /api/processes/{processId}/survey', 'anyone may read a process\'s survey before answering it.'],
  ['POST /api/processes/{processId}/survey/anonymous-answers', 'answering without signing in, when a survey allows it: limited by a per-browser token and the rate limit, and the use case refuses it unless the survey is anonymous.'],
  ['GET /api/processes/{processId}/survey/results', 'a survey\'s results once the process has published them (404 before).'],
  ['GET /api/processes/{processId}/documents', 'anyone may read the published documents of a consultation.'],
  ['GET /api/processes/{processId}/documents/{documentId}', 'anyone may read a published version of a consultation document.'],
  ['GET /api/processes/{processId}/documents/{documentId}/diff', 'anyone may compare two published versions of a document.'],
  ['GET /api/processes/{processId}/documents/{documentId}/responses', 'anyone may read the visible comments on a document and the committee\'s answers.'],
  ['GET /api/processes/{processId}/events', 'anyone may read the published events of a process, with seats taken and the waiting list\'s length (no names).'],
  ['GET /api/processes/{processId}/events/{eventId}', 'anyone may read a published event.'],
  ['GET /api/processes/{processId}/events/{eventId}/calendar', 'the event as an .ics file, linked from the event page and the sign-up mails.'],
  ['GET /api/processes/{processId}/events/{eventId}/live-rounds', 'the results of an event\'s closed live rounds, counts only (no tokens, no people).'],
  ['GET /api/live/{code}', 'a phone in the room reads the open live round\'s questions by its short code without signing in.'],
  ['POST /api/live/{code}/answers', 'a phone answers an open live round without signing in: one answer per browser token per question (conditional write), rate limited, refused unless the round is open.'],
  ['GET /api/processes/{processId}/recommendations', "the committee's recommendations are public: what it proposes and on which ideas (titles and vote counts, no people)."],
  ['GET /api/processes/{processId}/recommendations/{recommendationId}', 'one public recommendation with its lens, initiative and progress (no people but the author name of a progress update, a staff member).'],
  ['GET /api/processes/{processId}/register', 'the follow-through register is public on purpose: citizens see what happened to the adopted recommendations.'],
  ['GET /api/processes/{processId}/register/status-report', "the revisit's status report of the earlier round's initiatives, public like the register it is made from."],
  ['POST /api/unsubscribe', 'one-click unsubscribe (RFC 8058) from a mail program, which cannot sign in: it needs the HMAC-signed token of the mail, which names one user and one kind of mail; rate limited per address.'],
  ['GET /api/openapi.json', 'the API description.'],
  ['ANY /api/{proxy+}', 'the catch-all that answers unknown paths with a 404 or 405 problem body.'],
]);

const xrayWildcard = {
  finding: /^Resource::\*$/,
  reason: 'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords have no resource-level permissions, so the statement CDK adds for Tracing.ACTIVE names "*".',
};
const tableIndexes = {
  finding: /^Resource::.+\/index\/\*$/,
  reason: 'The table\'s own global secondary indexes that the function queries: "<table arn>/index/*" covers this one table\'s indexes only.',
};

const syncOnlyReason =
  'API Gateway invokes the function synchronously and answers the caller with its error (a problem body); a dead-letter queue holds only failed asynchronous invocations, which this function never gets.';
const deadLetterQueueReason =
  'This queue is itself a dead-letter queue (failed runs or mails, kept 14 days to look at and redrive by hand): a redrive policy of its own would only move them on.';

const basicExecutionRole = 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';
const lambdaLogsReason =
  'AWSLambdaBasicExecutionRole, the AWS managed policy every Lambda function gets by default: only logs:CreateLogGroup, CreateLogStream and PutLogEvents.';

/** Acknowledges findings by their exact id (`RuleId` or `RuleId[finding]`) on a construct and everything in it. */
function acknowledge(scope: IConstruct, reasons: Record<string, string>): void {
  for (const [id, reason] of Object.entries(reasons)) Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Acknowledges the findings of a rule that reports one finding per wildcard (`Rule[Resource::…]`) by
 * pattern. Such findings carry resolved ARNs with the region, account placeholders and cross-stack
 * output names in them, so they cannot be named exactly ahead of time; they are matched once the app
 * is prepared, just before cdk-nag runs (cdk-nag v2 had `appliesTo: [{ regex }]`; v3 has no form of
 * its own). A finding no pattern matches stays a finding.
 */
function acknowledgeFindings(scope: IConstruct, rule: string, check: (node: CfnResource) => NagRuleResult, accepted: { finding: RegExp; reason: string }[]): void {
  scope.node.addValidation({
    validate: () => {
      for (const resource of scope.node.findAll().filter(CfnResource.isCfnResource)) {
        const result = check(resource);
        for (const finding of Array.isArray(result) ? result : []) {
          const match = accepted.find((a) => a.finding.test(finding));
          if (match) Validations.of(resource).acknowledge({ id: `${rule}[${finding}]`, reason: match.reason });
        }
      }
      return [];
    },
  });
}
