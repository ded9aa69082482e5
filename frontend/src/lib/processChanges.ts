import { auditActionLabels, configValueLabels, labelOf } from '#shared/rules/labels';
import type { ConfigChange, ProcessChange } from '#shared/schemas/process';
import { currentLocale, d, localized, t } from '../modules/i18n';
import { configFieldText, label, moderationModeText, phaseKindText } from './labels';

/**
 * A process's configuration change in words, for the public list of changes: which rule, and its
 * value before and after as lines a participant can read ("Idéer – Idéer og stemmer: 1. december
 * 2026 til 26. januar 2027"). The values are stored as plain JSON (functions/src/domain/
 * process-admin/changes.ts), so each is read defensively: a value this version does not expect is
 * shown as its text, never dropped and never as markup. The words are the shared labels
 * (shared/rules/labels.ts), so the admins' audit log can name a change the same way.
 */
export interface ChangeLine {
  text: string;
  /** Not on the other side of the change (a phase moved, an area added or retired). */
  changed: boolean;
}
export interface ChangeInWords {
  field: string;
  label: string;
  before?: ChangeLine[];
  after?: ChangeLine[];
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLocalized = (v: Json): v is { da: string; en?: string } => isObject(v) && typeof v.da === 'string';
const isDate = (v: Json): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));

/** Any value as text: names in the reader's language, dates as dates, the rest as it was stored. */
function plain(value: Json): string {
  if (value === null || value === undefined) return label(configValueLabels.none);
  if (typeof value === 'boolean') return label(value ? configValueLabels.yes : configValueLabels.no);
  if (isDate(value)) return d(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (isLocalized(value)) return localized(value);
  return JSON.stringify(value);
}

function phaseLine(phase: Json): string {
  if (!isObject(phase)) return plain(phase);
  const from = plain(phase.startsAt);
  const dates = isDate(phase.endsAt) ? t('processes.dates', { from, to: d(phase.endsAt) }) : t('processes.datesFrom', { from });
  return `${phaseKindText(String(phase.kind))} – ${plain(phase.title)}: ${dates}`;
}

function nameLine(item: Json): string {
  if (!isObject(item)) return plain(item);
  const name = plain(item.name ?? item.id);
  return item.retired === true ? `${name} (${t('process.areas.retired')})` : name;
}

/** Each limit on a line of its own ("Stemmer pr. minut: 30"), in the settings' order whatever the stored order; unknown ones last. */
const limitOrder = ['votesPerMinute', 'commentsPerMinute', 'ideasPerHour', 'flagsPerHour'];
const rank = (key: string) => (limitOrder.includes(key) ? limitOrder.indexOf(key) : limitOrder.length);
const limitLines = (limits: Json): string[] =>
  isObject(limits)
    ? Object.entries(limits)
        .sort(([a], [b]) => rank(a) - rank(b))
        .map(([key, n]) => `${configFieldText(`settings.limits.${key}`)}: ${plain(n)}`)
    : [plain(limits)];

/** One side of a change as lines. */
function lines(field: string, value: Json): string[] {
  if (!Array.isArray(value)) {
    if (field === 'settings.moderation' && typeof value === 'string') return [moderationModeText(value)];
    if (field === 'settings.votesPerPerson' && value === null) return [label(configValueLabels.unlimited)];
    if (field === 'settings.limits') return limitLines(value);
    return [plain(value)];
  }
  if (field === 'phases') return value.map(phaseLine);
  if (field === 'areas' || field === 'effects') return value.map(nameLine);
  return value.map(plain);
}

export function changeInWords(change: ConfigChange): ChangeInWords {
  const before = change.before !== undefined ? lines(change.field, change.before) : undefined;
  const after = change.after !== undefined ? lines(change.field, change.after) : undefined;
  const mark = (side: string[] | undefined, other: string[] | undefined) => side?.map((text) => ({ text, changed: other !== undefined && !other.includes(text) }));
  return { field: change.field, label: configFieldText(change.field), before: mark(before, after), after: mark(after, before) };
}

/** What was done ("Forløb oprettet", "Forløb ændret"), in the reader's language. */
export const changeActionText = (action: ProcessChange['action']): string => labelOf(auditActionLabels, action, currentLocale.value);
