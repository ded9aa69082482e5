/** A scheduled job on the local stack, as EventBridge Scheduler runs it in AWS (retention, reminders). */
export interface JobTimer {
  /** Stops the timer and waits for a run in progress, so the database is not stopped under it. */
  stop(): Promise<void>;
}

/**
 * Runs `job` now and then every `everyMs`, one run at a time; each run's lines go to `log`, and a
 * failed run is logged under `name` and tried again next time.
 */
export function startJobTimer<T>(name: string, everyMs: number, log: (message: string) => void, job: () => Promise<T>, describe: (result: T) => string[]): JobTimer {
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = job()
      .then((result) => describe(result).forEach((line) => log(line)))
      .catch((error: unknown) => log(`${name} failed, tried again in ${Math.round(everyMs / 60_000)} min: ${(error as Error).message}`))
      .finally(() => (running = undefined));
  };
  run();
  const timer = setInterval(run, everyMs);
  // The timer alone does not keep the process alive: Ctrl-C and stop() end it.
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
