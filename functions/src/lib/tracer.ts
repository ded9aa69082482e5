/**
 * Tracing without an SDK in the bundle (issue 19): every function of the CDK app has X-Ray active
 * tracing, so Lambda itself records each invocation as a segment (its INIT, its duration, errors and
 * throttles) with the trace id that Powertools' Logger puts on every log line. Powertools' Tracer
 * also made each AWS SDK call a subsegment, but it bundled aws-xray-sdk-core (about 120 kB of the
 * 250 kB each function may weigh, and a measurable share of every cold start), so the calls are no
 * longer subsegments: a slow request is found by its trace and its log lines, the call by its
 * CloudWatch metrics. Every adapter still builds its SDK client through `traced`, the one place to
 * put a lighter per-call instrumentation should one be wanted.
 */
export function traced<T>(client: T): T {
  return client;
}
