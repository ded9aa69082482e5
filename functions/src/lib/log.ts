import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';

/**
 * Structured JSON logs (one line each) through Powertools' Logger: the keys CloudWatch Logs Insights
 * and Powertools' tools read (level, message, timestamp, service, the X-Ray trace id in AWS), and the
 * request's correlation id on every line. The use cases see only this small interface, so they log
 * the same way in a Lambda function, a job, a CLI and a test.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * One root per function (POWERTOOLS_SERVICE_NAME, set by the CDK app per function). DELTAG_LOG=silent
 * (the test runs, the local CLIs) keeps only errors; POWERTOOLS_LOG_LEVEL can lower or raise it in AWS.
 */
const root = new PowertoolsLogger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'deltag',
  logLevel: process.env.DELTAG_LOG === 'silent' ? 'ERROR' : ((process.env.POWERTOOLS_LOG_LEVEL as 'INFO' | undefined) ?? 'INFO'),
});

/**
 * A logger whose every line carries `base` (a request's correlation id and route, a job's name).
 * Powertools' child is made at the first line, not up front: most requests write none, and making one
 * (options merged, the environment read again, a Console built) was half the handler's own CPU on a
 * public read (issue 19).
 */
export function createLogger(base: Record<string, unknown>): Logger {
  let child: PowertoolsLogger | undefined;
  const get = () => (child ??= root.createChild({ persistentKeys: base }));
  return {
    info: (message, fields) => (fields ? get().info(message, fields) : get().info(message)),
    error: (message, fields) => (fields ? get().error(message, fields) : get().error(message)),
  };
}
