import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { AuthStack } from '../../cdk/stacks/auth-stack';
import { DataStack } from '../../cdk/stacks/data-stack';

/**
 * `npm run setup -- --stage aws` finds the deployment by these stack outputs (cdk/setup/aws.ts): the
 * main table's name in the data stack, the user pool and its SPA client in the auth stack.
 */
describe('the outputs setup reads', () => {
  const data = Template.fromStack(new DataStack(new App(), 'Deltag-Data'));
  const auth = Template.fromStack(new AuthStack(new App(), 'Deltag-Auth', { mailFrom: 'deltag@gentofte.dk', env: { region: 'eu-north-1' } }));

  it('names the main table in the data stack', () => {
    const [table] = Object.keys(data.findResources('AWS::DynamoDB::Table', { Properties: { KeySchema: [{ AttributeName: mainTable.partitionKey.name, KeyType: 'HASH' }, { AttributeName: mainTable.sortKey.name, KeyType: 'RANGE' }] } }));
    expect(data.findOutputs(`${mainTable.id}TableName`)).toEqual({ [`${mainTable.id}TableName`]: { Value: { Ref: table } } });
  });

  it('names the user pool and the SPA client in the auth stack', () => {
    expect(Object.keys(auth.findOutputs('*'))).toEqual(expect.arrayContaining(['UserPoolId', 'UserPoolClientId']));
  });
});
