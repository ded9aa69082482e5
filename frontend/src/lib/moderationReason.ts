import { REASON_MAX, REASON_MIN } from '#shared/rules/moderation';
import { tw } from './workspaceI18n';

/**
 * What is wrong with a moderator's reason, in words; undefined when it can be sent. A reason the
 * author will be shown (hide, reject, merge, block) is `required`; an optional one may be empty but,
 * when given, follows the same length rule as the API's.
 */
export function reasonProblem(text: string, required: boolean): string | undefined {
  const value = text.trim();
  if (required && value.length < REASON_MIN) return tw('queue.reasonRequired');
  if (value && (value.length < REASON_MIN || value.length > REASON_MAX)) return tw('errors.invalidReason');
  return undefined;
}

/** The trimmed text, or undefined when nothing is left: an empty optional field is not sent. */
export const optionalText = (text: string): string | undefined => text.trim() || undefined;
