import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  Mfa,
  UserPool,
  type UserPoolClient,
  UserPoolEmail,
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
export interface AuthStackProps extends StackProps {
  /** Sender of Cognito's mails (codes, password resets): the project's own sender, on a domain verified in SES. */
  mailFrom: string;
}

export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);
    const { passwordPolicy, tokenValidity } = identity;
    const mailDomain = props.mailFrom.split('@')[1]!;

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: identity.userPoolName,
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      autoVerify: { email: true },
      userVerification: { emailStyle: VerificationEmailStyle.CODE },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: { ...passwordPolicy },
      keepOriginal: { email: identity.verifyBeforeUpdate.includes('email') },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // Cognito's default sender caps at 50 mails a day and comes from amazonaws.com: sign-up codes
      // and password resets go through SES from the project's own verified domain instead.
      email: UserPoolEmail.withSES({ fromEmail: props.mailFrom, fromName: identity.mailFromName, sesVerifiedDomain: mailDomain }),
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
