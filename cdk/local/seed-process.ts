import { defaultRateLimits, type Process } from '#shared/schemas/process';

/**
 * The first process, "AI i Gentofte Kommune", from the committee's terms of reference
 * (shared/context/kommissorium-ai-gentofte.txt). Phase dates are laid from the day the data is
 * first seeded, so a fresh local stack is always open for ideas; the seeded dates then stay.
 * `startedDaysAgo` moves the start into the past (the demo shows a process weeks into its
 * submission phase, whose ideas, votes and comments were written on those earlier days).
 */
export const FIRST_PROCESS_ID = 'ai-i-gentofte';

const DAY = 24 * 60 * 60 * 1000;

export function firstProcess(seededAt: Date, startedDaysAgo = 0): Process {
  const start = Date.UTC(seededAt.getUTCFullYear(), seededAt.getUTCMonth(), seededAt.getUTCDate()) - startedDaysAgo * DAY;
  const at = (days: number) => new Date(start + days * DAY).toISOString();
  const now = (startedDaysAgo ? new Date(start) : seededAt).toISOString();
  return {
    id: FIRST_PROCESS_ID,
    title: { da: 'AI i Gentofte Kommune', en: 'AI in Gentofte Municipality' },
    summary: {
      da: 'Hvor og hvordan skal Gentofte Kommune bruge kunstig intelligens? Del din idé, stem på andres og kommentér.',
      en: 'Where and how should Gentofte Municipality use artificial intelligence? Share your idea, vote for others and comment.',
    },
    description: {
      da: [
        'Kommunalbestyrelsen har nedsat et opgaveudvalg om AI. Udvalget skal pege på, hvor og hvordan kommunen kan være teknologimodig og udnytte potentialerne ved AI – så kvalitet og effektivitet forbedres for borgere, erhvervsliv og medarbejdere.',
        'Vi vil gerne høre dine idéer: Hvor kan AI frigøre tid fra administrative opgaver, give bedre service eller et bedre arbejdsmiljø? Og hvilke hensyn skal vi tage – fx til borgere, der ikke er digitale?',
        'Opgaveudvalget læser alle idéer. De idéer, der får mest opbakning, samles i et bilag til udvalgets møder. Du kan følge, hvad der sker med din idé, her på siden.',
      ].join('\n\n'),
      en: [
        'The municipal council has set up a task committee on AI. It will point out where and how the municipality can be bold with technology and use the potential of AI – improving quality and efficiency for citizens, businesses and employees.',
        'We want to hear your ideas: where can AI free time from administrative work, give better service or a better working environment? And what should we take care of – for example citizens who are not digital?',
        'The committee reads every idea. The ideas with the most support are collected in an annex for its meetings. You can follow what happens to your idea here.',
      ].join('\n\n'),
    },
    charter: {
      tasks: { da: 'Opgaveudvalget skal pege på, hvor og hvordan kommunen kan bruge AI.', en: 'The task committee will point out where and how the municipality can use AI.' },
      members: [],
      meetings: [],
      outcome: { da: 'Udvalget læser alle idéer og samler de mest støttede i et bilag.', en: 'The committee reads every idea and collects the most supported in an annex.' },
    },
    phases: [
      { kind: 'ideas', title: { da: 'Idéer og stemmer', en: 'Ideas and votes' }, startsAt: at(0), endsAt: at(56) },
      { kind: 'voting', title: { da: 'Afstemning', en: 'Voting' }, startsAt: at(56), endsAt: at(84) },
      { kind: 'review', title: { da: 'Udvalget behandler idéerne', en: 'The committee reviews the ideas' }, startsAt: at(84), endsAt: at(140) },
      { kind: 'closed', title: { da: 'Afsluttet', en: 'Closed' }, startsAt: at(140) },
    ],
    areas: [
      { id: 'boern-og-unge', name: { da: 'Børn og unge', en: 'Children and young people' } },
      { id: 'aeldre-sundhed-omsorg', name: { da: 'Ældre, sundhed og omsorg', en: 'Elderly, health and care' } },
      { id: 'social-beskaeftigelse', name: { da: 'Social og beskæftigelse', en: 'Social affairs and employment' } },
      { id: 'borgerservice-administration', name: { da: 'Borgerservice og administration', en: 'Citizen service and administration' } },
      { id: 'by-miljoe-klima', name: { da: 'By, miljø og klima', en: 'City, environment and climate' } },
      { id: 'kultur-idraet-fritid', name: { da: 'Kultur, idræt og fritid', en: 'Culture, sports and leisure' } },
      { id: 'erhverv', name: { da: 'Erhverv', en: 'Business' } },
      { id: 'arbejdsplads-medarbejdere', name: { da: 'Arbejdsplads og medarbejdere', en: 'Workplace and employees' } },
    ],
    effects: [
      { id: 'effektivitet', name: { da: 'Effektivitet', en: 'Efficiency' } },
      { id: 'kvalitet', name: { da: 'Kvalitet', en: 'Quality' } },
      { id: 'hastighed', name: { da: 'Hastighed', en: 'Speed' } },
      { id: 'bedre-service', name: { da: 'Bedre service', en: 'Better service' } },
      { id: 'bedre-arbejdsmiljoe', name: { da: 'Bedre arbejdsmiljø', en: 'Better working environment' } },
    ],
    settings: { moderation: 'post', flagThreshold: 3, limits: defaultRateLimits, votesPerPerson: null, personalDataUntil: at(140 + 365) },
    createdAt: now,
    updatedAt: now,
  };
}
