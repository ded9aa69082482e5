import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RetentionResult } from '#functions/handlers/retention';
import { describeRun, startRetentionTimer } from '#local/retention';

/** The local stack's retention timer with a stand-in job whose runs the test ends by hand. */
function jobs() {
  const runs: { resolve: (r: RetentionResult) => void; reject: (e: Error) => void }[] = [];
  const job = () => new Promise<RetentionResult>((resolve, reject) => runs.push({ resolve, reject }));
  return { runs, job };
}

const HOUR = 60 * 60 * 1000;
const nothing: RetentionResult = { erased: [] };

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('the local retention timer', () => {
  it('runs at start and then every interval, never two runs at once', async () => {
    const { runs, job } = jobs();
    const timer = startRetentionTimer(HOUR, () => undefined, job);
    expect(runs).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(HOUR);
    expect(runs).toHaveLength(1);
    runs[0]!.resolve(nothing);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(runs).toHaveLength(2);
    runs[1]!.resolve(nothing);
    await timer.stop();
  });

  it('logs what a run erased and a run that failed, and runs again after a failure', async () => {
    const { runs, job } = jobs();
    const lines: string[] = [];
    const timer = startRetentionTimer(HOUR, (l) => lines.push(l), job);
    runs[0]!.reject(new Error('DynamoDB Local is not answering'));
    await vi.advanceTimersByTimeAsync(HOUR);
    runs[1]!.resolve({ erased: [{ processId: 'p', ideas: 2, comments: 3, votes: 4, flags: 1, tallies: 2, surveyMarkers: 0, auditEntries: 0 }] });
    await vi.advanceTimersByTimeAsync(0);

    expect(lines).toEqual([
      'retention failed, tried again in 60 min: DynamoDB Local is not answering',
      'retention: erased the personal data in "p": made anonymous: ideas 2, comments 3; deleted: votes 4, flags 1, vote tallies 2; audit entries that named a participant: 0',
    ]);
    await timer.stop();
  });

  it('stops: waits for the run in progress, and starts none after', async () => {
    const { runs, job } = jobs();
    const timer = startRetentionTimer(HOUR, () => undefined, job);
    let stopped = false;
    const stopping = timer.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);

    runs[0]!.resolve(nothing);
    await stopping;
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(runs).toHaveLength(1);
  });

  it('says so when no process has passed its date', () => {
    expect(describeRun(nothing)).toEqual(['retention: no process past its retention date']);
  });
});
