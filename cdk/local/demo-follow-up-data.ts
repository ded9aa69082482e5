import type { InitiativeState } from '#shared/rules/recommendations';
import type { AiLens } from '#shared/schemas/ai-lens';

/**
 * The committee's follow-up in the demo (`npm start -- --demo`, carried out by demo-follow-up.ts):
 * three recommendations ("egnede områder") that the committee member (Ulla T., demo-people.ts) wrote
 * on the demo's own ideas, each with its expected effects weighted and its AI Act lens; one of them
 * adopted by the political committee and tracked in the register by Digitalisering og IT with two
 * progress updates; and the lens on a few ideas, set by the moderator. The three lenses show the
 * range a citizen meets on the public pages: high-risk with its Annex III area and a DPIA, a
 * transparency duty, and minimal risk that still touches citizens who struggle with digital tools.
 * Made up, like the rest of the demo.
 */
export interface DemoRecommendation {
  key: string;
  /** When the committee wrote it, in days before the demo is seeded. */
  daysAgo: number;
  title: string;
  rationale: string;
  /** The process's effect ids, weighted 0–3. */
  effects: Record<string, number>;
  /** The demo ideas it builds on, by their plan keys (demo-ideas.ts). */
  ideas: string[];
  lens: AiLens;
  /** The political committee's decision, if it has made one. */
  decision?: { daysAgo: number; status: 'adopted' | 'rejected'; note: string };
  initiative?: { daysAgo: number; owner: string; startsInDays: number; endsInDays: number; state: InitiativeState };
  progress?: { daysAgo: number; text: string }[];
}

export const DEMO_RECOMMENDATIONS: DemoRecommendation[] = [
  {
    key: 'assistent',
    daysAgo: 5,
    title: 'En AI-assistent på gentofte.dk, der svarer døgnet rundt og altid viser vej til en medarbejder',
    rationale:
      'Mange borgere og virksomheder spørger om det samme: åbningstider, affald, byggeregler og hvilken blanket de skal bruge. Idéerne om svar døgnet rundt, om lokalplaner og om én indgang for nye virksomheder fik mange stemmer.\n\n' +
      'Udvalget anbefaler en AI-assistent på kommunens hjemmeside, der svarer på de simple spørgsmål og henviser til kilden. Den skal altid sige, at man skriver med en maskine, og altid give en vej videre til en medarbejder. Den må ikke behandle borgernes sager.',
    effects: { effektivitet: 2, kvalitet: 1, hastighed: 3, 'bedre-service': 3, 'bedre-arbejdsmiljoe': 1 },
    ideas: ['svar-doegnet-rundt', 'lokalplaner', 'erhverv-indgang'],
    lens: {
      aiActCategory: 'transparency',
      dpiaNeeded: false,
      digitalExclusion: false,
      ethicsNote: 'Assistenten må ikke gemme, hvad borgerne skriver, længere end samtalen varer. Svar om regler skal henvise til den side, de bygger på.',
    },
    decision: { daysAgo: 3, status: 'adopted', note: 'Vedtaget af Økonomiudvalget. Assistenten afprøves først på spørgsmål om affald og byggeri.' },
    initiative: { daysAgo: 3, owner: 'Digitalisering og IT', startsInDays: -2, endsInDays: 180, state: 'in-progress' },
    progress: [
      { daysAgo: 2, text: 'Projektgruppen er sat: Borgerservice, Byggesag, Affald og Digitalisering og IT. Første møde er holdt, og vi har samlet de 40 spørgsmål, borgerne oftest stiller.' },
      { daysAgo: 1, text: 'Tre leverandører er bedt om et tilbud. Kravene siger, at data bliver i EU, at assistenten altid siger, den er en maskine, og at man kan ringe til Borgerservice i stedet.' },
    ],
  },
  {
    key: 'jobcenter',
    daysAgo: 4,
    title: 'AI-udkast til journalnotater og sagsresuméer i jobcentret – med medarbejderen som den, der beslutter',
    rationale:
      'Sagsbehandlerne i jobcentret bruger meget tid på at skrive notater efter samtaler og på at læse lange sager op før første møde. Idéerne om journalnotater og sagsresuméer viser, at tiden kan bruges på borgeren i stedet.\n\n' +
      'Udvalget foreslår en afprøvning, hvor AI skriver udkast, og medarbejderen retter og godkender. AI må ikke foreslå afgørelser. Fordi notaterne har betydning for borgernes ydelser, skal brugen vurderes som højrisiko, og der skal laves en konsekvensanalyse før start.',
    effects: { effektivitet: 3, kvalitet: 2, hastighed: 2, 'bedre-service': 1, 'bedre-arbejdsmiljoe': 3 },
    ideas: ['journalnotater', 'sagsresume', 'ingen-afgoerelser'],
    lens: {
      aiActCategory: 'high-risk',
      highRiskArea: 'essential-services',
      dpiaNeeded: true,
      digitalExclusion: false,
      ethicsNote: 'Borgeren skal vide, at et udkast er skrevet med AI, og kunne se notatet. En medarbejder godkender altid teksten, før den kommer i journalen.',
    },
  },
  {
    key: 'klare-breve',
    daysAgo: 4,
    title: 'Klare breve og hjælp til ansøgninger – og den sparede tid til personlig hjælp',
    rationale:
      'Mange forstår ikke kommunens breve, og ansøgninger om hjælpemidler er svære at udfylde. Idéerne om klare breve, hjælp til ansøgninger og om borgere, der ikke er digitale, hænger sammen.\n\n' +
      'Udvalget foreslår, at AI hjælper medarbejderne med at skrive breve i et enkelt sprog, og at den tid, det sparer, bruges på hjælp i Borgerservice og på biblioteket for dem, der ikke bruger det digitale.',
    effects: { effektivitet: 1, kvalitet: 3, hastighed: 1, 'bedre-service': 3, 'bedre-arbejdsmiljoe': 0 },
    ideas: ['klare-breve', 'ansoegning-hjaelpemidler', 'ikke-digitale', 'ai-cafe'],
    lens: { aiActCategory: 'minimal', dpiaNeeded: false, digitalExclusion: true },
  },
];

/** The lens the moderator (Karin S.) set on a few ideas, by their plan keys, in days before the demo is seeded. */
export const DEMO_IDEA_LENSES: { idea: string; daysAgo: number; lens: AiLens }[] = [
  {
    idea: 'tidlig-opsporing',
    daysAgo: 6,
    lens: {
      aiActCategory: 'high-risk',
      highRiskArea: 'essential-services',
      dpiaNeeded: true,
      ethicsNote: 'Idéen bygger på helbredsoplysninger om ældre borgere. Der er i dag ikke klar hjemmel til at bruge journalnotater på den måde.',
    },
  },
  { idea: 'svar-doegnet-rundt', daysAgo: 6, lens: { aiActCategory: 'transparency', digitalExclusion: true } },
  { idea: 'ai-register', daysAgo: 6, lens: { aiActCategory: 'minimal' } },
  { idea: 'faldalarm', daysAgo: 5, lens: { aiActCategory: 'minimal', dpiaNeeded: true, digitalExclusion: true } },
];
