import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  UserPool,
  type UserPoolClient,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { identity } from '../definitions/identity';

/**
 * The Cognito user pool, the SPA's app client and one group per role, from `cdk/definitions/identity.ts`
 * (the local bootstrap builds cognito-local from the same definition).
 *
 * Threat protection ("advanced security") needs the paid Plus feature plan, so it is left off; the pool
 * stays on the default (Essentials) plan (cdk-nag's finding is acknowledged in cdk/nag-suppressions.ts).
 */
export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const { passwordPolicy, tokenValidity } = identity;

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: identity.userPoolName,
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      autoVerify: { email: true },
      userVerification: { emailStyle: VerificationEmailStyle.CODE },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: { ...passwordPolicy },
      // The accounts are the participants: keep them when the stack goes.
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });

    this.userPoolClient = this.userPool.addClient('SpaClient', {
      userPoolClientName: identity.clientName,
      // A browser app cannot keep a secret.
      generateSecret: false,
      authFlows: { ...identity.authFlows },
      // The SPA signs in with its own forms; no hosted UI, so no OAuth flows or callback URLs.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.minutes(tokenValidity.accessMinutes),
      idTokenValidity: Duration.minutes(tokenValidity.idMinutes),
      refreshTokenValidity: Duration.days(tokenValidity.refreshDays),
    });

    for (const group of identity.groups) {
      new CfnUserPoolGroup(this, `Group-${group.name}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group.name,
        description: group.description,
      });
    }

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
  }
}
