/**
 * Accounts deleted within the last access token's lifetime. The HTTP API's JWT authorizer cannot ask
 * Cognito whether a token's account still exists, so a deleted account's token would keep working
 * for its last minutes: every write by a signed-in caller asks here first (lib/http.ts).
 */
export interface ErasedAccounts {
  /** Record the deletion; it is forgotten once no token issued before it can still be valid. */
  mark(userId: string, now: Date): Promise<void>;
  isErased(userId: string): Promise<boolean>;
}
