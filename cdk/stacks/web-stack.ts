import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
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
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import type { WebConfig } from '#shared/schemas/config';

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
}

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

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { httpApi, userPool, userPoolClient } = props;

    const bucket = new Bucket(this, 'SiteBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
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
    });

    this.distribution = new Distribution(this, 'Distribution', {
      defaultRootObject: 'index.html',
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

    const siteUrl = `https://${this.distribution.distributionDomainName}`;
    new StringParameter(this, 'SiteUrl', {
      parameterName: siteUrlParameterName,
      stringValue: siteUrl,
      description: 'Deltag: the address links in mails and export files start with (read by the API functions)',
    });
    new CfnOutput(this, 'DistributionUrl', { value: siteUrl });
  }
}
