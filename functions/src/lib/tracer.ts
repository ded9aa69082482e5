import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * Powertools' Tracer: in a Lambda function with active tracing (every function of the CDK app) each
 * AWS SDK call becomes an X-Ray subsegment, so a slow or failing request shows which call it waited
 * on. Off Lambda (the local stack, the tests, the CLIs) Powertools turns itself off: no AWS_EXECUTION_ENV,
 * so no X-Ray daemon is needed and `traced` hands the client back as it is. POWERTOOLS_TRACE_ENABLED=false
 * turns it off in AWS too.
 */
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'deltag' });

/** The client, with X-Ray's middleware when tracing is on. Every adapter builds its SDK client through this. */
export function traced<T>(client: T): T {
  return tracer.captureAWSv3Client(client as never) as T;
}
