import { tc, type ConsultationKey } from './consultationWorkspaceI18n';

/**
 * Where a setup error is, for the error summary: the field's element id (a text's Danish field when
 * the error is on the text as a whole) and its name in words, "Runde 2, Titel (dansk)".
 */
const texts = new Set(['name', 'label', 'description', 'title']);

export function setupFieldId(path: string): string {
  const parts = path.split('.');
  const last = parts[parts.length - 1]!;
  return `cs-${parts.join('-')}${texts.has(last) ? '-da' : ''}`;
}

const words: Record<string, ConsultationKey> = {
  name: 'setup.listName',
  id: 'setup.itemId',
  label: 'setup.label',
  description: 'setup.description',
  title: 'setup.roundTitle',
  startsAt: 'setup.startsAt',
  endsAt: 'setup.endsAt',
  kind: 'setup.kind',
};

export function setupFieldLabel(path: string): string {
  const parts = path.split('.');
  const out: string[] = [];
  let lang = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const n = Number(parts[i + 1]);
    if (part === 'rounds' && Number.isInteger(n)) (out.push(tc('setup.round', { n: n + 1 })), i++);
    else if (part === 'items' && Number.isInteger(n)) (out.push(tc('setup.item', { n: n + 1 })), i++);
    else if (part === 'references' && parts.length === 1) out.push(tc('setup.references'));
    else if (part === 'rounds') out.push(tc('setup.rounds'));
    else if (part === 'da' || part === 'en') lang = tc(`lang.${part}`);
    else if (words[part]) out.push(tc(words[part]));
  }
  if (parts[0] === 'rounds' && parts[2] === 'description') out.splice(-1, 1, tc('setup.roundDescription'));
  return `${out.join(', ')}${lang ? ` (${lang})` : ''}`;
}
