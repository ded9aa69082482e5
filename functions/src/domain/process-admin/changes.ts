import {
  processSettingsSchema,
  publicConfigFields,
  type ConfigChange,
  type ProcessChange,
  type ProcessDefinition,
} from '#shared/schemas/process';
import type { AuditRecord } from '../ports';

/**
 * What changed in a process's configuration, field by field, for the audit log (admins see every
 * field with its value before and after) and the public "changes to this process" list (only the
 * rules participants act under: `publicConfigFields`). Pure: no store, no clock.
 */

/** The parts of a process its configuration consists of: the definition without its id. */
export type Configuration = Omit<ProcessDefinition, 'id'>;

/** Compared as wholes: a text or the charter is one change, however much of it was edited. */
const wholeFields = ['title', 'summary', 'description', 'plainIntro', 'charter', 'phases', 'areas', 'effects'] as const;
/** Settings are compared key by key (`settings.flagThreshold`), so the public list can name the rule. */
const settingKeys = Object.keys(processSettingsSchema.shape) as (keyof Configuration['settings'])[];

/**
 * One entry per field whose value differs, in the definition's order; `before` is absent on a
 * creation (no `before` given). Values are compared by content, whatever the order of their keys.
 */
export function configChanges(before: Configuration | undefined, after: Configuration): ConfigChange[] {
  const pairs: [string, unknown, unknown][] = [
    ...wholeFields.map((f): [string, unknown, unknown] => [f, before?.[f], after[f]]),
    ...settingKeys.map((k): [string, unknown, unknown] => [`settings.${k}`, before?.settings[k], after.settings[k]]),
  ];
  return pairs.flatMap(([field, was, is]) => {
    // An optional field (the plain intro) that is absent on both sides is no change, not even on a creation.
    if (was === undefined && is === undefined) return [];
    if (before !== undefined && canonical(was) === canonical(is)) return [];
    return [{ field, ...(before !== undefined && was !== undefined ? { before: plain(was) } : {}), ...(is !== undefined ? { after: plain(is) } : {}) }];
  });
}

/**
 * A process's configuration changes as the public sees them, newest first: each entry's public
 * fields only, entries without one left out (a corrected summary is no change of the rules). An
 * erasure of the personal data is listed as such. No actor: the public list names no employee.
 */
export function publicChanges(entries: readonly AuditRecord[]): ProcessChange[] {
  const visible = new Set<string>(publicConfigFields);
  return entries.flatMap((entry) => {
    if (!isChangeAction(entry.action)) return [];
    const changes = (entry.changes ?? []).filter((c) => visible.has(c.field));
    if (changes.length === 0 && entry.action !== 'process-erase') return [];
    return [{ at: entry.at, action: entry.action, changes }];
  });
}

const changeActions = ['process-create', 'process-update', 'process-archive', 'process-restore', 'process-erase'] as const;
const isChangeAction = (action: string): action is ProcessChange['action'] => (changeActions as readonly string[]).includes(action);

/** JSON with object keys sorted and undefined left out, so equal content gives equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  ) ?? 'undefined';
}

/** A copy as it will be stored: JSON values only. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
