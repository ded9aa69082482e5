import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAws, StackNotFoundError } from '../../cdk/setup/aws';

/**
 * `--stage aws` finds a deployment by its stack outputs. CloudFormation is stood in for by a local
 * server speaking its query protocol (DescribeStacks), so the lookup and its messages are tested
 * without AWS.
 */
const stacks: Record<string, Record<string, string>> = {
  'Deltag-Data': { MainTableName: 'Deltag-Data-Main1234-ABC' },
  'Deltag-Auth': { UserPoolId: 'eu-north-1_Abc123', UserPoolClientId: 'client123' },
  'Old-Data': {},
  'Old-Auth': { UserPoolId: 'eu-north-1_Old', UserPoolClientId: 'old' },
};

let server: Server;
let endpoint: string;
const asked: string[] = [];

beforeAll(async () => {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' });
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const name = new URLSearchParams(body).get('StackName') ?? '';
      asked.push(name);
      const outputs = stacks[name];
      res.setHeader('content-type', 'text/xml');
      if (!outputs) {
        res.statusCode = 400;
        res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id ${name} does not exist</Message></Error><RequestId>1</RequestId></ErrorResponse>`);
        return;
      }
      const members = Object.entries(outputs).map(([k, v]) => `<member><OutputKey>${k}</OutputKey><OutputValue>${v}</OutputValue></member>`).join('');
      res.end(
        `<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member><StackName>${name}</StackName><StackStatus>CREATE_COMPLETE</StackStatus><Outputs>${members}</Outputs></member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></DescribeStacksResponse>`,
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('connectAws', () => {
  it('reads the table from <prefix>-Data and the user pool from <prefix>-Auth', async () => {
    const connection = await connectAws('eu-north-1', 'Deltag', { cloudFormationEndpoint: endpoint });
    expect(connection.table).toBe('Deltag-Data-Main1234-ABC');
    expect(connection.pool).toMatchObject({ userPoolId: 'eu-north-1_Abc123', userPoolClientId: 'client123' });
    expect(await connection.pool.client.config.region()).toBe('eu-north-1');
    expect(asked).toEqual(expect.arrayContaining(['Deltag-Data', 'Deltag-Auth']));
  });

  it('names a stack that is not there, and what to do', async () => {
    await expect(connectAws('eu-west-1', 'Nope', { cloudFormationEndpoint: endpoint })).rejects.toEqual(
      new StackNotFoundError('Stakken Nope-Data findes ikke i eu-west-1: udrul med `npx cdk deploy --all`, eller angiv --region eller --stack-prefix.'),
    );
  });

  it('names an output an older deployment lacks', async () => {
    await expect(connectAws('eu-north-1', 'Old', { cloudFormationEndpoint: endpoint })).rejects.toEqual(
      new StackNotFoundError('Stakken Old-Data har intet output MainTableName: udrul den nyeste version med `npx cdk deploy --all`.'),
    );
  });
});
