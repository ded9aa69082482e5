import { timingSafeEqual } from 'node:crypto';
import { ORIGIN_HEADER } from '../adapters/secrets/origin-secret';
import { ForbiddenError } from './errors';
import { header } from './request';

/** What a caller who went around CloudFront (straight to the execute-api address) is told. */
export class NotThroughSiteError extends ForbiddenError {
  constructor() {
    super('Deltag svarer kun gennem sin egen hjemmeside. Brug Deltags adresse i stedet.');
  }
}

/**
 * Refuses (403) a request without CloudFront's origin secret, when one is configured; `expected` gives
 * `undefined` when none is (the local stack). Compared in constant time, so the answer's timing tells
 * nothing about how much of a guess was right.
 */
export async function checkOrigin(headers: Record<string, string | undefined>, expected: () => Promise<string | undefined>): Promise<void> {
  const secret = await expected();
  if (secret === undefined) return;
  const given = Buffer.from(header(headers, ORIGIN_HEADER) ?? '');
  const wanted = Buffer.from(secret);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) throw new NotThroughSiteError();
}
