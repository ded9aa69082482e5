import { keptItems, limitKeys, type ProcessDraft } from '../../lib/processDraft';

/**
 * Where the process form can show an error: the paths (as the schema and the API name them) it has
 * a field or a list for. An error on a path without one (`settings.limits`, a removed area's
 * `areas.7`) goes to the nearest one above it, or to the form as a whole.
 */
export function formPaths(d: ProcessDraft, mode: 'create' | 'edit'): Set<string> {
  const paths = new Set<string>();
  const localized = (path: string) => {
    paths.add(`${path}.da`);
    paths.add(`${path}.en`);
  };
  if (mode === 'create') paths.add('id');
  ['title', 'summary', 'description', 'plainIntro', 'charter.tasks', 'charter.outcome'].forEach(localized);
  paths.add('charter.members');
  d.charter.members.forEach((_, i) => {
    paths.add(`charter.members.${i}.name`);
    localized(`charter.members.${i}.role`);
  });
  paths.add('charter.meetings');
  d.charter.meetings.forEach((_, i) => {
    paths.add(`charter.meetings.${i}.at`);
    localized(`charter.meetings.${i}.title`);
  });
  paths.add('phases');
  d.phases.forEach((_, i) => {
    for (const field of ['kind', 'startsAt', 'endsAt']) paths.add(`phases.${i}.${field}`);
    localized(`phases.${i}.title`);
  });
  for (const list of ['areas', 'effects'] as const) {
    paths.add(list);
    keptItems(d[list]).forEach((_, i) => localized(`${list}.${i}.name`));
  }
  for (const field of ['moderation', 'flagThreshold', 'votesPerPerson', 'personalDataUntil']) paths.add(`settings.${field}`);
  for (const key of limitKeys) paths.add(`settings.limits.${key}`);
  for (const field of ['queueAlertHours', 'remindDaysBefore']) paths.add(`settings.followUp.${field}`);
  return paths;
}

/** The path of the field that shows an error at `path` (`body.` and all), or undefined for the form as a whole. */
export function resolvePath(path: string, known: ReadonlySet<string>): string | undefined {
  let p = path.replace(/^body\./, '');
  // A new area's id is made from its Danish name: the name is where it can be fixed.
  p = p.replace(/^((?:areas|effects)\.\d+)\.id$/, '$1.name.da');
  while (p) {
    if (known.has(p)) return p;
    if (known.has(`${p}.da`)) return `${p}.da`;
    p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '';
  }
  return undefined;
}
