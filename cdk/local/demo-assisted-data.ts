import type { AssistedChannel } from '#shared/rules/assisted';
import type { AssistedPersonCreateInput } from '#shared/schemas/assisted';
import type { IdeaCreateInput } from '#shared/schemas/idea';

/**
 * What Borgerservice did in the demo (`npm start -- --demo`, carried out by demo-assisted.ts): the
 * assistant (Bodil K., demo-people.ts) registered four citizens who do not use the site themselves,
 * each with their consent, and typed in their ideas, a few votes and a comment. One came to the
 * desk, one phoned, two sent the paper form. Made up, and marked as demo data like every demo person.
 */
export interface DemoAssistedPerson {
  /** How the plan below refers to the person. */
  key: string;
  /** When the assistant registered them and typed in what they brought, in days before the demo is seeded. */
  daysAgo: number;
  /** The hour (UTC) they came, phoned or their form was typed in: office hours at Borgerservice. */
  hour: number;
  person: AssistedPersonCreateInput & { consent: true };
  idea: IdeaCreateInput;
}

export const DEMO_ASSISTED_PEOPLE: DemoAssistedPerson[] = [
  {
    key: 'else',
    daysAgo: 9,
    hour: 8,
    person: { name: 'Else M. (demo)', phone: '39 98 12 34', channel: 'assisted-in-person', consent: true },
    idea: {
      title: 'Læs brevene fra kommunen højt for mig',
      body:
        'Jeg ser dårligt, og jeg kan ikke bruge en computer. Når der kommer et brev fra kommunen, må jeg vente på, at min datter kommer forbi og læser det.\n\n' +
        'Det ville hjælpe mig, hvis jeg kunne ringe til et nummer og få brevet læst højt. Gerne med en kort forklaring af, hvad jeg skal gøre.',
      area: 'borgerservice-administration',
      effects: ['bedre-service', 'kvalitet'],
      beneficiaries: ['citizens'],
      concerns: 'Det skal være sikkert. Ingen andre må kunne høre mine breve.',
      plainSummary: 'Else ser dårligt. Hun vil gerne kunne ringe og få kommunens breve læst højt.',
    },
  },
  {
    key: 'poul',
    daysAgo: 6,
    hour: 12,
    person: { name: 'Poul E. (demo)', email: 'poul.assisteret.demo@example.dk', channel: 'assisted-phone', consent: true },
    idea: {
      title: 'Svar på telefonen, også når køen er lang',
      body:
        'Jeg ringer tit til kommunen om min pension og min boligstøtte. Nogle gange venter jeg en halv time i telefonkøen.\n\n' +
        'En computer kunne svare på de lette spørgsmål med det samme, fx om en udbetaling er sendt. Så er der bedre tid til os med de svære spørgsmål.',
      area: 'borgerservice-administration',
      effects: ['hastighed', 'bedre-service'],
      beneficiaries: ['citizens', 'employees'],
      concerns: 'Man skal altid kunne trykke sig videre til et menneske.',
    },
  },
  {
    key: 'ruth',
    daysAgo: 4,
    hour: 9,
    person: { name: 'Ruth N. (demo)', channel: 'paper', consent: true },
    idea: {
      title: 'Påmindelse om medicin til ældre, der bor alene',
      body:
        'Min mand glemmer at tage sin medicin, når jeg ikke er hjemme. Hjemmeplejen kommer kun om morgenen.\n\n' +
        'En lille højttaler kunne sige, når det er tid til medicinen. Hvis han ikke svarer, kunne den give hjemmeplejen besked.',
      area: 'aeldre-sundhed-omsorg',
      effects: ['kvalitet', 'bedre-service'],
      beneficiaries: ['citizens', 'employees'],
    },
  },
  {
    key: 'aage',
    daysAgo: 4,
    hour: 10,
    person: { name: 'Aage C. (demo)', channel: 'paper', consent: true },
    idea: {
      title: 'Find en forening, hvor der er plads til én mere',
      body:
        'Efter jeg gik på pension, ville jeg gerne gå til bridge eller i en gåklub. Det var svært at finde ud af, hvor der var plads.\n\n' +
        'Kommunen kunne samle foreningernes ledige pladser ét sted og hjælpe én med at finde det rigtige, også over telefonen eller på biblioteket.',
      area: 'kultur-idraet-fritid',
      effects: ['bedre-service'],
      beneficiaries: ['citizens'],
    },
  },
];

/**
 * The votes the citizens asked the assistant to cast, after their ideas: `idea` is another assisted
 * citizen's idea by their key, or `top` for the demo's most supported idea still open for votes. Each through the
 * citizen's own channel, on the day they came.
 */
export const DEMO_ASSISTED_VOTES: { by: string; idea: string }[] = [
  { by: 'else', idea: 'top' },
  { by: 'poul', idea: 'else' },
  { by: 'poul', idea: 'top' },
  { by: 'aage', idea: 'ruth' },
  { by: 'ruth', idea: 'aage' },
];

/** The comment Poul asked for on the phone, on the same idea as his vote (`top`). */
export const DEMO_ASSISTED_COMMENT = {
  by: 'poul',
  body: 'Jeg er enig. Men husk os, der ikke har en smartphone. Vi skal også kunne få hjælp på telefonen.',
  stance: 'for',
} as const;

/** The channels the demo uses, for its test: every assisted channel at least once. */
export const demoAssistedChannels = (): AssistedChannel[] => [...new Set(DEMO_ASSISTED_PEOPLE.map((p) => p.person.channel))];
