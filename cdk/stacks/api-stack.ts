import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { featureAreas, type FeatureArea, type HttpMethod as HttpMethodName } from '#shared/api/route-meta';
import { routeList } from '#shared/api/routes';
import { isProtected } from '#shared/rules/access';
import { keys } from '#functions/adapters/dynamodb/keys';
import { ApiAlarms, deadLetterQueuesOf } from '../constructs/alarms';
import { allowMail, ApiFunction } from '../constructs/api-function';
import { DigestJob } from '../constructs/digest-job';
import { HideJob } from '../constructs/hide-job';
import { ReminderJob } from '../constructs/reminder-job';
import { RetentionJob } from '../constructs/retention-job';
import { SearchProjector } from '../constructs/search-projector';
import { denyAuditChanges, denySearchWrites, type TableAccess } from '../constructs/table-access';
import type { BoundTable } from './data-stack';
import { siteUrlParameterName } from './web-stack';

export interface ApiStackProps extends StackProps {
  /** Sender of the mails to authors; its domain must be a verified SES identity. */
  mailFrom: string;
  tables: Record<string, BoundTable>;
  userPool: IUserPool;
  userPoolClient: IUserPoolClient;
}

/** Areas that serve at least one route: an area without routes gets no function. */
const servedAreas = featureAreas.filter((area) => routeList.some((r) => r.area === area));

/**
 * An area with no writing method only gets read access to the tables. ANY is not a write: the route
 * table keeps it for the catch-all that answers unknown paths.
 */
const writingMethods: ReadonlySet<HttpMethodName> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const onlyReads = (area: FeatureArea) => !routeList.some((r) => r.area === area && writingMethods.has(r.method));

/**
 * Areas with less than their routes' read or read-write access to the table. The API description and
 * the catch-all (meta) read nothing. The process pages (processes) serve only public GETs, so a fault in
 * them must not reach anyone's records: they read the process list and each process's change log (the
 * audit copy under the process's id), on the table alone, no index (byUser lists one user's everything).
 */
const narrowedAccess: Partial<Record<FeatureArea, TableAccess | undefined>> = {
  meta: undefined,
  processes: { access: 'read', leadingKeys: [keys.processPartition, keys.auditTargetPartition('*')] },
};
const tableAccessOf = (area: FeatureArea): TableAccess | undefined =>
  area in narrowedAccess ? narrowedAccess[area] : { access: onlyReads(area) ? 'read' : 'readwrite' };

/** Areas that call the user pool themselves (e.g. account deletion), and only what they call. */
const userDirectoryAccess: Partial<Record<FeatureArea, string[]>> = {
  me: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminDeleteUser'],
  // Finds an author's email to tell them about a decision; finds a user to block.
  moderation: ['cognito-idp:AdminGetUser'],
  admin: ['cognito-idp:ListUsers', 'cognito-idp:AdminListGroupsForUser', 'cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminRemoveUserFromGroup'],
  // Finds a signed-in person's e-mail (by id) to honour an invitation to a consultation round.
  consultations: ['cognito-idp:ListUsers', 'cognito-idp:AdminListGroupsForUser'],
  // Finds a person's e-mail (by id) when they sign up for an event, for the organisers' list and the mails.
  events: ['cognito-idp:AdminGetUser', 'cognito-idp:ListUsers', 'cognito-idp:AdminListGroupsForUser'],
};

/**
 * Areas that send email (through SES, from MAIL_FROM): to authors; to the person the waiting list
 * gives a seat when someone cancels, and to those signed up when an event is cancelled (events; me,
 * whose account deletion cancels the person's sign-ups).
 */
const mailingAreas: ReadonlySet<FeatureArea> = new Set(['moderation', 'consultations', 'events', 'me']);

/**
 * Areas whose links leave the site (the mails, the export's files, the assisted citizen's printed
 * receipt, read on paper away from the site): they read the site's address.
 */
const linkingAreas: ReadonlySet<FeatureArea> = new Set(['moderation', 'export', 'consultations', 'events', 'me', 'assisted']);

/**
 * Areas that need more than a request's 512 MB and 10 s: the export renders the frozen annex's PDF
 * with pdf-lib (about 0.2 s for a top 20; a top 100 with two hundred long recommendations took 12 s
 * on a loaded 2-core machine), and Lambda gives CPU in proportion to memory. 29 s is just under the
 * HTTP API's 30 s integration limit.
 */
const heavierAreas: Partial<Record<FeatureArea, { memorySize: number; timeout: Duration }>> = {
  export: { memorySize: 1024, timeout: Duration.seconds(29) },
};

/**
 * Fields of the access log. No source IP or user agent: behind CloudFront the IP is CloudFront's, and
 * the log should hold no more personal data than it needs (GDPR data minimisation).
 */
const accessLogFields = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
};

/**
 * The HTTP API: one Lambda function per feature area and one route per entry of the route table,
 * with the Cognito JWT authorizer on every route that is not public.
 */
export class ApiStack extends Stack {
  readonly httpApi: HttpApi;
  readonly functions: Partial<Record<FeatureArea, ApiFunction>> = {};

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { userPool, userPoolClient } = props;

    // Stage created below: the default one cannot take access logs or throttling.
    this.httpApi = new HttpApi(this, 'HttpApi', { apiName: 'deltag-api', createDefaultStage: false });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { burstLimit: 200, rateLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(
          new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH }),
        ),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });

    const jwt = new HttpJwtAuthorizer(
      'Cognito',
      `https://cognito-idp.${this.region}.amazonaws.com/${userPool.userPoolId}`,
      { jwtAudience: [userPoolClient.userPoolClientId] },
    );
    // Explicit, so a default authorizer added later cannot close a public route.
    const none = new HttpNoneAuthorizer();

    const integrations = new Map<FeatureArea, HttpLambdaIntegration>();
    for (const area of servedAreas) {
      const fn = new ApiFunction(this, `Fn-${area}`, {
        area,
        environment: { USER_POOL_ID: userPool.userPoolId, USER_POOL_CLIENT_ID: userPoolClient.userPoolClientId },
        ...heavierAreas[area],
      });
      for (const { table, def } of Object.values(props.tables)) {
        fn.bindTable(table, def, tableAccessOf(area));
      }
      const directoryActions = userDirectoryAccess[area];
      if (directoryActions) userPool.grant(fn.fn, ...directoryActions);
      if (mailingAreas.has(area)) {
        allowMail(fn.fn, props.mailFrom);
      }
      if (linkingAreas.has(area)) fn.readSiteUrlFrom(siteUrlParameterName);
      this.functions[area] = fn;
      integrations.set(area, new HttpLambdaIntegration(`Integration-${area}`, fn.fn));
    }

    for (const route of routeList) {
      const integration = integrations.get(route.area);
      if (!integration) throw new Error(`No function for area ${route.area}`); // unreachable: servedAreas
      this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        authorizer: isProtected(route.access) ? jwt : none,
      });
    }

    const retention = new RetentionJob(this, 'RetentionJob', { tables: props.tables });
    new ReminderJob(this, 'ReminderJob', { tables: props.tables, mailFrom: props.mailFrom, siteUrlParameter: siteUrlParameterName });
    new DigestJob(this, 'DigestJob', { tables: props.tables, mailFrom: props.mailFrom, siteUrlParameter: siteUrlParameterName, userPool: props.userPool });
    // A block's "hide everything" runs off the request (issue 17): the moderation function queues it.
    const hideJob = new HideJob(this, 'HideJob', { tables: props.tables, mailFrom: props.mailFrom, siteUrlParameter: siteUrlParameterName, userPool: props.userPool });
    if (this.functions.moderation) hideJob.allowStart(this.functions.moderation.fn);
    // Search (issue 18): the table's stream keeps the search documents; the functions that search
    // (ideas, moderation) read them with the table access they have.
    const searchProjector = new SearchProjector(this, 'SearchProjector', { tables: props.tables });

    // Last, so it covers every function of the stack, those of the jobs too. Two erasures alone may rewrite
    // entries, and only to take a person out of them: the retention job (a process past its retention
    // date) and account deletion (me: the entries about the user move to a pseudonym, erasure.ts).
    const auditRewriters = new Set<NodejsFunction | undefined>([retention.fn, this.functions.me?.fn]);
    for (const fn of this.node.findAll().filter((c): c is NodejsFunction => c instanceof NodejsFunction && !auditRewriters.has(c))) {
      for (const { table } of Object.values(props.tables)) denyAuditChanges(fn, table);
    }
    for (const fn of this.node.findAll().filter((c): c is NodejsFunction => c instanceof NodejsFunction && c !== searchProjector.fn)) {
      for (const { table } of Object.values(props.tables)) denySearchWrites(fn, table);
    }

    // After every function exists, so each is watched; the recipient comes with `-c alarmEmail=…`.
    const functions = this.node.findAll().filter((c): c is NodejsFunction => c instanceof NodejsFunction);
    const alarms = new ApiAlarms(this, 'Alarms', {
      httpApi: this.httpApi,
      functions,
      // The projector's failure queue is the stream mapping's on-failure destination, no dead-letter queue of a queue or function.
      deadLetterQueues: [...deadLetterQueuesOf(this, functions), searchProjector.failures],
      email: this.node.tryGetContext('alarmEmail') as string | undefined,
    });
    searchProjector.alarmOnLag(alarms.topic);

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
  }
}
