import { roles } from '#shared/schemas/user';

const groupDescriptions: Record<(typeof roles)[number], string> = {
  moderator: 'Kuraterer idéer og kommentarer',
  committee: 'Udvalgsmedlemmer: læser og eksporterer de kuraterede idéer',
  admin: 'Opretter forløb og tildeler roller',
  assistant: 'Borgerservice: indsender på vegne af borgere med samtykke',
};

/**
 * The identity setup as plain data: read by the CDK auth stack (Cognito in AWS) and by the local
 * bootstrap (cognito-local), so both have the same pool, client and groups.
 */
export const identity = {
  userPoolName: 'deltag-users',
  clientName: 'deltag-spa',
  /** Cognito groups; they arrive in the `cognito:groups` claim and are the roles of the platform. */
  groups: roles.map((name) => ({ name, description: groupDescriptions[name] })),
  passwordPolicy: { minLength: 10, requireLowercase: true, requireUppercase: false, requireDigits: true, requireSymbols: false },
  /**
   * The SPA is a public client (no secret). USER_PASSWORD_AUTH is what cognito-local speaks; SRP is
   * enabled too so the deployed SPA can move to it without a new client.
   */
  authFlows: { userPassword: true, userSrp: true },
  /**
   * Access and ID tokens live minutes: the HTTP API's JWT authorizer cannot ask Cognito whether a token
   * was revoked, so a removed role, a sign-out everywhere or a deleted account stops at the latest when
   * the token runs out. The SPA renews them with the refresh token a minute before (frontend/src/modules/session.ts),
   * so a citizen never notices; the refresh token keeps a month between password prompts.
   */
  tokenValidity: { accessMinutes: 5, idMinutes: 5, refreshDays: 30 },
  /**
   * A new email address takes effect only once its code is confirmed (Cognito's keepOriginal): until
   * then sign-in, mail and the admin's lookup use the verified original, so nobody can take over an
   * address they do not own or push Deltag's mail to one.
   */
  verifyBeforeUpdate: ['email'],
  /**
   * A second factor by authenticator app (TOTP), never SMS (SIM swapping, and no SMS budget). Optional
   * for citizens; the staff roles cannot be granted to an account without it (functions/src/domain/roles.ts).
   */
  mfa: { configuration: 'OPTIONAL', methods: ['SOFTWARE_TOKEN_MFA'] },
  /** The sender name of Cognito's own mails (codes, password resets); the address is the project's mailFrom. */
  mailFromName: 'Deltag Gentofte',
} as const;
