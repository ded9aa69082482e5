import type { Stance } from '#shared/rules/events';
import type { IdeaCreateInput } from '#shared/schemas/idea';
import type { DemoPerson } from './demo-people';
import { pick, type Random } from './demo-random';

/**
 * The demo's theme day as data (demo-events.ts carries it out through the use cases): who signs up,
 * who cancels, what the phones in the hall answered and the ideas posted from the day. Pure
 * functions of a seeded random source, so a test can compute the results the API must show.
 */

/** The theme day was held this many days before the demo is seeded; the public meeting follows (the file's distance). */
export const DEMO_THEME_DAY_DAYS = 3;
export const THEME_DAY = 'ai-festival';
export const PUBLIC_MEETING = 'borgermoede-ai';

/** Employees who signed up for the theme day's 60 seats: the seats filled, and a waiting list. */
export const THEME_DAY_SIGNUPS = 69;
/** Seat holders who cancelled after the deadline; each seat went to the first on the waiting list. */
export const THEME_DAY_CANCELLED = 3;
/** Of the 60 seats, how many came and were checked in at the door. */
export const THEME_DAY_CHECKED_IN = 52;
/** Citizens and businesses signed up for the public meeting so far. */
export const MEETING_SIGNUPS = 14;
/** Phones that answered in the hall. */
export const DEMO_PHONES = 80;

const firstNames = [
  'Annette', 'Bjarne', 'Charlotte', 'Dorthe', 'Esben', 'Flemming', 'Gitte', 'Hans', 'Ingrid', 'Jette', 'Klaus', 'Lene',
  'Malene', 'Nikolaj', 'Ole', 'Pernille', 'Rikke', 'Stine', 'Trine', 'Ulla', 'Vibeke', 'William', 'Zainab', 'Åse',
];

/**
 * Colleagues from across the municipality who came for the theme day only (keys e001, …): the demo
 * has fewer generated employees than seats when it is small (the tests'), so it makes as many as the
 * sign-ups need. Real accounts, as every demo person.
 */
export function themeDayColleagues(count: number, random: Random): DemoPerson[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    const first = pick(random, firstNames);
    const ascii = first.toLowerCase().replace(/å/g, 'aa');
    return { key: `e${n}`, email: `${ascii}.e${n}.demo@example.dk`, displayName: `${first} ${pick(random, [...'ABDEFGHJKLMNPRSTV'])}. (demo)`, participantType: 'employee' };
  });
}

/** What some people wrote at sign-up (the organisers see it; erased with the process's data). */
export const signupNeeds = [
  { diet: ['vegetarian'] },
  { diet: ['gluten-free'], dietNote: 'Cøliaki' },
  { diet: [], accessibility: 'Jeg bruger kørestol og har brug for en plads ved gangen.' },
  { diet: ['vegan'] },
  { diet: [], accessibility: 'Jeg bruger høreapparat, så det er godt, at der er teleslynge.' },
  { diet: ['lactose-free'], note: 'Jeg skal gå kl. 14 på grund af et borgermøde.' },
  { diet: ['halal'] },
] as const;

// ---- The live round in the hall ----

export interface PhoneAnswer {
  phone: number;
  questionId: string;
  answer: string | number | string[] | Record<string, Stance>;
}

/** Weighted draw from [value, weight] pairs. */
function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((n, [, w]) => n + w, 0);
  let r = random() * total;
  for (const [value, w] of table) if ((r -= w) < 0) return value;
  return table.at(-1)![0];
}

const timeSavers = [['dokumentation', 34], ['sagsbehandling', 20], ['planlaegning', 11], ['kommunikation', 21], ['soegning', 14]] as const;
// Ready, but not very: most in the middle, a tail of the sceptical.
const readiness = [[0, 1], [1, 2], [2, 4], [3, 8], [4, 11], [5, 14], [6, 15], [7, 12], [8, 8], [9, 4], [10, 2]] as const;
/** Words as people type them: the same word in other cases or with spaces counts once (rules/events.ts normaliseWord). */
const words = [
  ['Tid', 16], ['tid', 8], ['frigørelse', 3], ['Tryghed', 9], ['bekymring', 7], ['Nysgerrig', 10], ['nysgerrighed', 4], ['Effektivitet', 9],
  ['dokumentation', 8], ['Dokumentation ', 3], ['etik', 7], ['ETIK', 2], ['kvalitet', 6], ['Spændende', 8], ['usikkerhed', 5], ['hjælp', 6],
  ['kontrol', 4], ['fremtiden', 5], ['ansvar', 5], ['overvågning', 3], ['arbejdsmiljø', 4], ['kollega', 2], ['ChatGPT', 4], ['data', 3], ['læring', 3],
] as const;
/** How the hall leaned on each paragraph of the draft ambition ([agree, neutral, disagree]): § 1's "far more" divides, § 4's human contact unites. */
const leanings: Record<string, readonly [number, number, number]> = {
  'afsnit-1': [40, 25, 35],
  'afsnit-2': [70, 20, 10],
  'afsnit-3': [62, 26, 12],
  'afsnit-4': [85, 10, 5],
  'afsnit-6': [74, 18, 8],
  'afsnit-8': [66, 24, 10],
};

/**
 * The hall's answers, phone by phone and question by question. Not every phone answers every
 * question (people come back from a workshop late, or skip the word cloud); a phone answers each
 * question at most once, as the API allows.
 */
export function demoLiveAnswers(random: Random): PhoneAnswer[] {
  const answers: PhoneAnswer[] = [];
  for (let phone = 1; phone <= DEMO_PHONES; phone++) {
    if (random() < 0.97) answers.push({ phone, questionId: 'mest-tid', answer: weighted(random, timeSavers) });
    if (random() < 0.95) answers.push({ phone, questionId: 'klar', answer: weighted(random, readiness) });
    if (random() < 0.88) {
      const count = weighted(random, [[1, 3], [2, 3], [3, 4]] as const);
      answers.push({ phone, questionId: 'tre-ord', answer: Array.from({ length: count }, () => weighted(random, words)) });
    }
    if (random() < 0.92) {
      const stances: Record<string, Stance> = {};
      for (const [id, lean] of Object.entries(leanings)) {
        // One in ten leaves a paragraph without a position.
        if (random() < 0.1) continue;
        stances[id] = weighted(random, [['agree', lean[0]], ['neutral', lean[1]], ['disagree', lean[2]]] as const);
      }
      if (Object.keys(stances).length > 0) answers.push({ phone, questionId: 'ambitionen', answer: stances });
    }
  }
  return answers;
}

/** The phones' answers for the demo: the same ones in the seed and in the test that checks the results. */
export const DEMO_LIVE_SEED = 2026_04_16;

// ---- Ideas from the day ----

export interface DayIdea {
  author: 'hanne' | 'peter' | 'colleague';
  /** Minutes after the day began (the hackathon began at 13.30, 4½ hours in). */
  minutes: number;
  input: IdeaCreateInput;
}

/** Ideas the hackathon's tables posted in the afternoon, marked with the theme day as their origin. */
export const dayIdeas: DayIdea[] = [
  {
    author: 'peter',
    minutes: 300,
    input: {
      title: 'Opslagsassistent til byggesager, der finder de relevante regler',
      body: 'Ved vores bord på temadagen byggede vi en prototype: En sagsbehandler skriver sagens problemstilling, og assistenten finder de relevante afsnit i bygningsreglementet, lokalplanen og tidligere afgørelser med kildehenvisning. Sagsbehandleren læser kilderne og træffer selv afgørelsen.',
      area: 'by-miljoe-klima',
      effects: ['hastighed', 'kvalitet'],
      beneficiaries: ['employees', 'businesses'],
      concerns: 'Assistenten må kun henvise til kilder, den kan vise, og aldrig skrive afgørelsen.',
    },
  },
  {
    author: 'hanne',
    minutes: 315,
    input: {
      title: 'Fælles sprogmodel-kursus for alle faggrupper',
      body: 'Mange ved min workshop havde prøvet AI derhjemme, men vidste ikke, hvad de må på arbejdet. Vi foreslår et kort kursus for alle faggrupper med eksempler fra deres egen hverdag: hvad må jeg skrive ind, hvordan tjekker jeg svaret, og hvem spørger jeg.',
      area: 'arbejdsplads-medarbejdere',
      effects: ['kvalitet', 'bedre-arbejdsmiljoe'],
      beneficiaries: ['employees'],
    },
  },
  {
    author: 'colleague',
    minutes: 330,
    input: {
      title: 'Forslag til vagtplan, som planlæggeren godkender',
      body: 'Vagtplanlægning i ældreplejen tager mange timer hver måned. Vores bord foreslår, at AI laver et første forslag ud fra ønsker, kompetencer og regler for hviletid, og at planlæggeren retter og godkender det. Medarbejderne skal kunne se, hvorfor planen ser ud, som den gør.',
      area: 'aeldre-sundhed-omsorg',
      effects: ['effektivitet', 'bedre-arbejdsmiljoe'],
      beneficiaries: ['employees', 'municipality'],
    },
  },
];
