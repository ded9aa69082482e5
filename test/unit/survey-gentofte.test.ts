import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definitionProblems, demographicKinds } from '#shared/rules/survey';
import { surveyDefinitionSchema } from '#shared/schemas/survey';

/** The Gentofte attitude survey the process ships with (processes/ai-i-gentofte.survey.json). */
const raw: unknown = JSON.parse(readFileSync(resolve('processes/ai-i-gentofte.survey.json'), 'utf8'));
const survey = surveyDefinitionSchema.parse(raw);
const questions = survey.sections.flatMap((s) => s.questions);

/** Every bilingual text of the survey, wherever it stands. */
function texts(value: unknown, out: { da?: string; en?: string }[] = []) {
  if (Array.isArray(value)) value.forEach((v) => texts(v, out));
  else if (value && typeof value === 'object') {
    if ('da' in value) out.push(value as { da?: string; en?: string });
    else Object.values(value).forEach((v) => texts(v, out));
  }
  return out;
}

describe('processes/ai-i-gentofte.survey.json', () => {
  it('is a valid survey definition, kept as the schema would save it, that the builder would save', () => {
    expect(surveyDefinitionSchema.parse(raw)).toEqual(raw);
    // Section and question ids share one namespace.
    expect(definitionProblems(survey)).toEqual([]);
  });

  it('asks 8–15 questions with unique ids, in Danish and English throughout', () => {
    expect(questions.length).toBeGreaterThanOrEqual(8);
    expect(questions.length).toBeLessThanOrEqual(15);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    expect(new Set(survey.sections.map((s) => s.id)).size).toBe(survey.sections.length);
    const all = texts(raw);
    expect(all.length).toBeGreaterThan(50);
    for (const t of all) expect(t.en, `English for "${t.da}"`).toBeTruthy();
  });

  it('covers trust, welcome and unwelcome areas, concerns and the wish for human contact', () => {
    const kinds = new Set(questions.map((q) => q.kind));
    expect(kinds).toEqual(new Set(['single', 'multiple', 'likert', 'scale', 'long-text']));
    const ids = questions.map((q) => q.id);
    expect(ids).toEqual(expect.arrayContaining(['tillid', 'velkommen', 'ikke-velkommen', 'bekymringer', 'menneskelig-kontakt']));
    const concerns = questions.find((q) => q.id === 'bekymringer');
    expect(concerns?.kind === 'multiple' && concerns.options.map((o) => o.id)).toEqual(
      expect.arrayContaining(['privatliv', 'fejl', 'job', 'digitalt-udfordrede']),
    );
  });

  it('asks each background question once, optional and saying why it is asked, with the real districts', () => {
    const background = questions.filter((q) => q.demographic);
    expect(background.map((q) => q.demographic).sort()).toEqual([...demographicKinds].sort());
    for (const q of background) {
      expect(q.required).toBe(false);
      expect(q.help?.da).toMatch(/Vi spørger/);
    }
    const district = background.find((q) => q.demographic === 'district');
    expect(district?.kind === 'single' && district.options.map((o) => o.label.da)).toEqual(
      expect.arrayContaining(['Gentofte', 'Hellerup', 'Charlottenlund', 'Ordrup', 'Vangede', 'Dyssegård', 'Jægersborg', 'Klampenborg']),
    );
  });

  it('lets people answer anonymously and asks them not to name anyone in free text', () => {
    expect(survey.anonymous).toBe(true);
    for (const q of questions.filter((q) => q.kind === 'long-text')) expect(q.help?.da).toMatch(/navne/);
  });
});
