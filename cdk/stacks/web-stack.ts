import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CfFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import type { WebConfig } from '#shared/schemas/config';
import { ORIGIN_HEADER } from '#functions/adapters/secrets/origin-secret';

/**
 * The SSM parameter with the site's address (`https://<distribution domain>`), written here and read by
 * the API functions whose links leave the site (mails, export files). They find it by this name: the
 * API stack cannot refer to the distribution, which itself points at the API.
 */
export const siteUrlParameterName = '/deltag/site-url';

/** Where `npm run build:web` puts the SPA. */
export const defaultWebAssetPath = fileURLToPath(new URL('../../frontend/dist', import.meta.url));

export interface WebStackProps extends StackProps {
  httpApi: IHttpApi;
  userPool: IUserPool;
  userPoolClient: IUserPoolClient;
  /** The built SPA (Vite output); default `frontend/dist`. */
  webAssetPath?: string;
  /** The value CloudFront adds to /api/* requests in ORIGIN_HEADER; the API refuses requests without it. */
  originSecret: ISecret;
  /** The WAF web ACL (scope CLOUDFRONT, in us-east-1) in front of the distribution. */
  webAclArn: string;
  /** The municipality's domain and its ACM certificate (in us-east-1); without them, *.cloudfront.net. */
  customDomain?: CustomDomain;
}

export interface CustomDomain {
  domainName: string;
  certificateArn: string;
}

/**
 * How long the access logs are kept. They hold visitors' IP addresses (personal data under GDPR), kept
 * only to investigate an attack or an incident after the fact: 90 days covers the time one takes to be
 * noticed and reported, and then they go.
 */
export const accessLogDays = 90;

/**
 * SPA fallback on the S3 behaviour only: a path without a file extension is a client-side route and
 * gets index.html. Distribution-wide error responses would do the same to the API's 404s.
 */
const spaFallback = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/** CloudFront in front of a private bucket with the SPA, and `/api/*` to the HTTP API on the same origin. */
export class WebStack extends Stack {
  readonly distribution: Distribution;
  readonly customDomain: CustomDomain | undefined;
  /** CloudFront's and the site bucket's access logs (IP addresses: kept `accessLogDays`). */
  readonly accessLogBucket: Bucket;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { httpApi, userPool, userPoolClient } = props;

    // CloudFront's standard logs are written with an ACL, so this bucket alone lets object writers own their objects.
    const logBucket = (this.accessLogBucket = new Bucket(this, 'AccessLogBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(accessLogDays) }],
    }));
    const bucket = new Bucket(this, 'SiteBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 's3/',
    });

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        contentSecurityPolicy: {
          // The SPA talks to its own origin and, for sign-in, to the regional Cognito endpoint.
          contentSecurityPolicy: [
            "default-src 'self'",
            `connect-src 'self' https://cognito-idp.${this.region}.amazonaws.com`,
            "img-src 'self' data:",
            "style-src 'self' 'unsafe-inline'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self'",
          ].join('; '),
          override: true,
        },
      },
    });

    const apiOrigin = new HttpOrigin(`${httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      // Replaces a header of that name from the viewer; resolved by CloudFormation, never in the template.
      customHeaders: { [ORIGIN_HEADER]: props.originSecret.secretValue.unsafeUnwrap() },
    });

    const domain = (this.customDomain = props.customDomain);
    this.distribution = new Distribution(this, 'Distribution', {
      defaultRootObject: 'index.html',
      webAclId: props.webAclArn,
      logBucket,
      logFilePrefix: 'cloudfront/',
      // A custom domain lets the minimum protocol be raised (the *.cloudfront.net one is fixed by CloudFront).
      ...(domain
        ? {
            domainNames: [domain.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      httpVersion: HttpVersion.HTTP2_AND_3,
      // North America and Europe: the users are in Denmark.
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new CfFunction(this, 'SpaFallback', {
              code: FunctionCode.fromInline(spaFallback),
              runtime: FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Forwards Authorization and the query string; API Gateway needs its own Host header.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
        },
      },
    });

    const config = {
      apiBase: '/api',
      region: this.region,
      userPoolId: userPool.userPoolId,
      userPoolClientId: userPoolClient.userPoolClientId,
    } satisfies WebConfig;

    new BucketDeployment(this, 'DeploySite', {
      sources: [Source.asset(props.webAssetPath ?? defaultWebAssetPath), Source.jsonData('config.json', config)],
      destinationBucket: bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });

    const siteUrl = `https://${domain?.domainName ?? this.distribution.distributionDomainName}`;
    new StringParameter(this, 'SiteUrl', {
      parameterName: siteUrlParameterName,
      stringValue: siteUrl,
      description: 'Deltag: the address links in mails and export files start with (read by the API functions)',
    });
    new CfnOutput(this, 'DistributionUrl', { value: siteUrl });
  }
}
