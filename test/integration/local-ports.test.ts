import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startCognito } from '#local/cognito';
import { startDynamoDb } from '#local/dynamodb';
import { ChildExitedError, freePort } from '#local/processes';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Tests start their stacks side by side on ports the OS calls free; another stack can take such a
 * port first. Then our DynamoDB Local or cognito-local ends at once, and the start must say so at
 * once (startStack then tries other ports) instead of probing another program's server for 30 s.
 */
let taken: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (taken ? taken.close(() => resolve()) : resolve())));

async function takePort(): Promise<number> {
  const port = await freePort();
  // Takes connections and drops them, as a busy stranger would.
  taken = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => taken!.listen(port, '127.0.0.1', resolve));
  return port;
}

describe('a local server whose port is already taken', () => {
  it('DynamoDB Local fails fast with ChildExitedError', async () => {
    const port = await takePort();
    const started = Date.now();
    await expect(startDynamoDb({ port })).rejects.toBeInstanceOf(ChildExitedError);
    expect(Date.now() - started).toBeLessThan(25_000);
  });

  it('cognito-local fails fast with ChildExitedError', async () => {
    const port = await takePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'deltag-ports-'));
    try {
      await expect(startCognito({ port, dataDir })).rejects.toBeInstanceOf(ChildExitedError);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
