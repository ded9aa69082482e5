import type { DeltagEvent, MySignup } from '#shared/schemas/events';
import type { LivePhoneRound, LiveRoundResults } from '#shared/schemas/live-rounds';
import type { Process } from '#shared/schemas/process';
import { process } from './fixtures';

const day = 86_400_000;
const now = Date.now();
const at = (days: number, hours = 0) => new Date(now + days * day + hours * 3_600_000).toISOString();

/** The fixture process with an event phase open now (sign-up open) beside the ideas. */
export const eventProcess: Process = {
  ...process,
  phases: [
    { kind: 'ideas', title: { da: 'Idéer' }, startsAt: at(-20), endsAt: at(30) },
    { kind: 'event', title: { da: 'Temadag' }, startsAt: at(-20), endsAt: at(30) },
    { kind: 'closed', title: { da: 'Afsluttet' }, startsAt: at(30), endsAt: at(3000) },
  ],
  settings: { ...process.settings, personalDataUntil: '2027-06-30T10:00:00.000Z' },
};

export const festival: DeltagEvent = {
  id: 'ai-festival',
  processId: process.id,
  type: 'theme-day',
  title: { da: 'AI-festival for medarbejdere', en: 'AI festival for employees' },
  description: { da: 'En dag om AI i hverdagen. Program: https://gentofte.dk/ai-festival' },
  place: { address: 'Bernstorffsvej 161, 2920 Charlottenlund', room: 'Byrådssalen' },
  startsAt: at(7, 0),
  endsAt: at(7, 6),
  audience: 'everyone',
  capacity: 40,
  signupDeadline: at(5),
  accessFeatures: ['step-free', 'hearing-loop'],
  accessNote: { da: 'Indgang fra parkeringspladsen uden trin.' },
  published: true,
  seatsTaken: 40,
  waitingCount: 2,
  createdAt: at(-10),
  updatedAt: at(-10),
};

export const workshop: DeltagEvent = {
  ...festival,
  id: 'workshop',
  type: 'workshop',
  title: { da: 'Workshop om chatbots' },
  place: undefined,
  onlineUrl: 'https://meet.example.dk/ws',
  startsAt: at(2),
  endsAt: at(2, 2),
  signupDeadline: undefined,
  capacity: 20,
  seatsTaken: 5,
  waitingCount: 0,
  accessFeatures: [],
  accessNote: undefined,
};

export const pastMeeting: DeltagEvent = {
  ...festival,
  id: 'udvalgsmoede',
  type: 'committee-meeting',
  title: { da: 'Udvalgsmøde, åben del' },
  startsAt: at(-3),
  endsAt: at(-3, 2),
  signupDeadline: undefined,
  seatsTaken: 10,
  waitingCount: 0,
};

export const mySeat = (overrides: Partial<MySignup> = {}): MySignup => ({
  id: '01KB0000000000000000000010',
  processId: process.id,
  eventId: festival.id,
  state: 'seat',
  diet: [],
  signedUpAt: at(-1),
  ...overrides,
});

export const phoneRound: LivePhoneRound = {
  code: 'K7M3QA',
  state: 'open',
  title: { da: 'Hvad mener salen?' },
  eventTitle: festival.title,
  questions: [
    { id: 'brug', kind: 'single', text: { da: 'Bruger du AI i dit arbejde?' }, options: [{ id: 'ja', label: { da: 'Ja' } }, { id: 'nej', label: { da: 'Nej' } }] },
    { id: 'tryg', kind: 'scale', text: { da: 'Hvor tryg er du ved AI?' }, lowLabel: { da: 'Slet ikke' }, highLabel: { da: 'Helt' } },
    { id: 'ord', kind: 'words', text: { da: 'Sig det med et ord' }, maxWords: 2 },
    {
      id: 'afsnit',
      kind: 'statements',
      text: { da: 'Hvad mener du om udkastet?' },
      statements: [
        { id: 's1', text: { da: 'Et menneske træffer altid afgørelsen.' } },
        { id: 's2', text: { da: 'Vi bruger kun nødvendige data.' } },
      ],
    },
  ],
};

export const closedResults: LiveRoundResults = {
  id: '01KB0000000000000000000020',
  processId: process.id,
  eventId: festival.id,
  title: { da: 'Morgenrunden' },
  questions: phoneRound.questions,
  state: 'closed',
  code: 'K7M3QA',
  openedAt: at(-3),
  closedAt: at(-3, 1),
  createdAt: at(-4),
  updatedAt: at(-3, 1),
  results: [
    { questionId: 'brug', count: 10, options: [{ id: 'ja', count: 7 }, { id: 'nej', count: 3 }] },
    { questionId: 'tryg', count: 4, distribution: [0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0], mean: 6.5 },
    { questionId: 'ord', count: 5, words: [{ word: 'tryghed', count: 4 }, { word: 'tid', count: 2 }] },
    { questionId: 'afsnit', count: 6, statements: [{ id: 's1', agree: 5, neutral: 1, disagree: 0 }, { id: 's2', agree: 2, neutral: 2, disagree: 2 }] },
  ],
};
