/**
 * Assisted participation and the other channels (issue 15), as plain code both ends decide with:
 * which channel a contribution came through, the consent an assistant reads aloud, the claim code
 * printed on a receipt, and the plain-language limits. zod-free, so the SPA imports it cheaply.
 */

/**
 * How an idea, a comment or a survey answer came in. `web`: the participant themself, signed in;
 * `event`: an idea named an event as its origin (the theme day); the assisted ones: an assistant
 * typed it for a citizen present at the desk, on the phone, or from a paper form.
 */
export const channels = ['web', 'assisted-in-person', 'assisted-phone', 'paper', 'event'] as const;
export type Channel = (typeof channels)[number];

/** The channels an assistant acts through (the assisted routes take one of these, nothing else). */
export const assistedChannels = ['assisted-in-person', 'assisted-phone', 'paper'] as const;
export type AssistedChannel = (typeof assistedChannels)[number];
export const isAssistedChannel = (c: string): c is AssistedChannel => (assistedChannels as readonly string[]).includes(c);

/**
 * An assisted citizen acts under a stable identity of their own, one per process: their votes,
 * ideas and answers are keyed by it exactly like a signed-in user's (so one person one vote holds
 * through the same conditions), until they claim it into an account.
 */
export const ASSISTED_USER_PREFIX = 'assisted-';
export const assistedUserId = (personId: string) => `${ASSISTED_USER_PREFIX}${personId}`;
export const isAssistedUserId = (userId: string) => userId.startsWith(ASSISTED_USER_PREFIX);

/**
 * What the assistant reads aloud before ticking the consent box; stored with its version, the time
 * and the assistant. A new wording gets a new version, so every stored consent names the words heard.
 */
export const CONSENT_VERSION = '2026-12-01';
export const CONSENT_TEXT = {
  da:
    'Jeg skriver dit navn og det, du vil dele, ind i Deltag for dig. ' +
    'Dit navn står ved din idé eller kommentar. ' +
    'Din e-mail eller dit telefonnummer gemmer vi kun, hvis du vil have besked. ' +
    'Vi sletter dine oplysninger, når forløbet slutter. ' +
    'Du kan altid få at vide, hvad vi har gemt, og bede os slette det. ' +
    'Er det i orden?',
  en:
    'I will type your name and what you want to share into Deltag for you. ' +
    'Your name is shown with your idea or comment. ' +
    'We keep your e-mail or phone number only if you want to hear back. ' +
    'We delete your details when the process ends. ' +
    'You can always learn what we keep, and ask us to delete it. ' +
    'Is that all right?',
} as const;

/**
 * A claim code: 12 characters of Crockford base 32 (no I, L, O, U: nothing to misread on paper),
 * printed in groups of four (`7K3M-Q9PX-2DRT`). 60 bits, kept only as a hash; typed back in any case,
 * with or without the dashes.
 */
export const CLAIM_CODE_LENGTH = 12;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new code from random bytes (crypto.getRandomValues on either end). */
export function claimCodeFrom(random: Uint8Array): string {
  if (random.length < CLAIM_CODE_LENGTH) throw new Error('need one random byte per character');
  return Array.from(random.subarray(0, CLAIM_CODE_LENGTH), (b) => CROCKFORD[b % 32]).join('');
}

/** What a person typed, as the stored form (upper case, no dashes or spaces, O→0, I/L→1), or undefined when it cannot be a code. */
export function normaliseClaimCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === CLAIM_CODE_LENGTH && [...code].every((c) => CROCKFORD.includes(c)) ? code : undefined;
}

/** For print and screen: `7K3M-Q9PX-2DRT`. */
export const formatClaimCode = (code: string) => code.match(/.{1,4}/g)!.join('-');

/** A plain-language ("letlæst") summary of an idea: short enough to read first. */
export const PLAIN_SUMMARY_MAX = 300;
/** A process's plain-language introduction. */
export const PLAIN_INTRO_MAX = 1200;
/** Plain Danish: no sentence longer than this many words (the wizard's help texts are held to it by a test). */
export const PLAIN_SENTENCE_WORDS = 20;

/** The sentences of a text longer than `max` words (split at . ! ? : and line breaks). */
export function longSentences(text: string, max = PLAIN_SENTENCE_WORDS): string[] {
  return text
    .split(/(?<=[.!?:])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).filter(Boolean).length > max);
}
