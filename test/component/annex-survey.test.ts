import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SurveyDefinition, SurveyResults } from '#shared/schemas/survey';
import AnnexSurvey from '../../frontend/src/components/workspace/AnnexSurvey.vue';
import { keyResults } from '../../frontend/src/lib/annexSurvey';
import { setLocale } from '../../frontend/src/modules/i18n';
import { json, mountInApp, problem, stubApi, text } from './app';

/** The annex's "Borgernes holdning": the Gentofte survey's key results beside the top ideas. */
const definition = JSON.parse(readFileSync(resolve('processes/ai-i-gentofte.survey.json'), 'utf8')) as SurveyDefinition;
const survey = { ...definition, processId: 'ai-i-gentofte', createdAt: '2025-06-01T08:00:00.000Z', updatedAt: '2025-06-01T08:00:00.000Z' };

const results: SurveyResults = {
  processId: 'ai-i-gentofte',
  answerCount: 240,
  period: { from: '2025-06-02', to: '2025-06-29' },
  questions: [
    { questionId: 'tillid', kind: 'likert', answered: 200, mean: 3.46, distribution: [1, 2, 3, 4, 5].map((value) => ({ value, count: [20, 30, 40, 70, 40][value - 1]! })) },
    { questionId: 'holdning', kind: 'scale', answered: 230, mean: 6.25, distribution: [] },
    {
      questionId: 'bekymringer',
      kind: 'multiple',
      answered: 220,
      options: [
        { id: 'privatliv', count: 120, share: 120 / 220 },
        { id: 'fejl', count: 90, share: 90 / 220 },
        { id: 'job', count: 30, share: 30 / 220 },
        { id: 'digitalt-udfordrede', count: 90, share: 90 / 220 },
        { id: 'ingen', count: 0, share: 0 },
      ],
    },
    { questionId: 'alder', kind: 'single', answered: 150, options: [{ id: '30-49', count: 150, share: 1 }] },
    { questionId: 'hensyn', kind: 'long-text', answered: 40, texts: [{ id: 't1', text: 'Tænk på de ældre', state: 'approved' }] },
  ],
};

/** The section's own requests (the app's router reads the process list too). */
const surveyCalls = (calls: { url: URL }[]) => calls.map((c) => c.url.pathname).filter((p) => p.includes('survey'));

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('keyResults', () => {
  it('gives the share agreeing for a Likert question, the mean of a scale and the options chosen most often', () => {
    const rows = keyResults(definition, results);
    expect(rows.map((r) => r.id)).toEqual(['tillid', 'holdning', 'bekymringer']);
    expect(rows[0]).toMatchObject({ kind: 'likert', answered: 200, agreeShare: 110 / 200, mean: 3.46 });
    expect(rows[1]).toMatchObject({ kind: 'scale', mean: 6.25 });
    // A tie keeps the survey's order: "fejl" stands before "digitalt-udfordrede" in the survey.
    expect(rows[2]!.kind === 'options' && rows[2]!.top.map((o) => o.label.da)).toEqual([
      'Mine personoplysninger og privatliv',
      'At AI laver fejl i min sag',
      'At borgere, der ikke er digitale, bliver overset',
    ]);
  });

  it('leaves out background questions, free texts and questions without results', () => {
    const rows = keyResults(definition, { questions: results.questions.filter((q) => q.questionId !== 'holdning') });
    expect(rows.map((r) => r.id)).not.toContain('holdning');
    expect(rows.map((r) => r.id)).not.toContain('alder');
    expect(rows.map((r) => r.id)).not.toContain('hensyn');
  });
});

describe('AnnexSurvey', () => {
  it('shows the answer count, the period, what the survey can and cannot show, and the key results in Danish', async () => {
    const calls = stubApi((url) =>
      url.pathname.endsWith('/results') ? json(results) : url.pathname === '/api/processes/ai-i-gentofte/survey' ? json(survey) : problem(404, 'Ikke fundet'),
    );
    const { wrapper } = await mountInApp(AnnexSurvey, { props: { processId: 'ai-i-gentofte' } });

    expect(surveyCalls(calls)).toEqual(['/api/processes/ai-i-gentofte/survey', '/api/moderation/surveys/ai-i-gentofte/results']);
    const section = wrapper.find('[data-testid="annex-survey"]');
    expect(section.find('h2').text()).toBe('Borgernes holdning');
    const all = text(section.element);
    expect(section.findAll('dd').map((dd) => dd.text())).toEqual(['240', '2. juni 2025 – 29. juni 2025']);
    expect(all).toMatch(/2\. juni 2025 – 29\. juni 2025/);
    expect(all).toContain('har selv valgt at gøre det');
    expect(all).toContain('færre end 5 svar');
    const rows = section.findAll('tbody tr').map((tr) => [tr.find('th').text(), ...tr.findAll('td').map((td) => td.text().replace(/\u00a0/g, ' '))]);
    expect(rows).toEqual([
      ['Jeg har tillid til, at Gentofte Kommune bruger AI ansvarligt.', '200', '55 % enige eller helt enige (gennemsnit 3,5 på en skala fra 1 til 5)'],
      ['Hvor positiv eller negativ er du over for, at kommunen bruger mere AI i sit arbejde?', '230', 'Gennemsnit 6,3 på en skala fra 0 til 10'],
      [
        'Hvad bekymrer dig mest, når kommunen bruger AI? Vælg op til 3.',
        '220',
        'Oftest valgt: Mine personoplysninger og privatliv (55 %), At AI laver fejl i min sag (41 %), At borgere, der ikke er digitale, bliver overset (41 %)',
      ],
    ]);
  });

  it('speaks English in English', async () => {
    stubApi((url) => (url.pathname.endsWith('/results') ? json(results) : json(survey)));
    const { wrapper } = await mountInApp(AnnexSurvey, { props: { processId: 'ai-i-gentofte' } });
    await setLocale('en', false);
    await wrapper.vm.$nextTick();
    const section = wrapper.find('[data-testid="annex-survey"]');
    expect(section.find('h2').text()).toBe("Citizens' attitudes");
    expect(text(section.element)).toContain('I trust Gentofte Municipality to use AI responsibly.');
    expect(text(section.element)).toContain('55% agree or strongly agree');
    await setLocale('da', false);
  });

  it('adds no section when the process has no survey, and asks nothing more', async () => {
    const calls = stubApi(() => problem(404, 'Ikke fundet'));
    const { wrapper } = await mountInApp(AnnexSurvey, { props: { processId: 'uden-skema' } });
    expect(surveyCalls(calls)).toEqual(['/api/processes/uden-skema/survey']);
    expect(wrapper.find('section').exists()).toBe(false);
  });

  it('says so, with a retry, when the results cannot be read', async () => {
    stubApi((url) => (url.pathname.endsWith('/results') ? problem(503, 'Tjenesten svarer ikke') : json(survey)));
    const { wrapper } = await mountInApp(AnnexSurvey, { props: { processId: 'ai-i-gentofte' } });
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
    expect(text(wrapper.element)).toContain('Spørgeskemaets resultater kunne ikke hentes');
  });
});
