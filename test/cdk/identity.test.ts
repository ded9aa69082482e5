import { beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { identity } from '../../cdk/definitions/identity';
import { testApp } from './synth';

/**
 * The identity findings of the security review (issue 17, Deliver 1), as the user pool and its SPA
 * client are synthesized: an email change waits for its verification, staff can use TOTP (never SMS),
 * Cognito's own mail goes out through SES on the verified domain, and tokens live minutes, not an hour.
 */
type Resource = { Properties: Record<string, any> };
let pool: Resource;
let client: Resource;
let customSender: Resource;

const only = (template: Template, type: string) => {
  const found = Object.values(template.findResources(type)) as Resource[];
  expect(found).toHaveLength(1);
  return found[0]!;
};

beforeAll(() => {
  // Prepare: the app as `cdk synth` builds it, once with the default sender and once with `-c mailFrom=…`.
  const auth = Template.fromStack(testApp().auth);
  pool = only(auth, 'AWS::Cognito::UserPool');
  client = only(auth, 'AWS::Cognito::UserPoolClient');
  customSender = only(Template.fromStack(testApp({ mailFrom: 'deltag@mail.example.dk' }).auth), 'AWS::Cognito::UserPool');
}, 60_000);

describe('user pool', () => {
  it('keeps the original email until the new one is verified (keepOriginal)', () => {
    expect(pool.Properties.UserAttributeUpdateSettings).toEqual({ AttributesRequireVerificationBeforeUpdate: ['email'] });
  });

  it('offers MFA with an authenticator app (TOTP) only, never SMS', () => {
    expect(pool.Properties.MfaConfiguration).toBe('OPTIONAL');
    expect(pool.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(pool.Properties.SmsConfiguration).toBeUndefined();
  });

  it("sends Cognito's own mail through SES from the project's sender on its verified domain", () => {
    const email = pool.Properties.EmailConfiguration;
    expect(email).toMatchObject({ EmailSendingAccount: 'DEVELOPER', From: expect.any(String) });
    expect(email.From).toContain('deltag@gentofte.dk');
    expect(JSON.stringify(email.SourceArn)).toContain(':identity/gentofte.dk');
  });

  it('takes the sender from the mailFrom context, the same one the API mails from', () => {
    const email = customSender.Properties.EmailConfiguration;
    expect(email.From).toContain('deltag@mail.example.dk');
    expect(JSON.stringify(email.SourceArn)).toContain(':identity/mail.example.dk');
  });
});

describe('SPA client', () => {
  it('issues access and ID tokens that live at most ten minutes, so a removed role or a deleted account stops within minutes', () => {
    const units = client.Properties.TokenValidityUnits;
    expect(units).toMatchObject({ AccessToken: 'minutes', IdToken: 'minutes' });
    expect(client.Properties.AccessTokenValidity).toBeLessThanOrEqual(10);
    expect(client.Properties.IdTokenValidity).toBeLessThanOrEqual(10);
    expect(client.Properties.AccessTokenValidity).toBe(identity.tokenValidity.accessMinutes);
  });

  it('keeps the refresh token long, so the SPA renews quietly instead of asking for the password', () => {
    // CDK writes the refresh token's lifetime in minutes.
    expect(client.Properties.TokenValidityUnits.RefreshToken).toBe('minutes');
    expect(client.Properties.RefreshTokenValidity).toBe(30 * 24 * 60);
  });
});
