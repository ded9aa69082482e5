import { CloudFormationClient, DescribeStacksCommand, type Output } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import type { Connection } from '../local/connect';

/** A deployed stack or one of its outputs is missing; the message says which and what to do. */
export class StackNotFoundError extends Error {}

/**
 * Connects to a deployment made with `cdk deploy`: the table and the user pool are read from the
 * outputs of `<prefix>-Data` and `<prefix>-Auth`, with the default AWS credential chain (profile,
 * environment, SSO, instance role), so no name is typed by hand.
 */
export async function connectAws(region: string, prefix: string, options: { cloudFormationEndpoint?: string } = {}): Promise<Connection> {
  // The endpoint is for tests (a local stand-in); AWS's own is found from the region.
  const cloudFormation = new CloudFormationClient({ region, ...(options.cloudFormationEndpoint ? { endpoint: options.cloudFormationEndpoint } : {}) });
  const outputs = async (stackName: string) => {
    try {
      const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
      return Stacks?.[0]?.Outputs ?? [];
    } catch (error) {
      if ((error as Error).name === 'ValidationError') {
        throw new StackNotFoundError(`Stakken ${stackName} findes ikke i ${region}: udrul med \`npx cdk deploy --all\`, eller angiv --region eller --stack-prefix.`);
      }
      throw error;
    }
  };
  // Both asked at once; with both missing, the message names the data stack, whichever answered first.
  const settled = await Promise.allSettled([outputs(`${prefix}-Data`), outputs(`${prefix}-Auth`)]);
  const [data, auth] = settled.map((s) => {
    if (s.status === 'rejected') throw s.reason;
    return s.value;
  }) as [Output[], Output[]];
  const table = output(data, `${mainTable.id}TableName`, `${prefix}-Data`);
  const userPoolId = output(auth, 'UserPoolId', `${prefix}-Auth`);
  const userPoolClientId = output(auth, 'UserPoolClientId', `${prefix}-Auth`);
  // The document client (shared with the functions' code) takes its region from the environment.
  process.env.AWS_REGION = region;
  return {
    pool: { client: new CognitoIdentityProviderClient({ region }), userPoolId, userPoolClientId },
    client: createDocumentClient(),
    table,
  };
}

function output(outputs: Output[], key: string, stackName: string): string {
  const value = outputs.find((o) => o.OutputKey === key)?.OutputValue;
  if (!value) throw new StackNotFoundError(`Stakken ${stackName} har intet output ${key}: udrul den nyeste version med \`npx cdk deploy --all\`.`);
  return value;
}
