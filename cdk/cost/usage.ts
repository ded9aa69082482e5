import type { Inventory } from './inventory';
import { emptyCounts, type ActionName, type Counts, type Measured, type PageName } from './measured';

/** A participation process, as the CLI's flags give it: totals over `months`. */
export interface Scenario {
  participants: number;
  ideas: number;
  votes: number;
  comments: number;
  views: number;
  months: number;
  /** Votes on one shared idea inside the month, each from a new participant who signs up for it. */
  viralVotes?: number;
  /** What earlier processes left in the table (kept, not touched): billed as storage and PITR only. */
  held?: Pick<Scenario, 'participants' | 'ideas' | 'votes' | 'comments'>;
}

/**
 * What is not measured, stated: each can be changed from the CLI (`--assume key=value`). The README
 * and docs/cost.md repeat them next to the figures.
 */
export const defaultAssumptions = {
  /** Page views a visit makes; the first loads the app from an empty cache (cold), the rest are clicks (warm). */
  pagesPerVisit: 4,
  /** Which pages the views are. */
  pageShare: { front: 0.2, list: 0.3, idea: 0.5 } as Record<PageName, number>,
  /** Months of the process a participant signs in (each such month counts as one Cognito MAU and one sign-in). */
  activeMonths: 2,
  /** Share of API invocations that start a new execution environment, and the billed INIT time of one. */
  coldShare: 0.05,
  initSeconds: 0.5,
  /** Log bytes ingested per invocation: Lambda's START/END/REPORT lines, one API access-log line, one app line. */
  logBytesPerInvocation: 1000,
  /** CloudWatch stores logs compressed; billed storage is about this share of the ingested bytes (one month kept). */
  logCompression: 0.15,
  /** A stream batch (ideas, comments and the idea items votes touch) runs the search projector once, this long. */
  projectorSeconds: 0.1,
  /** A scheduled job's run (retention, reminders, digests): seconds and read units, not measured here. */
  jobSeconds: 2,
  jobReadUnits: 50,
  /** Share of static requests CloudFront has to fetch from S3. */
  cacheMissShare: 0.1,
  /** Log file writes (CloudFront standard logs, S3 access logs) per request, and their bytes kept for 90 days. */
  logPutsPerRequest: 0.01,
  accessLogBytesPerRequest: 300,
  siteBytes: 10e6,
  /** Lambda's SQS pollers: at least 5 per mapping, each a 20 s long poll, so about 3 calls a minute each when idle. */
  sqsPollsPerQueuePerMonth: 5 * 3 * 60 * 730,
};
export type Assumptions = typeof defaultAssumptions;

/** A month's quantities, in the units the prices are given in. */
export interface Usage {
  apiRequests: number;
  lambdaInvocations: number;
  lambdaGbSeconds: number;
  coldStarts: number;
  readUnits: number;
  writeUnits: number;
  tableGb: number;
  cloudfrontRequests: number;
  cloudfrontGb: number;
  cloudfrontFunctionInvocations: number;
  s3Gets: number;
  s3Puts: number;
  s3Gb: number;
  mau: number;
  emails: number;
  logIngestGb: number;
  logStoredGb: number;
  traces: number;
  scheduledRuns: number;
  sqsRequests: number;
  secretCalls: number;
}

const GB = 1e9;
const SECONDS_PER_MONTH = 730 * 3600;

/** `times` of `counts` added into `total`. */
function addTimes(total: Counts, counts: Counts, times: number): void {
  for (const key of ['apiRequests', 'apiMs', 'apiBytes', 'rcu', 'wcu', 'staticRequests', 'staticBytes', 'emails'] as const) total[key] += counts[key] * times;
  for (const [route, n] of Object.entries(counts.byRoute)) total.byRoute[route] = (total.byRoute[route] ?? 0) + n * times;
}

/** How often each measured page load and action happens in a month of the scenario. */
export function monthlyActivity(s: Scenario, a: Assumptions) {
  const perMonth = (n: number) => n / s.months;
  const views = perMonth(s.views);
  const visits = views / a.pagesPerVisit;
  const viral = s.viralVotes ?? 0;
  const activeParticipants = Math.min(s.participants, (s.participants * a.activeMonths) / s.months);
  const pages = Object.fromEntries(
    (Object.keys(a.pageShare) as PageName[]).map((p) => [p, { cold: visits * a.pageShare[p] + (p === 'idea' ? viral : 0), warm: (views - visits) * a.pageShare[p] }]),
  ) as Record<PageName, { cold: number; warm: number }>;
  const actions: Record<ActionName, number> = { signIn: activeParticipants + viral, postIdea: perMonth(s.ideas), vote: perMonth(s.votes) + viral, comment: perMonth(s.comments) };
  return { pages, actions, activeParticipants, newParticipants: perMonth(s.participants) + viral };
}

/** The month's totals of everything measured, for the scenario. */
export function monthlyCounts(s: Scenario, m: Measured, a: Assumptions): Counts {
  const activity = monthlyActivity(s, a);
  const total = emptyCounts();
  for (const [page, times] of Object.entries(activity.pages) as [PageName, { cold: number; warm: number }][]) {
    addTimes(total, m.pages[page].cold, times.cold);
    addTimes(total, m.pages[page].warm, times.warm);
  }
  for (const [action, times] of Object.entries(activity.actions) as [ActionName, number][]) addTimes(total, m.actions[action], times);
  return total;
}

/** The memory most functions have, in GB: what an API request runs with. */
function typicalMemoryGb(inventory: Inventory): number {
  const sizes = inventory.functions.map((f) => f.memoryMb).sort((x, y) => x - y);
  return (sizes[Math.floor(sizes.length / 2)] ?? 512) / 1024;
}

export function monthlyUsage(s: Scenario, m: Measured, inventory: Inventory, a: Assumptions = defaultAssumptions): Usage {
  const counts = monthlyCounts(s, m, a);
  const activity = monthlyActivity(s, a);
  const memoryGb = typicalMemoryGb(inventory);
  const projectorRuns = activity.actions.postIdea + activity.actions.comment + activity.actions.vote;
  const scheduledRuns = inventory.scheduledRunsPerMonth;
  const coldStarts = counts.apiRequests * a.coldShare;
  const lambdaInvocations = counts.apiRequests + projectorRuns + scheduledRuns;
  const lambdaGbSeconds = memoryGb * (counts.apiMs / 1000 + coldStarts * a.initSeconds + projectorRuns * a.projectorSeconds + scheduledRuns * a.jobSeconds);
  const held = s.held ?? { participants: 0, ideas: 0, votes: 0, comments: 0 };
  const storedBytes =
    (s.ideas + held.ideas) * m.storage.bytesPerIdea +
    (s.votes + held.votes + (s.viralVotes ?? 0)) * m.storage.bytesPerVote +
    (s.comments + held.comments) * m.storage.bytesPerComment +
    (s.participants + held.participants + (s.viralVotes ?? 0)) * m.storage.bytesPerParticipant;
  const cloudfrontRequests = counts.staticRequests + counts.apiRequests;
  const logIngestGb = (lambdaInvocations * a.logBytesPerInvocation) / GB;
  // X-Ray's default sampling: the first request each second, then 5% of the rest.
  const traces = Math.min(lambdaInvocations, SECONDS_PER_MONTH + 0.05 * Math.max(0, lambdaInvocations - SECONDS_PER_MONTH));
  return {
    apiRequests: counts.apiRequests,
    lambdaInvocations,
    lambdaGbSeconds,
    coldStarts,
    readUnits: counts.rcu + scheduledRuns * a.jobReadUnits,
    writeUnits: counts.wcu,
    // The process's size at its end: a month is billed for what the table holds by then at most.
    tableGb: storedBytes / GB,
    cloudfrontRequests,
    cloudfrontGb: (counts.staticBytes + counts.apiBytes) / GB,
    cloudfrontFunctionInvocations: counts.staticRequests,
    s3Gets: counts.staticRequests * a.cacheMissShare,
    s3Puts: cloudfrontRequests * a.logPutsPerRequest,
    s3Gb: (a.siteBytes + cloudfrontRequests * a.accessLogBytesPerRequest * 3) / GB,
    mau: activity.activeParticipants + (s.viralVotes ?? 0),
    // Cognito's confirmation code to each new participant, and what the handlers mailed.
    emails: activity.newParticipants + counts.emails,
    logIngestGb,
    logStoredGb: logIngestGb * a.logCompression,
    traces,
    scheduledRuns,
    sqsRequests: inventory.polledQueues * a.sqsPollsPerQueuePerMonth,
    // Each new execution environment reads the origin secret once.
    secretCalls: coldStarts,
  };
}
