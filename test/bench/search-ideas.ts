import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import { toItem } from '#functions/adapters/dynamodb/ideas';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import type { IdeaRecord } from '#functions/domain/ports';
import type { IdeaStatus } from '#shared/schemas/idea';
import type { Process } from '#shared/schemas/process';
import { pick as pickFrom, seededRandom } from '#local/demo-random';
import { runPool } from './stats';

/**
 * 10,000 generated Danish ideas for the search benchmark: titles and bodies built from word lists of
 * AI techniques, municipal tasks and places, in the inflections people write ("chatbot", "chatbotten",
 * "chatbots"), so stemming, folding and typo tolerance meet real variety. Deterministic (a seeded
 * generator): every run searches the same texts. Written straight into DynamoDB with BatchWriteItem in
 * the adapter's own item shape (ideas.ts `toItem`), so the table's stream sees ordinary idea items.
 */

/** Each technique in the forms a Dane writes it: indefinite, definite, plural, definite plural. */
const TECHNIQUES = [
  ['chatbot', 'chatbotten', 'chatbots', 'chatbottene'],
  ['sprogmodel', 'sprogmodellen', 'sprogmodeller', 'sprogmodellerne'],
  ['AI-assistent', 'AI-assistenten', 'AI-assistenter', 'AI-assistenterne'],
  ['algoritme', 'algoritmen', 'algoritmer', 'algoritmerne'],
  ['robot', 'robotten', 'robotter', 'robotterne'],
  ['sensor', 'sensoren', 'sensorer', 'sensorerne'],
  ['prognosemodel', 'prognosemodellen', 'prognosemodeller', 'prognosemodellerne'],
  ['talegenkendelse', 'talegenkendelsen', 'talegenkendelser', 'talegenkendelserne'],
  ['billedgenkendelse', 'billedgenkendelsen', 'billedgenkendelser', 'billedgenkendelserne'],
  ['oversættelsesværktøj', 'oversættelsesværktøjet', 'oversættelsesværktøjer', 'oversættelsesværktøjerne'],
  ['anbefalingssystem', 'anbefalingssystemet', 'anbefalingssystemer', 'anbefalingssystemerne'],
  ['tekstgenkendelse', 'tekstgenkendelsen', 'tekstgenkendelser', 'tekstgenkendelserne'],
] as const;

const TASKS = [
  'journalnotater', 'sagsbehandling', 'visitation', 'skemalægning', 'ruteplanlægning', 'affaldsindsamling', 'byggesager',
  'ansøgninger om hjælpemidler', 'borgerhenvendelser', 'telefonkøen', 'mødereferater', 'breve til borgerne', 'læsestøtte',
  'lektiehjælp', 'madplaner', 'faldforebyggelse', 'medicinhåndtering', 'energiforbruget', 'trafiksignalerne', 'parkering',
  'huller i vejen', 'fejlmeldinger', 'vedligehold af bygninger', 'udlån af bøger', 'booking af haller', 'jobsøgning',
  'sygefravær', 'vagtplaner', 'fakturaer', 'indkøb', 'klager', 'aktindsigt', 'tolkning', 'snerydning', 'vandforbrug',
];

/** Places and groups, each with the area it belongs to (the seeded process's area ids). */
const PLACES: [string, string][] = [
  ['hjemmeplejen', 'aeldre-sundhed-omsorg'], ['plejecentrene', 'aeldre-sundhed-omsorg'], ['sundhedsplejen', 'aeldre-sundhed-omsorg'],
  ['tandplejen', 'boern-og-unge'], ['skolerne', 'boern-og-unge'], ['daginstitutionerne', 'boern-og-unge'], ['SFO’en', 'boern-og-unge'],
  ['jobcentret', 'social-beskaeftigelse'], ['socialforvaltningen', 'social-beskaeftigelse'], ['bostederne', 'social-beskaeftigelse'],
  ['Borgerservice', 'borgerservice-administration'], ['rådhuset', 'borgerservice-administration'], ['lønkontoret', 'borgerservice-administration'],
  ['genbrugsstationen', 'by-miljoe-klima'], ['vejafdelingen', 'by-miljoe-klima'], ['kloakkerne', 'by-miljoe-klima'], ['parkerne', 'by-miljoe-klima'],
  ['biblioteket', 'kultur-idraet-fritid'], ['svømmehallen', 'kultur-idraet-fritid'], ['musikskolen', 'kultur-idraet-fritid'],
  ['erhvervsservice', 'erhverv'], ['iværksætterne', 'erhverv'], ['butikkerne på Hovedgaden', 'erhverv'],
  ['personaleafdelingen', 'arbejdsplads-medarbejdere'], ['IT-afdelingen', 'arbejdsplads-medarbejdere'], ['kantinen', 'arbejdsplads-medarbejdere'],
];

const BENEFITS = [
  'så medarbejderne får mere tid til borgerne', 'så ventetiden bliver kortere', 'så færre fejl når frem til borgerne',
  'så ældre borgere kan blive længere i eget hjem', 'så kommunen sparer penge og CO2', 'så alle kan forstå svaret, også på andre sprog',
  'så børnene får hjælp, når de har brug for den', 'så sagerne behandles ens', 'så vi opdager problemerne, før de bliver dyre',
];
const CONCERNS = [
  'Data skal blive i EU, og borgerne skal kunne få en menneskelig vurdering.',
  'Der er helbredsoplysninger i spil, så adgangen skal logges.',
  'Modellen må ikke diskriminere, og vi skal kunne forklare afgørelserne.',
  'Medarbejderne skal uddannes, før systemet tages i brug.',
];
const OPENINGS = ['Brug en', 'Indfør en', 'Afprøv en', 'Lad en', 'Byg en', 'Test en'];
const VERBS = ['kunne hjælpe med', 'kunne tage sig af', 'kunne forenkle', 'kunne gøre det lettere at håndtere', 'kunne forudsige', 'kunne sortere'];

/** Words that occur in very few ideas (the benchmark's rare-word queries): one idea in RARE_EVERY has one. */
export const RARE_WORDS = ['legepladsinspektion', 'vandmålerne', 'bistader', 'gadekær', 'skøjtebanen'];
const RARE_EVERY = 997;

/** Mostly published; a realistic share committee-marked, and some that no public search may show. */
const STATUS_PLAN: [IdeaStatus, number][] = [
  ['published', 0.74], ['under_review', 0.05], ['selected', 0.04], ['not_selected', 0.03], ['implemented', 0.02],
  ['rejected', 0.03], ['hidden', 0.03], ['pending', 0.03], ['withdrawn', 0.01], ['merged', 0.02],
];

export function generateIdeas(process: Process, count: number, now = new Date()): IdeaRecord[] {
  // Seeded (the demo data's generator), so every run writes the same texts.
  const next = seededRandom(18);
  const pick = <T>(list: readonly T[]) => pickFrom(next, list);
  const ulid = monotonicFactory(() => next());
  const span = 90 * 86_400_000;
  const effects = process.effects.map((e) => e.id);
  const statusOf = () => {
    let x = next();
    for (const [status, share] of STATUS_PLAN) if ((x -= share) < 0) return status;
    return 'published' as IdeaStatus;
  };
  const ideas: IdeaRecord[] = [];
  for (let n = 0; n < count; n++) {
    // Oldest first, so the ids (time-ordered ULIDs) follow createdAt as they do for real ideas.
    const createdAt = new Date(now.getTime() - span + Math.floor((span * n) / count) + Math.floor(next() * 1000));
    const tech = pick(TECHNIQUES);
    const task = pick(TASKS);
    const [place, area] = pick(PLACES);
    const other = pick(TECHNIQUES);
    const rare = n % RARE_EVERY === 7 ? RARE_WORDS[Math.floor(n / RARE_EVERY) % RARE_WORDS.length] : undefined;
    const title = `${tech[0][0]!.toUpperCase()}${tech[0].slice(1)} til ${task} i ${place}${rare ? ` og ${rare}` : ''}`;
    const body = [
      `${pick(OPENINGS)} ${tech[0]} i ${place}. ${cap(tech[1])} ${pick(VERBS)} ${task}, ${pick(BENEFITS)}.`,
      `Med ${other[2]} og bedre data fra ${pick(PLACES)[0]} ${pick(VERBS)} ${pick(TASKS)}.`,
      ...(next() < 0.5 ? [`Vi har set ${tech[3]} i andre kommuner, hvor medarbejderne var glade for dem.`] : []),
      ...(rare ? [`Det gælder især ${rare} i Gentofte.`] : []),
    ].join(' ');
    const status = statusOf();
    const held = status === 'published' && next() < 0.01;
    const authorNo = Math.floor(next() * 500);
    ideas.push({
      id: ulid(createdAt.getTime()),
      processId: process.id,
      title,
      body,
      excerpt: body.length > 240 ? `${body.slice(0, 239)}…` : body,
      area,
      effects: [pick(effects), pick(effects)].filter((e, i, all) => all.indexOf(e) === i),
      beneficiaries: next() < 0.5 ? ['citizens'] : ['employees', 'municipality'],
      ...(next() < 0.3 ? { concerns: pick(CONCERNS) } : {}),
      ...(next() < 0.1 ? { plainSummary: `Kort fortalt: ${tech[0]} til ${task} i ${place}.` } : {}),
      status,
      ...(status === 'merged' && ideas.length ? { mergedInto: ideas[ideas.length - 1]!.id } : {}),
      ...(held ? { held: true, flagCount: 3 } : {}),
      authorId: `bench-author-${authorNo}`,
      authorName: `Borger ${authorNo}`,
      authorType: (['citizen', 'business', 'employee'] as const)[authorNo % 3]!,
      voteCount: Math.floor(next() ** 3 * 200),
      commentCount: Math.floor(next() * 6),
      trendScore: next() * 10,
      createdAt: createdAt.toISOString(),
      updatedAt: createdAt.toISOString(),
    });
  }
  return ideas;
}

const cap = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/** Writes the ideas, 25 to a BatchWriteItem, `concurrency` batches at a time, resending what was left unprocessed. */
export async function writeIdeas(client: DynamoDBDocumentClient, ideas: IdeaRecord[], concurrency = 6): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < ideas.length; i += 25) batches.push(ideas.slice(i, i + 25).map(toItem));
  await runPool(batches, concurrency, async (items) => {
    let pending = items.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt === 8) throw new Error(`BatchWriteItem: ${pending.length} ideas unprocessed after ${attempt} attempts`);
      if (attempt) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const out = await client.send(new BatchWriteCommand({ RequestItems: { [mainTable.localName]: pending } }));
      pending = (out.UnprocessedItems?.[mainTable.localName] ?? []) as typeof pending;
    }
  });
}
