import { randomInt } from 'node:crypto';
import { SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH } from '#shared/rules/events';
import { ServiceUnavailableError } from '../../lib/errors';
import type { LiveRoundRecord, LiveRoundStore } from './ports';

/**
 * A short code people type on their phones, drawn with crypto randomness: 25^6 ≈ 244 million codes,
 * so a guessed code rarely hits an open round, and a round's code says nothing about the next one.
 */
export const drawShortCode = (random: (max: number) => number = randomInt): string =>
  Array.from({ length: SHORT_CODE_LENGTH }, () => SHORT_CODE_ALPHABET[random(SHORT_CODE_ALPHABET.length)]!).join('');

/** Draws beyond this mean something is wrong (the store refuses every claim), not bad luck. */
const MAX_DRAWS = 8;

/**
 * Claims a fresh code for the round: draws one and claims it with a conditional put; a code taken
 * by another round (ever: closed rounds keep theirs, so old QR codes never lead to a new round)
 * makes it draw again.
 */
export async function claimShortCode(store: Pick<LiveRoundStore, 'claimCode'>, round: Pick<LiveRoundRecord, 'processId' | 'eventId' | 'id'>, draw: () => string = drawShortCode): Promise<string> {
  for (let i = 0; i < MAX_DRAWS; i++) {
    const code = draw();
    if (await store.claimCode(code, round)) return code;
  }
  throw new ServiceUnavailableError();
}
