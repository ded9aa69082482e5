import type { ConfigChange } from '#shared/schemas/process';
import { d, localized } from '../modules/i18n';
import { consultationChangeForLog } from './consultationChangeLines';
import { changeInWords, type ChangeInWords, type ChangeLine } from './processChanges';
import { tw } from './workspaceI18n';

/**
 * A process's configuration change as the admins' audit log shows it: the public list's wording
 * (lib/processChanges.ts) for the rules, plus the fields only admins see changed there: the charter
 * in a few lines (its tasks, members and meetings) and long texts cut to their start, so one change
 * of a description does not fill the screen. The log keeps the whole value.
 */
const LONGEST = 240;
/** A long text up to its last whole word within the limit, then an ellipsis. */
function cut(text: string): string {
  if (text.length <= LONGEST) return text;
  const head = text.slice(0, LONGEST + 1);
  const space = head.lastIndexOf(' ');
  return `${(space > LONGEST / 2 ? head.slice(0, space) : head.slice(0, LONGEST)).trimEnd()} …`;
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: Json) => (isObject(v) && typeof v.da === 'string' ? localized({ da: v.da, en: typeof v.en === 'string' ? v.en : undefined }) : String(v ?? ''));
const list = (v: Json) => (Array.isArray(v) ? v.filter(isObject) : []);

function charterLines(value: Json): string[] | undefined {
  if (!isObject(value)) return undefined;
  const members = list(value.members).map((m) => `${text(m.name)} (${text(m.role)})`);
  const meetings = list(value.meetings).map((m) => `${typeof m.at === 'string' ? d(m.at, 'short') : ''} ${text(m.title)}`.trim());
  return [
    `${tw('history.charterTasks')}: ${text(value.tasks)}`,
    `${tw('history.charterMembers')}: ${members.join(', ') || '–'}`,
    `${tw('history.charterMeetings')}: ${meetings.join(', ') || '–'}`,
    `${tw('history.charterOutcome')}: ${text(value.outcome)}`,
  ];
}

const lines = (texts: string[] | undefined, other: string[] | undefined): ChangeLine[] | undefined =>
  texts?.map((t) => ({ text: cut(t), changed: other !== undefined && !other.includes(t) }));

export function changeForLog(change: ConfigChange): ChangeInWords {
  const consultation = consultationChangeForLog(change);
  if (consultation) return consultation;
  const words = changeInWords(change);
  if (change.field === 'charter') {
    const before = change.before === undefined ? undefined : charterLines(change.before);
    const after = change.after === undefined ? undefined : charterLines(change.after);
    if ((before || change.before === undefined) && (after || change.after === undefined)) {
      return { ...words, before: lines(before, after), after: lines(after, before) };
    }
  }
  const shorten = (side: ChangeLine[] | undefined) => side?.map((l) => ({ ...l, text: cut(l.text) }));
  return { ...words, before: shorten(words.before), after: shorten(words.after) };
}
