import {
  beneficiaryLabels,
  channelNotes,
  commentStateLabels,
  configFieldLabels,
  labelOf,
  moderationModeLabels,
  phaseKindExplanations,
  phaseKindLabels,
  statusLabels,
  type Label,
} from '#shared/rules/labels';
import { currentLocale } from '../modules/i18n';

/**
 * The shared labels (shared/rules/labels.ts: the words mails, exports and the annex use too) in the
 * reader's language. They live outside the message catalogues so the server can use the same words;
 * `currentLocale` is reactive, so a template that calls these re-renders on a language switch.
 */
export const label = (l: Label): string => l[currentLocale.value];

/** An idea's status; a status this version does not know shows as the API wrote it. */
export const statusText = (status: string): string => labelOf(statusLabels, status, currentLocale.value);

export const beneficiaryText = (beneficiary: string): string => labelOf(beneficiaryLabels, beneficiary, currentLocale.value);

/** A comment's state (visible, held, hidden, deleted). */
export const commentStateText = (state: string): string => labelOf(commentStateLabels, state, currentLocale.value);

/** A phase kind's name ("Idéer", "Høring") and what a participant can do while it is open. */
export const phaseKindText = (kind: string): string => labelOf(phaseKindLabels, kind, currentLocale.value);
export const phaseKindExplanation = (kind: string): string => labelOf(phaseKindExplanations, kind, currentLocale.value);

/** A process configuration field as its changes are listed (`phases`, `settings.flagThreshold`). */
export const configFieldText = (field: string): string => labelOf(configFieldLabels, field, currentLocale.value);

/** A process's moderation mode (pre or post). */
export const moderationModeText = (mode: string): string => labelOf(moderationModeLabels, mode, currentLocale.value);

/**
 * The public line on an idea or a comment that did not come in on the web ("Indsendt via
 * Borgerservice"); none for the web (or no channel: older items), nor for a channel this version does not know.
 */
export const channelNoteText = (channel: string | undefined): string | null =>
  channel && Object.hasOwn(channelNotes, channel) ? channelNotes[channel as keyof typeof channelNotes][currentLocale.value] : null;
