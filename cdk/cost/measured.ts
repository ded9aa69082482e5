import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What one page load or one action cost, as measured against the local stack (measure.ts). */
export interface Counts {
  /** /api/ requests: each one HTTP API request and one Lambda invocation. */
  apiRequests: number;
  /** The same, by route key ("GET /api/processes/{slug}/ideas"). */
  byRoute: Record<string, number>;
  /** Milliseconds the local gateway took over those requests (an upper bound on the handlers' billed time). */
  apiMs: number;
  /** Response bytes of the API requests as they crossed the wire (headers included). */
  apiBytes: number;
  /** DynamoDB read and write capacity units the handlers consumed (ReturnConsumedCapacity). */
  rcu: number;
  wcu: number;
  /** Requests for the SPA's files and their bytes as they crossed the wire (what CloudFront would serve). */
  staticRequests: number;
  staticBytes: number;
  /** Mails the handlers sent (the local outbox; SES in AWS). */
  emails: number;
}

export type PageName = 'front' | 'list' | 'idea';
export type ActionName = 'signIn' | 'postIdea' | 'vote' | 'comment';

export interface Measured {
  measuredAt: string;
  commit: string;
  /** Whether the working tree had changes the commit does not hold. */
  dirty: boolean;
  method: string;
  /** cold: a fresh browser (empty cache) opens the page's address; warm: a click to it inside the running app. */
  pages: Record<PageName, { cold: Counts; warm: Counts }>;
  actions: Record<ActionName, Counts>;
  /** Bytes an item adds to the table, its indexes included (DynamoDB's item-size rules, 100 bytes per index entry). */
  storage: { bytesPerIdea: number; bytesPerVote: number; bytesPerComment: number; bytesPerParticipant: number };
}

export const MEASURED_FILE = fileURLToPath(new URL('measured-requests.json', import.meta.url));

export function loadMeasured(file = MEASURED_FILE): Measured {
  return JSON.parse(readFileSync(file, 'utf8')) as Measured;
}

export const emptyCounts = (): Counts => ({ apiRequests: 0, byRoute: {}, apiMs: 0, apiBytes: 0, rcu: 0, wcu: 0, staticRequests: 0, staticBytes: 0, emails: 0 });
