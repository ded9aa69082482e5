import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A child process of the local stack, stopped (and waited for) by `stop`. */
export interface Child {
  name: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function startChild(
  name: string,
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; verbose?: boolean; onOutput?: (text: string) => void },
): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    options.onOutput?.(chunk.toString());
    if (output.length > 50) output.shift();
    if (options.verbose) process.stderr.write(`[${name}] ${chunk}`);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('exit', (code, signal) => {
    if (code && code !== 0 && !stopping) {
      process.stderr.write(`${name} stopped unexpectedly (exit ${code ?? signal}). Last output:\n${output.join('')}\n`);
    }
  });
  let stopping = false;
  return {
    name,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export class PortInUseError extends Error {}

/** Fails with a one-line message naming the port and the variable that changes it. */
export async function ensurePortFree(port: number, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new PortInUseError(`Port ${port} is already in use; set ${variable}=<another port> (e.g. ${variable}=${port + 1} npm start).`)
          : e,
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/** A free loopback port chosen by the OS (tests run side by side without fixed ports). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A child that ended while we waited for it to answer; in tests, mostly a port taken meanwhile. */
export class ChildExitedError extends Error {}

/**
 * Polls until `probe` succeeds, or fails after `timeoutMs` with the last error. With `child`, fails
 * at once when that child has ended (its port was taken, say) instead of probing a dead port or,
 * worse, another program's server on it.
 */
export async function waitFor(what: string, probe: () => Promise<unknown>, options: { timeoutMs?: number; child?: Child } = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const child = options.child?.process;
  let last: unknown;
  // A probe can hang on a server that accepts and never answers: the child's end cuts it short.
  const ended =
    child &&
    new Promise<never>((_, reject) => {
      const fail = () => reject(new ChildExitedError(`${what} ended while starting (exit ${child.exitCode ?? child.signalCode}); last probe: ${String(last)}`));
      if (child.exitCode !== null || child.signalCode !== null) fail();
      else child.once('exit', fail);
    });
  ended?.catch(() => undefined);
  while (Date.now() < deadline) {
    try {
      await (ended ? Promise.race([probe(), ended]) : probe());
      return;
    } catch (e) {
      if (e instanceof ChildExitedError) throw e;
      last = e;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`${what} did not start within ${timeoutMs / 1000} s: ${String(last)}`);
}
