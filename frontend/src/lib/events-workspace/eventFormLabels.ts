import { te, type EventsKey } from './i18n';

/**
 * Where a problem at a schema path shows in the event form: its field's element id (for the error
 * summary's link) and its label. A problem with a whole text (a missing Danish title) or the place as
 * a whole (neither place nor link) shows at its first field.
 */
const firstField: Record<string, string> = { title: 'title.da', description: 'description.da', accessNote: 'accessNote.da', place: 'place.address' };
const fieldOf = (path: string) => firstField[path] ?? path;

export const eventFieldId = (path: string): string => `ev-${fieldOf(path).replace(/\./g, '-')}`;

export function eventFieldLabel(path: string): string {
  const key = `form.fields.${path.replace(/\./g, '-')}` as EventsKey;
  const label = te(key);
  return label === `wsEvents.${key}` ? path : label;
}
