import type * as z from 'zod';
import { tp } from '../composables/plain/usePlainI18n';
import { issueMessage } from './issueMessage';
import { tw, type WorkspaceKey } from './workspaceI18n';

/**
 * The process form's fields by their path in the definition (`phases.2.startsAt`, `title.en`): the
 * id of the field's input, its name in the error summary, and an issue of the shared schema in the
 * reader's language. The API's field errors carry the same paths (`body.phases.2.startsAt`).
 */
export const fieldId = (path: string): string => `pf-${path.replace(/\./g, '-')}`;

const listItems: Record<string, { item: WorkspaceKey; fields: Record<string, WorkspaceKey> }> = {
  'charter.members': { item: 'processes.form.member', fields: { name: 'processes.form.memberName', role: 'processes.form.memberRole' } },
  'charter.meetings': { item: 'processes.form.meeting', fields: { at: 'processes.form.meetingAt', title: 'processes.form.meetingTitle' } },
  phases: {
    item: 'processes.form.phase',
    fields: { kind: 'processes.form.kind', title: 'processes.form.title', startsAt: 'processes.form.startsAt', endsAt: 'processes.form.endsAt' },
  },
  areas: { item: 'processes.form.area', fields: { name: 'processes.form.name', id: 'processes.form.name' } },
  effects: { item: 'processes.form.effect', fields: { name: 'processes.form.name', id: 'processes.form.name' } },
};
const names: Record<string, WorkspaceKey> = {
  id: 'processes.form.id',
  title: 'processes.form.title',
  summary: 'processes.form.summary',
  description: 'processes.form.description',
  charter: 'processes.form.charter',
  settings: 'processes.form.rules',
  'charter.tasks': 'processes.form.tasks',
  'charter.outcome': 'processes.form.outcome',
  'charter.members': 'processes.form.members',
  'charter.meetings': 'processes.form.meetings',
  phases: 'processes.form.phases',
  areas: 'processes.form.areas',
  effects: 'processes.form.effects',
  'settings.moderation': 'processes.form.moderation',
  'settings.flagThreshold': 'processes.form.flagThreshold',
  'settings.votesPerPerson': 'processes.form.votesPerPerson',
  'settings.personalDataUntil': 'processes.form.personalDataUntil',
  'settings.followUp.queueAlertHours': 'processes.form.queueAlertHours',
  'settings.followUp.remindDaysBefore': 'processes.form.remindDaysBefore',
  'settings.limits.votesPerMinute': 'processes.form.votesPerMinute',
  'settings.limits.commentsPerMinute': 'processes.form.commentsPerMinute',
  'settings.limits.ideasPerHour': 'processes.form.ideasPerHour',
  'settings.limits.flagsPerHour': 'processes.form.flagsPerHour',
};

/** A field's name in the error summary: "Fase 2: Starter", "Titel (engelsk)", "Medlem 1: Rolle (dansk)". */
export function fieldLabel(path: string): string {
  const language = /\.(da|en)$/.exec(path)?.[1];
  const bare = language ? path.slice(0, -3) : path;
  const item = /^(charter\.members|charter\.meetings|phases|areas|effects)\.(\d+)(?:\.(\w+))?$/.exec(bare);
  let text = bare;
  if (item) {
    const list = listItems[item[1]!]!;
    const head = tw(list.item, { n: Number(item[2]) + 1 });
    const field = item[3] ? list.fields[item[3]] : undefined;
    text = field ? `${head}: ${tw(field)}` : head;
  } else if (Object.hasOwn(names, bare)) {
    text = tw(names[bare]!);
  } else if (bare === 'plainIntro') {
    text = tp('intro.heading');
  }
  if (!language) return text;
  return `${text} (${tw(language === 'da' ? 'processes.form.inDanish' : 'processes.form.inEnglish')})`;
}

/** The shared phase and retention rules' messages (shared/rules/phases.ts) in the reader's language; an unknown one stays as the server wrote it. */
const phaseMessages: Record<string, WorkspaceKey> = {
  'Ukendt fasetype': 'processes.errors.phaseKind',
  'Slutdatoen skal ligge efter startdatoen': 'processes.errors.phaseEnd',
  'Kun den sidste fase kan være uden slutdato': 'processes.errors.phaseOpenEnd',
  'Faserne skal stå i rækkefølge efter startdato': 'processes.errors.phaseOrder',
  'Overlapper en anden fase af samme type': 'processes.errors.phaseOverlap',
  'Opbevaringsfristen skal ligge efter den sidste fase, hvor man kan deltage': 'processes.errors.retention',
};
export const phaseProblemText = (message: string): string => (Object.hasOwn(phaseMessages, message) ? tw(phaseMessages[message]!) : message);

/** An issue of the definition's schema as the form words it; the limits come from the issue, never from here. */
export function processIssueMessage(issue: z.core.$ZodIssue): string {
  const origin = 'origin' in issue ? issue.origin : undefined;
  // Nothing typed at all (the issue carries the input when parsed with `reportInput`).
  if (issue.input === '' || (issue.code === 'invalid_type' && issue.input === undefined)) return tw('processes.errors.required');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return tw('processes.errors.wholeNumber');
      break;
    case 'too_small':
      if (origin === 'number') return tw('processes.errors.atLeast', { n: Number(issue.minimum) });
      if (origin === 'array') return tw('processes.errors.addAtLeast', { n: Number(issue.minimum) });
      break;
    case 'too_big':
      if (origin === 'number') return tw('processes.errors.atMost', { n: Number(issue.maximum) });
      if (origin === 'array') return tw('processes.errors.atMostItems', { n: Number(issue.maximum) });
      break;
    case 'invalid_format':
      if (issue.format === 'datetime') return tw(String(issue.path.at(-1)) === 'personalDataUntil' ? 'processes.errors.date' : 'processes.errors.dateTime');
      if (issue.format === 'regex') return tw('processes.errors.slug');
      break;
    case 'custom':
      return phaseProblemText(issue.message);
  }
  return issueMessage(issue);
}
