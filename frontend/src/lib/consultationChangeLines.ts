import { labelOf, type Label } from '#shared/rules/labels';
import type { ConfigChange } from '#shared/schemas/process';
import { currentLocale, d, localized } from '../modules/i18n';
import type { ChangeInWords, ChangeLine } from './processChanges';

/**
 * A change to a consultation's setup (audit action 'consultation-setup': its reference list and its
 * rounds) as the admins' audit log shows it: a round a line ("Offentlig høring (offentlig): 2.
 * februar 2026 – 16. marts 2026"), the reference list as its name and its principles. The values are
 * stored as plain JSON, so each is read defensively; anything unexpected is shown as its text.
 */
const fieldLabels: Record<string, Label> = {
  rounds: { da: 'Runder', en: 'Rounds' },
  references: { da: 'Referenceliste', en: 'Reference list' },
};
const kindLabels: Record<string, Label> = {
  invited: { da: 'inviterede', en: 'invited' },
  public: { da: 'offentlig', en: 'public' },
};

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: Json) => (isObject(v) && typeof v.da === 'string' ? localized({ da: v.da, en: typeof v.en === 'string' ? v.en : undefined }) : String(v ?? ''));
const date = (v: Json) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? d(v) : '');

function roundLine(round: Json): string {
  if (!isObject(round)) return String(round);
  return `${text(round.title)} (${labelOf(kindLabels, String(round.kind), currentLocale.value)}): ${date(round.startsAt)} – ${date(round.endsAt)}`;
}

function sideLines(field: string, value: Json): string[] {
  if (field === 'rounds') return Array.isArray(value) ? value.map(roundLine) : [String(value)];
  if (!isObject(value)) return [String(value)];
  const items = Array.isArray(value.items) ? value.items.filter(isObject).map((i) => text(i.label)) : [];
  return [text(value.name), ...items];
}

/** The change in words when it is one of the consultation setup's fields; undefined otherwise. */
export function consultationChangeForLog(change: ConfigChange): ChangeInWords | undefined {
  if (!Object.hasOwn(fieldLabels, change.field)) return undefined;
  const before = change.before === undefined ? undefined : sideLines(change.field, change.before);
  const after = change.after === undefined ? undefined : sideLines(change.field, change.after);
  const mark = (side: string[] | undefined, other: string[] | undefined): ChangeLine[] | undefined =>
    side?.map((t) => ({ text: t, changed: other !== undefined && !other.includes(t) }));
  return { field: change.field, label: labelOf(fieldLabels, change.field, currentLocale.value), before: mark(before, after), after: mark(after, before) };
}
