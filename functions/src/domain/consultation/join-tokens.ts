import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An invited round's join link carries a random token (32 bytes, base64url: 43 characters). Whoever
 * holds the link may join the round, so it is a capability: admins, moderators and the committee see
 * it to share it; the store keeps its SHA-256 hash beside it, and a join compares hashes in constant
 * time, so the comparison's duration tells nothing about how much of a guess was right.
 */
export const newJoinToken = (): string => randomBytes(32).toString('base64url');

export const hashJoinToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export function joinTokenMatches(given: string, storedHash: string | undefined): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(hashJoinToken(given), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The join link as the SPA routes it (C3's round page): absolute, for the invitation mail. */
export const joinLink = (siteUrl: string, processId: string, roundId: string, token: string): string =>
  `${siteUrl}/forloeb/${encodeURIComponent(processId)}/hoering/runde/${encodeURIComponent(roundId)}?token=${encodeURIComponent(token)}`;
