import { createHash, getRandomValues } from 'node:crypto';
import { CLAIM_CODE_LENGTH, claimCodeFrom, normaliseClaimCode } from '#shared/rules/assisted';

/**
 * Claim codes on the server: a new one for every receipt, kept only as its SHA-256 hash (the paper
 * holds the code; the table holds what cannot be turned back into it). 60 random bits: guessing one
 * of a few thousand live codes takes ~10^14 tries, and the claim route is rate limited besides.
 */
export const newClaimCode = () => claimCodeFrom(getRandomValues(new Uint8Array(CLAIM_CODE_LENGTH)));

/** The hash of a code in its stored form; undefined when what was typed cannot be a code. */
export function claimCodeHash(typed: string): string | undefined {
  const code = normaliseClaimCode(typed);
  return code && createHash('sha256').update(code).digest('base64url');
}
