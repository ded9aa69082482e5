import type { LiveQuestionKind } from '#shared/rules/events';
import { te } from './i18n';

/**
 * Problems in the live-round builder by the form's own paths: a question's options and statements are
 * both its `items` in the form (`questions.0.options.1.label.da` → `questions.0.items.1.da`), so the
 * schema's and the API's paths are turned into the form's first. Then each path's element id
 * (`lr-questions-0-items-1-da`; a whole text at its Danish field) and its label in words
 * ("Spørgsmål 1, Svarmulighed 2").
 */
export const formPath = (path: string): string => path.replace(/\.(options|statements)\.(\d+)\.(label|text)/, '.items.$2');

const withLanguage = (path: string) => (/^(title|questions\.\d+\.(text|lowLabel|highLabel|items\.\d+))$/.test(path) ? `${path}.da` : path);

export const liveFieldId = (path: string): string => `lr-${withLanguage(path).replace(/\./g, '-')}`;

export function liveFieldLabel(path: string, kindOf: (index: number) => LiveQuestionKind | undefined): string {
  if (path.startsWith('title')) return te('live.roundTitle');
  const m = /^questions\.(\d+)(?:\.(\w+)(?:\.(\d+))?)?/.exec(path);
  if (!m) return te('live.questions');
  const index = Number(m[1]);
  const parts = [te('live.question', { n: index + 1 })];
  const field = m[2];
  const item = m[3] !== undefined ? Number(m[3]) + 1 : undefined;
  const single = kindOf(index) === 'single';
  if (field === 'text') parts.push(te('live.questionText'));
  else if (field === 'items' || field === 'options' || field === 'statements') {
    if (item) parts.push(single ? te('live.option', { n: item }) : te('live.statement', { n: item }));
    else parts.push(single ? te('live.options') : te('live.statements'));
  } else if (field === 'lowLabel') parts.push(te('live.lowLabel'));
  else if (field === 'highLabel') parts.push(te('live.highLabel'));
  else if (field === 'maxWords') parts.push(te('live.maxWords'));
  return parts.join(', ');
}
