/** Structured JSON logs (one line each, CloudWatch-friendly) carrying the request's correlation id. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const quiet = process.env.DELTAG_LOG === 'silent';

export function createLogger(base: Record<string, unknown>): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    if (quiet && level !== 'error') return;
    console.log(JSON.stringify({ level, time: new Date().toISOString(), message, ...base, ...fields }));
  };
  return {
    info: (m, f) => write('info', m, f),
    error: (m, f) => write('error', m, f),
  };
}
