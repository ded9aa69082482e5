import { ta, type AssistedKey } from '../../../composables/workspace/assisted/i18n';

/** The label of a field by its path, for the error summary; `idea.title` and `title` alike. */
const labels: Record<string, AssistedKey> = {
  name: 'person.name',
  email: 'person.email',
  phone: 'person.phone',
  participantType: 'person.type',
  channel: 'person.channel',
  consent: 'consent.heading',
  title: 'idea.title',
  body: 'idea.body',
  plainSummary: 'idea.plainSummary',
  area: 'idea.area',
  effects: 'idea.effects',
  beneficiaries: 'idea.beneficiaries',
  concerns: 'idea.concerns',
  ideaId: 'comment.idea',
};

export function summaryOf(entries: [string, string][], prefix: string, bodyKey: AssistedKey = 'idea.body') {
  return entries.map(([path, message]) => {
    const field = path.split('.')[0]!;
    const key = field === 'body' ? bodyKey : labels[field];
    return { field: `${prefix}-${field}`, label: key ? ta(key) : field, message };
  });
}
