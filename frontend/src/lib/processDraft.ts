import type { PhaseKind } from '#shared/rules/phases';
import { DEFAULT_QUEUE_ALERT_HOURS, DEFAULT_REMIND_DAYS_BEFORE } from '#shared/rules/follow';
import type { Process, ProcessDefinition, RateLimits } from '#shared/schemas/process';
import { instantOf, toCopenhagenInput } from './copenhagenInput';
import { slugify, uniqueSlug } from './slug';

/**
 * The process form's state: a process definition as the form's fields hold it (text for every
 * input, Danish wall time for dates, a key per list item for Vue), and the way back to the
 * definition the API takes. The shared schema checks the result; nothing here decides validity.
 */
export interface LocalizedDraft {
  da: string;
  en: string;
}
export interface PhaseDraft {
  key: number;
  kind: PhaseKind;
  title: LocalizedDraft;
  startsAt: string;
  endsAt: string;
  /** The instants the phase was loaded with: kept while the fields still show them. */
  loaded?: { startsAt: string; endsAt?: string | undefined };
}
/** An area or an expected effect. A new one gets its id from its Danish name when sent; a saved one keeps its id. */
export interface NamedDraft {
  key: number;
  id: string;
  isNew: boolean;
  name: LocalizedDraft;
  retired: boolean;
  /** A saved one the admin removed: left out when sent, and can be brought back until then. */
  removed?: boolean;
}
export interface MemberDraft {
  key: number;
  name: string;
  role: LocalizedDraft;
}
export interface MeetingDraft {
  key: number;
  at: string;
  loadedAt?: string;
  title: LocalizedDraft;
}
export type LimitKey = keyof RateLimits;
export const limitKeys: readonly LimitKey[] = ['votesPerMinute', 'commentsPerMinute', 'ideasPerHour', 'flagsPerHour'];
export interface SettingsDraft {
  moderation: 'pre' | 'post';
  flagThreshold: string;
  limits: Record<LimitKey, string>;
  votes: 'unlimited' | 'limited';
  votesPerPerson: string;
  /** A day: personal data is erased from the start of it (Danish time). */
  personalDataUntil: string;
  loadedPersonalDataUntil?: string;
  /** Staff mails (issue 16): hours the queue may wait, days before a deadline; empty is the default. */
  queueAlertHours: string;
  remindDaysBefore: string;
}
export interface ProcessDraft {
  id: string;
  title: LocalizedDraft;
  summary: LocalizedDraft;
  description: LocalizedDraft;
  /** The "letlæst" introduction: optional; both languages empty is none. */
  plainIntro: LocalizedDraft;
  charter: { tasks: LocalizedDraft; outcome: LocalizedDraft; members: MemberDraft[]; meetings: MeetingDraft[] };
  phases: PhaseDraft[];
  areas: NamedDraft[];
  effects: NamedDraft[];
  settings: SettingsDraft;
}
/** The top-level fields an update may replace. */
export const definitionFields = ['title', 'summary', 'description', 'plainIntro', 'charter', 'phases', 'areas', 'effects', 'settings'] as const;
export type DefinitionField = (typeof definitionFields)[number];

let nextKey = 0;
export const newKey = () => ++nextKey;

const localizedDraft = (l: { da: string; en?: string | undefined } | undefined): LocalizedDraft => ({ da: l?.da ?? '', en: l?.en ?? '' });
export const emptyLocalized = (): LocalizedDraft => ({ da: '', en: '' });
/** English is optional: an empty English field is left out (the app then shows the Danish). */
const localizedOf = (l: LocalizedDraft) => ({ da: l.da, ...(l.en.trim() ? { en: l.en } : {}) });

export const newPhase = (kind: PhaseKind = 'ideas'): PhaseDraft => ({ key: newKey(), kind, title: emptyLocalized(), startsAt: '', endsAt: '' });
export const newNamed = (): NamedDraft => ({ key: newKey(), id: '', isNew: true, name: emptyLocalized(), retired: false });
export const newMember = (): MemberDraft => ({ key: newKey(), name: '', role: emptyLocalized() });
export const newMeeting = (): MeetingDraft => ({ key: newKey(), at: '', title: emptyLocalized() });

type DefinitionLike = Omit<ProcessDefinition, 'id'> & { id?: string };

/** A saved process (or definition) as the form shows it. */
export function toDraft(p: DefinitionLike | Process): ProcessDraft {
  const s = p.settings;
  return {
    id: p.id ?? '',
    title: localizedDraft(p.title),
    summary: localizedDraft(p.summary),
    description: localizedDraft(p.description),
    plainIntro: localizedDraft(p.plainIntro),
    charter: {
      tasks: localizedDraft(p.charter.tasks),
      outcome: localizedDraft(p.charter.outcome),
      members: p.charter.members.map((m) => ({ key: newKey(), name: m.name, role: localizedDraft(m.role) })),
      meetings: p.charter.meetings.map((m) => ({ key: newKey(), at: toCopenhagenInput(m.at), loadedAt: m.at, title: localizedDraft(m.title) })),
    },
    phases: p.phases.map((ph) => ({
      key: newKey(),
      kind: ph.kind,
      title: localizedDraft(ph.title),
      startsAt: toCopenhagenInput(ph.startsAt),
      endsAt: toCopenhagenInput(ph.endsAt),
      loaded: { startsAt: ph.startsAt, endsAt: ph.endsAt },
    })),
    areas: p.areas.map((a) => ({ key: newKey(), id: a.id, isNew: false, name: localizedDraft(a.name), retired: a.retired === true })),
    effects: p.effects.map((e) => ({ key: newKey(), id: e.id, isNew: false, name: localizedDraft(e.name), retired: e.retired === true })),
    settings: {
      moderation: s.moderation,
      flagThreshold: String(s.flagThreshold),
      limits: Object.fromEntries(limitKeys.map((k) => [k, String(s.limits[k])])) as Record<LimitKey, string>,
      votes: s.votesPerPerson === null || s.votesPerPerson === undefined ? 'unlimited' : 'limited',
      votesPerPerson: s.votesPerPerson ? String(s.votesPerPerson) : '',
      personalDataUntil: toCopenhagenInput(s.personalDataUntil, true),
      loadedPersonalDataUntil: s.personalDataUntil,
      queueAlertHours: s.followUp ? String(s.followUp.queueAlertHours) : '',
      remindDaysBefore: s.followUp ? String(s.followUp.remindDaysBefore) : '',
    },
  };
}

/** A new process: no texts yet, one phase for ideas, the rate limits the platform uses by default. */
export function emptyDraft(limits: RateLimits): ProcessDraft {
  return {
    id: '',
    title: emptyLocalized(),
    summary: emptyLocalized(),
    description: emptyLocalized(),
    plainIntro: emptyLocalized(),
    charter: { tasks: emptyLocalized(), outcome: emptyLocalized(), members: [], meetings: [] },
    phases: [newPhase('ideas')],
    areas: [newNamed()],
    effects: [newNamed()],
    settings: {
      moderation: 'post',
      flagThreshold: '3',
      limits: Object.fromEntries(limitKeys.map((k) => [k, String(limits[k])])) as Record<LimitKey, string>,
      votes: 'unlimited',
      votesPerPerson: '',
      personalDataUntil: '',
      queueAlertHours: '',
      remindDaysBefore: '',
    },
  };
}

/** A whole number as a number; anything else as typed, for the schema to refuse ("Skriv et helt tal"). */
const numberOf = (text: string): number | string => (/^\s*\d{1,9}\s*$/.test(text) ? Number(text) : text);

/** Both staff-mail fields empty: none (the defaults of rules/follow.ts); one empty: its default. */
function followUpOf(s: SettingsDraft) {
  const hours = s.queueAlertHours.trim();
  const days = s.remindDaysBefore.trim();
  if (!hours && !days) return {};
  return { followUp: { queueAlertHours: hours ? numberOf(hours) : DEFAULT_QUEUE_ALERT_HOURS, remindDaysBefore: days ? numberOf(days) : DEFAULT_REMIND_DAYS_BEFORE } };
}

/** The items that will be sent, in order (their index is the one the API's errors name). */
export const keptItems = (list: NamedDraft[]): NamedDraft[] => list.filter((n) => !n.removed);

/** New items get their id from their Danish name, unique in the list; saved items keep theirs. */
function namedList(list: NamedDraft[]) {
  const taken = new Set(list.filter((n) => !n.isNew).map((n) => n.id));
  return keptItems(list).map((n) => {
    const id = n.isNew ? uniqueSlug(slugify(n.name.da), taken) : n.id;
    taken.add(id);
    return { id, name: localizedOf(n.name), ...(n.retired ? { retired: true } : {}) };
  });
}

/** The id a new area or effect will get, as the form shows it. */
export const idsOf = (list: NamedDraft[]): string[] => namedList(list).map((n) => n.id);

/** The definition the form stands for (the schema's input: it may be invalid). */
export function fromDraft(d: ProcessDraft): Record<string, unknown> & Record<DefinitionField, unknown> {
  const s = d.settings;
  return {
    id: d.id.trim(),
    title: localizedOf(d.title),
    summary: localizedOf(d.summary),
    description: localizedOf(d.description),
    // Left empty, there is none (an edit then sends null to remove it: see updateOf in useProcessForm).
    plainIntro: d.plainIntro.da.trim() || d.plainIntro.en.trim() ? localizedOf(d.plainIntro) : undefined,
    charter: {
      tasks: localizedOf(d.charter.tasks),
      members: d.charter.members.map((m) => ({ name: m.name, role: localizedOf(m.role) })),
      meetings: d.charter.meetings.map((m) => ({ at: instantOf(m.at, m.loadedAt), title: localizedOf(m.title) })),
      outcome: localizedOf(d.charter.outcome),
    },
    phases: d.phases.map(phaseOf),
    areas: namedList(d.areas),
    effects: namedList(d.effects),
    settings: {
      moderation: s.moderation,
      flagThreshold: numberOf(s.flagThreshold),
      limits: Object.fromEntries(limitKeys.map((k) => [k, numberOf(s.limits[k])])),
      votesPerPerson: s.votes === 'unlimited' ? null : numberOf(s.votesPerPerson),
      personalDataUntil: instantOf(s.personalDataUntil, s.loadedPersonalDataUntil, true),
      ...followUpOf(s),
    },
  };
}

/** A phase as the API and the phase rules read it; an empty end is no end. */
export function phaseOf(p: PhaseDraft) {
  const endsAt = p.endsAt.trim() ? instantOf(p.endsAt, p.loaded?.endsAt) : undefined;
  return { kind: p.kind, title: localizedOf(p.title), startsAt: instantOf(p.startsAt, p.loaded?.startsAt), ...(endsAt ? { endsAt } : {}) };
}

/** JSON with object keys in order, so two equal values compare equal however their keys were written. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The top-level fields where two drafts differ: what an update sends (and the audit log records). */
export function changedFields(before: ProcessDraft, after: ProcessDraft): DefinitionField[] {
  const a = fromDraft(before);
  const b = fromDraft(after);
  return definitionFields.filter((f) => canonical(a[f]) !== canonical(b[f]));
}
