import { describe, expect, it } from 'vitest';
import { answerProblems, cleanAnswers, definitionProblems, structureChanged, type RuleSurvey } from '#shared/rules/survey';

const survey = (): RuleSurvey & { sections: { id: string; title?: string; questions: any[] }[] } => ({
  sections: [
    {
      id: 'om-ai',
      questions: [
        { id: 'tillid', kind: 'likert', required: true },
        { id: 'brug', kind: 'multiple', options: [{ id: 'chat' }, { id: 'billeder' }, { id: 'andet' }], maxChoices: 2 },
        { id: 'kanal', kind: 'single', options: [{ id: 'ja' }, { id: 'nej' }] },
        { id: 'score', kind: 'scale' },
        { id: 'hvorfor', kind: 'short-text', maxLength: 10 },
        { id: 'alder', kind: 'single', demographic: 'age-band', options: [{ id: 'u30' }, { id: 'o30' }] },
      ],
    },
  ],
});

describe('definitionProblems', () => {
  it('accepts unique ids and refuses an id used twice anywhere in the survey', () => {
    expect(definitionProblems(survey())).toEqual([]);
    const twice = survey();
    twice.sections.push({ id: 'tillid', questions: [{ id: 'x', kind: 'likert' }] });
    expect(definitionProblems(twice)).toEqual([{ path: 'sections.1.id', message: expect.stringContaining("'tillid'") }]);
  });

  it('refuses an option twice, more choices than options and a required background question', () => {
    const s = survey();
    s.sections[0]!.questions[1] = { id: 'brug', kind: 'multiple', options: [{ id: 'a' }, { id: 'a' }], maxChoices: 3 };
    s.sections[0]!.questions[5].required = true;
    expect(definitionProblems(s).map((p) => p.path)).toEqual(['sections.0.questions.1.options.1.id', 'sections.0.questions.1.maxChoices', 'sections.0.questions.5.required']);
  });
});

describe('structureChanged', () => {
  it('ignores texts and sees ids, kinds, options, limits and required', () => {
    const a = survey();
    const texts = survey();
    (texts.sections[0] as { title?: string }).title = 'Ny titel';
    expect(structureChanged(a, texts)).toBe(false);
    const changes: ((s: ReturnType<typeof survey>) => void)[] = [
      (s) => (s.sections[0]!.questions[0].id = 'tillid2'),
      (s) => (s.sections[0]!.questions[0].kind = 'scale'),
      (s) => s.sections[0]!.questions[2].options.push({ id: 'maaske' }),
      (s) => (s.sections[0]!.questions[1].maxChoices = 3),
      (s) => (s.sections[0]!.questions[4].maxLength = 20),
      (s) => (s.sections[0]!.questions[0].required = false),
      (s) => (s.sections[0]!.questions[5].demographic = 'district'),
    ];
    for (const change of changes) {
      const b = survey();
      change(b);
      expect(structureChanged(a, b)).toBe(true);
    }
  });
});

describe('answerProblems', () => {
  it('accepts a fitting answer, with empty values as not answered', () => {
    expect(answerProblems(survey(), { tillid: 4, brug: ['chat', 'andet'], kanal: 'ja', score: 0, hvorfor: 'fordi', alder: '' })).toEqual([]);
  });

  it('names each problem at its question, in Danish', () => {
    const problems = answerProblems(survey(), { ukendt: 'x', brug: ['chat', 'billeder', 'andet'], kanal: 'måske', score: 11, hvorfor: 'for lang tekst her', tillid: '   ' });
    expect(Object.fromEntries(problems.map((p) => [p.path, p.message]))).toEqual({
      'answers.ukendt': 'Spørgeskemaet har ikke dette spørgsmål',
      'answers.brug': 'Vælg højst 2',
      'answers.kanal': 'Vælg en af de viste svarmuligheder',
      'answers.score': 'Vælg et tal fra 0 til 10',
      'answers.hvorfor': 'Svaret må højst være 10 tegn',
      'answers.tillid': 'Besvar dette spørgsmål',
    });
  });

  it('refuses an option not offered, the same option twice, a likert out of 1–5 and a non-integer', () => {
    const paths = (answers: Record<string, any>) => answerProblems(survey(), { tillid: 3, ...answers }).map((p) => p.path);
    expect(paths({ brug: ['chat', 'video'] })).toEqual(['answers.brug']);
    expect(paths({ brug: ['chat', 'chat'] })).toEqual(['answers.brug']);
    expect(paths({ tillid: 6 })).toEqual(['answers.tillid']);
    expect(paths({ score: 2.5 })).toEqual(['answers.score']);
    expect(paths({ hvorfor: 5 })).toEqual(['answers.hvorfor']);
  });

  it('cleanAnswers drops empty values and trims texts', () => {
    expect(cleanAnswers({ a: '  hej ', b: '', c: [], d: 0 })).toEqual({ a: 'hej', d: 0 });
  });
});
