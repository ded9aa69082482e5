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
  tokenValidity: { accessMinutes: 60, idMinutes: 60, refreshDays: 30 },
} as const;
