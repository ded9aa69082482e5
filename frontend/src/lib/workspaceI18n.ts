import { watch } from 'vue';
import type { AuditState } from '#shared/rules/audit';
import { accountStateLabels, auditActionLabels, commentStateLabels, heldLabel, labelOf, noRolesLabel, statusLabels } from '#shared/rules/labels';
import da from '../locales/workspace/da';
import en from '../locales/workspace/en';
import { currentLocale, i18n, type Locale } from '../modules/i18n';

/**
 * The workspace's messages live in their own files (`locales/workspace/{da,en}.ts`), so the citizen
 * app never downloads them. When this chunk loads, they are merged into vue-i18n under `workspace.`
 * for Danish and the reader's language once those are loaded, and again after each language switch
 * (the app's `setLocale` loads a language's own messages before it switches, and never replaces
 * them afterwards, so a merge is never lost). Both languages ship in this chunk: staff switch languages without a
 * moment of untranslated text.
 */
export type WorkspaceMessages = typeof da;
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type WorkspaceKey = Leaves<WorkspaceMessages>;

const messages: Record<Locale, WorkspaceMessages> = { da, en };
const composer = i18n.global;

/** Merges the workspace messages into one language, when that language is loaded and lacks them. */
function mergeInto(locale: Locale): void {
  if (!composer.availableLocales.includes(locale)) return;
  const current = composer.getLocaleMessage(locale) as { workspace?: unknown };
  if (current.workspace) return;
  composer.mergeLocaleMessage(locale, { workspace: messages[locale] } as never);
}

/** Idempotent: merges into Danish (the fallback) and the reader's language. */
export function installWorkspaceMessages(): void {
  mergeInto('da');
  mergeInto(currentLocale.value);
}

// Now, and whenever the language or the set of loaded languages changes. 'sync': merged in the same
// tick, before anything renders in the new language.
watch([currentLocale, () => composer.availableLocales.join()], () => installWorkspaceMessages(), { flush: 'sync', immediate: true });

/** A workspace message in the reader's language; `n` picks the plural form like `t`. */
export function tw(key: WorkspaceKey, values?: Record<string, string | number> | number): string {
  const full = `workspace.${key}`;
  if (typeof values === 'number') return composer.t(full, { n: values, count: values }, values);
  return values ? composer.t(full, values) : composer.t(full);
}

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
