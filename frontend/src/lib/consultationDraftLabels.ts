import { tc } from './consultationWorkspaceI18n';

/**
 * Where a draft error is, for the error summary: the field's element id (a text's Danish field when
 * the error is on the text as a whole) and its name in words, "§ 4, Tekst (dansk)".
 */
export function draftFieldId(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'blocks' && parts.length >= 2) {
    const lang = parts[3] === 'en' ? 'en' : 'da';
    return parts.length === 2 ? `de-blocks-${parts[1]}-text-da` : `de-blocks-${parts[1]}-text-${lang}`;
  }
  if (parts[0] === 'blocks') return 'de-add-paragraph';
  return `de-${parts[0]}-${parts[1] === 'en' ? 'en' : 'da'}`;
}

export function draftFieldLabel(path: string, names: readonly string[]): string {
  const parts = path.split('.');
  const lang = parts.at(-1) === 'en' ? ` (${tc('lang.en')})` : parts.at(-1) === 'da' ? ` (${tc('lang.da')})` : '';
  if (parts[0] === 'title') return tc('editor.title') + lang;
  if (parts[0] === 'summary') return tc('editor.summary') + lang;
  const block = names[Number(parts[1])];
  if (parts[0] === 'blocks' && block) return `${block}, ${tc('editor.text')}${lang}`;
  return tc('editor.blocks');
}
