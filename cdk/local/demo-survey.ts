import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { answerSurvey } from '#functions/domain/survey/answer';
import { publishSurveyResults } from '#functions/domain/survey/definition';
import type { Actor } from '#functions/lib/auth';
import type { Process } from '#shared/schemas/process';
import type { Survey, SurveyAnswer, SurveyQuestion } from '#shared/schemas/survey';
import { SETUP_ACTOR } from '../setup/import';
import { surveyAdminDeps } from '../setup/survey';
import { sample, seededRandom, type Random } from './demo-random';
import { DEMO_NAMING_TEXTS, reviewDemoTexts } from './demo-survey-review';

/** How many people answered the demo's survey: enough for breakdowns with groups over five. */
export const DEMO_SURVEY_ANSWERS = 260;

export interface PlannedAnswer {
  at: Date;
  /** The per-browser token of an anonymous answer (the demo's respondents answer without signing in). */
  browserToken: string;
  answers: SurveyAnswer['answers'];
}

/** How often each option is chosen, relative to the others; options not named weigh 1. */
const weights: Record<string, Record<string, number>> = {
  kendskab: { dagligt: 3, ugentligt: 4, sjaeldent: 4, aldrig: 2, 'ved-ikke': 0.5 },
  velkommen: { borgerservice: 5, sagsbehandling: 4, administration: 6, 'trafik-miljoe': 4, byggesager: 3, sundhed: 2, skole: 1.5, aeldrepleje: 1, dagtilbud: 0.5, beskaeftigelse: 1.5 },
  'ikke-velkommen': { aeldrepleje: 6, dagtilbud: 5, beskaeftigelse: 4, sagsbehandling: 3, sundhed: 3, skole: 3, borgerservice: 1, administration: 0.5, 'trafik-miljoe': 0.5, byggesager: 1 },
  bekymringer: { privatliv: 6, fejl: 5, 'digitalt-udfordrede': 5, gennemsigtighed: 4, job: 2, forskelsbehandling: 2, ingen: 0.7 },
  alder: { 'under-18': 0.4, '18-29': 2, '30-49': 4, '50-64': 4, '65-79': 3, '80-plus': 0.8 },
  bydel: { hellerup: 5, gentofte: 4, charlottenlund: 3.5, ordrup: 2, jaegersborg: 1.5, vangede: 1.5, dyssegaard: 1.5, klampenborg: 1, 'uden-for': 0.6 },
  deltager: { borger: 16, erhverv: 1.5, medarbejder: 2.5, andet: 0.5 },
};

/** Free texts a few respondents write (none names anyone; two more that do are in DEMO_NAMING_TEXTS). */
const freeTexts: Record<string, readonly string[]> = {
  'bedste-ide': [
    'Svar på enkle spørgsmål om affald og storskrald om aftenen, når borgerservice er lukket.',
    'At ansøgningen om byggetilladelse bliver tjekket for mangler, før den sendes, så man ikke venter tre uger på et nej.',
    'Hurtigere svar på mails til kommunen, så længe et menneske ser svaret igennem.',
    'Oversættelse af breve fra kommunen til andre sprog og til et mere letforståeligt dansk.',
    'Påmindelser om frister, fx til pas og tilskud.',
    'Mindre tid til dokumentation i hjemmeplejen og mere tid hos de ældre.',
  ],
  hensyn: [
    'At man altid kan få fat i et menneske, også når man ikke er god til computere.',
    'At det er tydeligt, hvornår jeg taler med en maskine.',
    'Mine oplysninger må ikke sendes til store techfirmaer i udlandet.',
    'At en medarbejder altid træffer den endelige afgørelse.',
    'At man tester løsningerne grundigt, før de bruges på borgerne.',
    'At pengene bruges, hvor det giver mest tid til kernevelfærden.',
  ],
};

const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, Math.round(n)));
/** Roughly normal noise (the sum of three uniforms), mean 0, spread about ±1. */
const noise = (random: Random) => random() + random() + random() - 1.5;

/** One respondent's answers, from a leaning towards AI (−1 sceptical … 1 keen) that most answers follow. */
function answersOf(random: Random, questions: readonly SurveyQuestion[]): SurveyAnswer['answers'] {
  const leaning = clamp(100 * (0.15 + 0.55 * noise(random)), -100, 100) / 100;
  const answers: SurveyAnswer['answers'] = {};
  for (const q of questions) {
    // Background questions are often skipped, other optional questions now and then.
    if (!q.required && random() < (q.demographic ? 0.18 : 0.05)) continue;
    if (q.kind === 'likert') {
      // Wanting a person to talk to does not follow the leaning: nearly everyone wants it.
      const centre = q.id === 'menneskelig-kontakt' ? 4.5 : 3.1 + 1.3 * leaning;
      answers[q.id] = clamp(centre + 0.9 * noise(random), 1, 5);
    } else if (q.kind === 'scale') answers[q.id] = clamp(5.5 + 3.5 * leaning + 1.5 * noise(random), 0, 10);
    else if (q.kind === 'single' || q.kind === 'multiple') {
      const w = weights[q.id] ?? {};
      const count = q.kind === 'single' ? 1 : 1 + Math.floor(random() * q.maxChoices);
      const chosen = sample(random, q.options, count, (o) => w[o.id] ?? 1).map((o) => o.id);
      // "Not worried" stands alone.
      answers[q.id] = q.kind === 'single' ? chosen[0]! : chosen.includes('ingen') ? ['ingen'] : chosen;
    } else {
      const texts = freeTexts[q.id];
      if (texts && random() < 0.12) answers[q.id] = texts[Math.floor(random() * texts.length)]!;
    }
  }
  return answers;
}

/**
 * The demo's answers: `count` respondents spread over the survey phase up to `now` (more in its first
 * week, as after a newsletter), each with the same answers on every fresh demo (seeded random).
 */
export function demoSurveyAnswers(survey: Pick<Survey, 'sections'>, process: Pick<Process, 'phases'>, now: Date, count = DEMO_SURVEY_ANSWERS): PlannedAnswer[] {
  const phase = process.phases.find((p) => p.kind === 'survey');
  if (!phase) return [];
  const from = Date.parse(phase.startsAt);
  const to = Math.min(phase.endsAt ? Date.parse(phase.endsAt) : now.getTime(), now.getTime()) - 60_000;
  if (to <= from) return [];
  const random = seededRandom(12);
  const questions = survey.sections.flatMap((s) => s.questions);
  const planned = Array.from({ length: count }, (_, i) => {
    const at = new Date(from + (to - from) * random() ** 1.6);
    return { at, browserToken: `demo-browser-${String(i).padStart(4, '0')}-token-x`, answers: answersOf(random, questions) };
  });
  // Two respondents name someone in a free text (the moderator hides those), one early, one late.
  const naming = Object.entries(DEMO_NAMING_TEXTS).filter(([id]) => questions.some((q) => q.id === id));
  naming.forEach(([id, text], n) => (planned[Math.floor(((n + 1) * count) / (naming.length + 1))]!.answers[id] = text));
  return planned.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * Fills the demo's survey through the answer use case, each answer with a clock at its planned moment;
 * `moderator` reviews the free texts (demo-survey-review.ts); then the results are published (the
 * survey phase has ended), so the results page and the annex have data, citizens' words included.
 */
export async function runDemoSurvey(client: DynamoDBDocumentClient, table: string, process: Process, now: Date, moderator: Actor, log: (m: string) => void): Promise<void> {
  const deps = { ...surveyAdminDeps(client, table), randomId: () => crypto.randomUUID() };
  const survey = await deps.surveys.get(process.id);
  if (!survey || survey.firstAnswerAt) return;
  const planned = demoSurveyAnswers(survey, process, now);
  if (planned.length === 0) return;
  const answer = (p: PlannedAnswer) => answerSurvey(deps, process.id, { browserToken: p.browserToken }, { answers: p.answers, browserToken: p.browserToken }, p.at);
  // The first answer fixes the survey's structure; the rest may then come in side by side.
  await answer(planned[0]!);
  const rest = planned.slice(1);
  for (let i = 0; i < rest.length; i += 8) await Promise.all(rest.slice(i, i + 8).map(answer));
  const reviewed = await reviewDemoTexts(deps, moderator, process.id, now);
  const phase = process.phases.find((p) => p.kind === 'survey')!;
  if (phase.endsAt && Date.parse(phase.endsAt) <= now.getTime()) {
    await publishSurveyResults(deps, { userId: SETUP_ACTOR.userId, roles: ['admin'] }, process.id, true, new Date(phase.endsAt));
  }
  log(`seeded ${planned.length} survey answers; free texts: ${reviewed.approved} approved, ${reviewed.hidden} hidden, ${reviewed.pending} left for review`);
}
