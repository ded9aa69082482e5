import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '#functions/adapters/dynamodb/keys';

/**
 * The honest floor for a read API on this machine (issue 19, Deliver 3): a bare `node:http` server in
 * the bench process, on 127.0.0.1, that answers `GET /ideas/<id>` with the same GetItem through the SDK
 * and writes the item as JSON. No routing table, no middleware, no validation, no logging: whatever
 * the real API costs beyond this is the price of its rules. It runs in the same process as the gateway
 * (as the handlers do locally), so both share the event loop and the machine's noise.
 */
export interface ReadFloor {
  url: string;
  stop(): Promise<void>;
}

const IDEA_PATH = /^\/ideas\/([^/?]+)$/;

export async function startReadFloor(client: DynamoDBDocumentClient, table: string): Promise<ReadFloor> {
  const server: Server = createServer((req, res) => {
    const match = IDEA_PATH.exec(req.url ?? '');
    if (req.method !== 'GET' || !match) {
      res.writeHead(404).end();
      return;
    }
    client.send(new GetCommand({ TableName: table, Key: keys.idea(decodeURIComponent(match[1]!)) })).then(
      ({ Item }) => {
        if (!Item) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"status":404}');
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(Item));
      },
      () => void res.writeHead(503).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
