import type { QuestionKind } from '#shared/rules/survey';
import type { Survey, SurveyDefinition, SurveyQuestion } from '#shared/schemas/survey';

/**
 * The survey builder's draft: the definition with every text as a Danish and an English string (an
 * empty English text is left out when saved), and ids made by the builder (people never type them).
 * Turned back into the definition the API takes by `fromDraft`; the shared schema checks it.
 */
export interface TextDraft {
  da: string;
  en: string;
}
export interface OptionDraft {
  id: string;
  label: TextDraft;
}
export interface QuestionDraft {
  id: string;
  kind: QuestionKind;
  text: TextDraft;
  help: TextDraft;
  required: boolean;
  demographic: '' | NonNullable<SurveyQuestion['demographic']>;
  options: OptionDraft[];
  maxChoices: number;
  lowLabel: TextDraft;
  highLabel: TextDraft;
  maxLength: number;
}
export interface SectionDraft {
  id: string;
  title: TextDraft;
  intro: TextDraft;
  questions: QuestionDraft[];
}
export interface SurveyDraft {
  title: TextDraft;
  intro: TextDraft;
  anonymous: boolean;
  sections: SectionDraft[];
}

const blank = (): TextDraft => ({ da: '', en: '' });
const textOf = (t: { da: string; en?: string } | undefined): TextDraft => ({ da: t?.da ?? '', en: t?.en ?? '' });
const out = (t: TextDraft) => (t.en.trim() ? { da: t.da, en: t.en } : { da: t.da });
const optionalOut = (t: TextDraft) => (t.da.trim() || t.en.trim() ? out(t) : undefined);

/** A fresh id no other item in `taken` has: ids only need to be unique and slugs. */
export function newId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

export const SHORT_DEFAULT = 200;
export const LONG_DEFAULT = 1000;

export function newQuestion(kind: QuestionKind, taken: Iterable<string>): QuestionDraft {
  return {
    id: newId('spm', taken),
    kind,
    text: blank(),
    help: blank(),
    required: false,
    demographic: '',
    options: kind === 'single' || kind === 'multiple' ? [{ id: 'svar-1', label: blank() }, { id: 'svar-2', label: blank() }] : [],
    maxChoices: 2,
    lowLabel: blank(),
    highLabel: blank(),
    maxLength: kind === 'short-text' ? SHORT_DEFAULT : LONG_DEFAULT,
  };
}

export const newSection = (taken: Iterable<string>): SectionDraft => ({ id: newId('afsnit', taken), title: blank(), intro: blank(), questions: [] });

export const emptyDraft = (): SurveyDraft => ({ title: blank(), intro: blank(), anonymous: false, sections: [newSection([])] });

export function toDraft(survey: Survey | SurveyDefinition): SurveyDraft {
  return {
    title: textOf(survey.title),
    intro: textOf(survey.intro),
    anonymous: survey.anonymous,
    sections: survey.sections.map((s) => ({
      id: s.id,
      title: textOf(s.title),
      intro: textOf(s.intro),
      questions: s.questions.map((q) => {
        const draft = newQuestion(q.kind, []);
        return {
          ...draft,
          id: q.id,
          text: textOf(q.text),
          help: textOf(q.help),
          required: q.required,
          demographic: q.demographic ?? '',
          ...('options' in q ? { options: q.options.map((o) => ({ id: o.id, label: textOf(o.label) })) } : {}),
          ...('maxChoices' in q ? { maxChoices: q.maxChoices } : {}),
          ...('lowLabel' in q ? { lowLabel: textOf(q.lowLabel), highLabel: textOf(q.highLabel) } : {}),
          ...('maxLength' in q ? { maxLength: q.maxLength } : {}),
        };
      }),
    })),
  };
}

function questionOut(q: QuestionDraft): Record<string, unknown> {
  const help = optionalOut(q.help);
  // A background question is always optional to answer (the schema's rule too).
  const base = { id: q.id, kind: q.kind, text: out(q.text), ...(help ? { help } : {}), required: q.demographic ? false : q.required, ...(q.demographic ? { demographic: q.demographic } : {}) };
  switch (q.kind) {
    case 'single':
      return { ...base, options: q.options.map((o) => ({ id: o.id, label: out(o.label) })) };
    case 'multiple':
      return { ...base, options: q.options.map((o) => ({ id: o.id, label: out(o.label) })), maxChoices: q.maxChoices };
    case 'likert':
    case 'scale':
      return { ...base, lowLabel: out(q.lowLabel), highLabel: out(q.highLabel) };
    default:
      return { ...base, maxLength: q.maxLength };
  }
}

/** The definition to check and send (unchecked: the shared schema decides). */
export function fromDraft(d: SurveyDraft): Record<string, unknown> {
  return {
    title: out(d.title),
    intro: out(d.intro),
    anonymous: d.anonymous,
    sections: d.sections.map((s) => {
      const intro = optionalOut(s.intro);
      return { id: s.id, title: out(s.title), ...(intro ? { intro } : {}), questions: s.questions.map(questionOut) };
    }),
  };
}

/** Moves the item at `index` one place up (-1) or down (+1); nothing at the ends. */
export function move<T>(list: T[], index: number, by: -1 | 1): boolean {
  const to = index + by;
  if (to < 0 || to >= list.length) return false;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item!);
  return true;
}

/** A field's element id from its path in the definition (`sections.0.title.da` → `sb-sections-0-title-da`). */
export const fieldId = (path: string) => `sb-${path.replace(/\./g, '-')}`;
