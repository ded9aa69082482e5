import type { AuditState } from '#shared/rules/audit';
import { accountStateLabels, auditActionLabels, commentStateLabels, heldLabel, labelOf, noRolesLabel, statusLabels } from '#shared/rules/labels';
import da from '../locales/workspace/da';
import en from '../locales/workspace/en';
import { currentLocale, i18n } from '../modules/i18n';
import { lazyMessages, type Leaves } from '../modules/lazy-messages';

/**
 * The workspace's messages (`locales/workspace/{da,en}.ts`), merged under `workspace.` when the
 * workspace loads, so the citizen app never downloads them. Both languages ship in this chunk:
 * staff switch languages without a moment of untranslated text.
 */
export type WorkspaceMessages = typeof da;
export type WorkspaceKey = Leaves<WorkspaceMessages>;
const messages = lazyMessages('workspace', { da, en });
const composer = i18n.global;

/** Idempotent: merges the workspace messages into Danish (the fallback) and the reader's language. */
export const installWorkspaceMessages = messages.install;

/** A workspace message in the reader's language; `n` picks the plural form like `t`. */
export const tw = messages.t;

/** An audit entry's action in words (shared/rules/labels.ts); one this version does not know stays as the API wrote it. */
export const actionText = (action: string): string => labelOf(auditActionLabels, action, currentLocale.value);

/** A target's state before or after a decision, in words: "Offentliggjort, tilbageholdt efter anmeldelser". */
export function stateText(state: AuditState | undefined): string {
  if (!state) return '–';
  const locale = currentLocale.value;
  switch (state.kind) {
    case 'idea': {
      const status = labelOf(statusLabels, state.status, locale);
      return state.held ? `${status}, ${heldLabel[locale]}` : status;
    }
    case 'comment':
      return labelOf(commentStateLabels, state.state, locale);
    case 'account':
      return accountStateLabels[state.blocked ? 'blocked' : 'active'][locale];
    case 'roles':
      return state.roles.length ? state.roles.map((r) => (composer.te(`workspace.role.${r}`) ? composer.t(`workspace.role.${r}`) : r)).join(', ') : noRolesLabel[locale];
    case 'text':
      return state.text;
  }
}
