import { auditActionLabels, beneficiaryLabels, inSentence, labelOf, statusLabels } from '#shared/rules/labels';
import type { Beneficiary, IdeaStatus } from '#shared/rules/values';

/**
 * The words the committee export uses for the contract's values: the Danish labels every reader uses
 * (shared/rules/labels.ts), since the export is a Danish document for a Danish committee whatever
 * language the reader's app is set to. A value standing alone in a cell keeps its capital.
 */

export const statusName = (status: IdeaStatus): string => statusLabels[status].da;

export const beneficiaryName = (beneficiary: Beneficiary): string => beneficiaryLabels[beneficiary].da;

/** An audit action, e.g. "Offentliggjort"; an action this version does not know shows as recorded. */
export const actionName = (action: string): string => labelOf(auditActionLabels, action, 'da');

/** Statuses inside the ranking rule's sentence: "offentliggjort, under behandling eller udvalgt". */
export const statusesInSentence = (statuses: readonly IdeaStatus[]): string => {
  const words = statuses.map((s) => inSentence(statusName(s)));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} eller ${words[words.length - 1]}`;
};
