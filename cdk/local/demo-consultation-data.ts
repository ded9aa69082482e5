import type { AnswerStatus, Position } from '#shared/rules/consultation';
import type { ParticipantType } from '#shared/rules/values';
import type { Block } from '#shared/schemas/consultation';

/**
 * What the demo's consultation holds (demo-consultation.ts carries it out): the follow-group's
 * comments on the first drafts with the secretariat's answers, the ethical guidelines' version 2
 * built on three of them, and the public round's comments, most of them answered. Written for this
 * demo in plain Danish; no comment names a real person.
 */

export const FOLLOW_GROUP = 'foelgegruppen';
export const PUBLIC_ROUND = 'offentlig-hoering';
export const ETHICS = 'etiske-retningslinjer';
export const AMBITION = 'ambition';

export interface DemoComment {
  key: string;
  document: typeof ETHICS | typeof AMBITION;
  paragraphNo: number;
  round: typeof FOLLOW_GROUP | typeof PUBLIC_ROUND;
  /** Who writes it: a named demo person's key, or any demo participant of this type. */
  by: string | ParticipantType;
  position: Position;
  text: string;
  answer?: { status: AnswerStatus; text: string };
}

/** The follow-group's comments (employees, in the invited round, on version 1). */
export const followGroupComments: DemoComment[] = [
  {
    key: 'f-brev',
    document: ETHICS,
    paragraphNo: 7,
    round: FOLLOW_GROUP,
    by: 'hanne',
    position: 'neutral',
    text: 'I hjemmeplejen sender vi mange breve og sms’er. Skriv, at det skal stå i selve brevet, når AI har skrevet udkastet – ellers opdager borgeren det aldrig.',
    answer: { status: 'adopted', text: 'Tak. I version 2 står der i § 7, at det fremgår af brevet, når AI har hjulpet med udkastet.' },
  },
  {
    key: 'f-eu',
    document: ETHICS,
    paragraphNo: 11,
    round: FOLLOW_GROUP,
    by: 'peter',
    position: 'disagree',
    text: '“Så vidt muligt” er for blødt. Vi arbejder med helbredsoplysninger hver dag, og de skal blive i EU. Skriv det som et krav.',
    answer: { status: 'adopted', text: 'Udvalget er enigt. I version 2 er § 11 et krav: løsninger med personoplysninger skal køre på servere i EU eller EØS.' },
  },
  {
    key: 'f-oplaering',
    document: ETHICS,
    paragraphNo: 6,
    round: FOLLOW_GROUP,
    by: 'employee',
    position: 'agree',
    text: 'Godt med oplæring, men den skal ligge i arbejdstiden. Ellers bliver den ikke til noget i en travl vagtplan.',
    answer: { status: 'partly', text: 'I version 2 står der, at oplæringen ligger i arbejdstiden. Hvordan den passes ind i vagtplanen, aftales i hver afdeling.' },
  },
  {
    key: 'f-borgerservice',
    document: ETHICS,
    paragraphNo: 13,
    round: FOLLOW_GROUP,
    by: 'employee',
    position: 'agree',
    text: 'Husk Borgerservice: mange ældre ringer eller møder op. Telefonen og skranken skal fortsat være bemandet.',
    answer: { status: 'out-of-scope', text: 'Åbningstider og bemanding fastsættes ikke i retningslinjerne. § 13 sikrer, at man altid kan få fat i et menneske.' },
  },
  {
    key: 'f-afgoerelse',
    document: ETHICS,
    paragraphNo: 4,
    round: FOLLOW_GROUP,
    by: 'employee',
    position: 'neutral',
    text: 'Hvad betyder “afgørelse” her? Mange af vores opgaver er ikke afgørelser i juridisk forstand, fx når vi planlægger besøg.',
    answer: { status: 'partly', text: 'Paragraffen bruger forvaltningsrettens begreb. Vejledningen til retningslinjerne kommer med eksempler fra praksis, også på opgaver, der ikke er afgørelser.' },
  },
  {
    key: 'f-tid',
    document: AMBITION,
    paragraphNo: 2,
    round: FOLLOW_GROUP,
    by: 'employee',
    position: 'disagree',
    text: 'Erfaringen er, at sparet tid bliver til nye opgaver. Skriv, hvordan I sikrer, at tiden faktisk går til borgerne.',
    answer: { status: 'partly', text: 'Den årlige opfølgning (§ 8) skal vise, hvor tiden går hen. Hvordan tiden bruges, aftales i hver forvaltning.' },
  },
  {
    key: 'f-skeptikere',
    document: AMBITION,
    paragraphNo: 6,
    round: FOLLOW_GROUP,
    by: 'employee',
    position: 'agree',
    text: 'Tag os med fra starten – også dem, der er skeptiske. Det er dem, der finder fejlene.',
    answer: { status: 'adopted', text: 'Enig. Forsøgene skal have medarbejdere med fra starten, også de kritiske. Det kommer med i næste version af ambitionen.' },
  },
];

/** The paragraphs of the ethical guidelines that version 2 changes, each because of a follow-group comment. */
export const ethicsVersion2: { paragraphNo: number; because: string; text: Extract<Block, { kind: 'paragraph' }>['text'] }[] = [
  {
    paragraphNo: 6,
    because: 'f-oplaering',
    text: {
      da: 'Medarbejdere, der bruger AI, får den oplæring, de har brug for til at kende løsningens styrker og begrænsninger, og oplæringen ligger i arbejdstiden. Alle kan sige fra, hvis et resultat virker forkert, uden at det får følger for dem.',
      en: 'Employees who use AI get the training they need to know the solution’s strengths and limits, and the training takes place in working hours. Anyone can speak up if a result looks wrong, without consequences for them.',
    },
  },
  {
    paragraphNo: 7,
    because: 'f-brev',
    text: {
      da: 'Når du er i kontakt med kommunen, skal det være tydeligt, om du skriver eller taler med en AI-løsning. Tekster, som AI har skrevet et udkast til, læses igennem af en medarbejder, før de sendes, og det står i brevet, at AI har hjulpet med udkastet.',
      en: 'When you are in contact with the municipality, it must be clear whether you are writing or talking to an AI solution. Texts drafted by AI are read through by an employee before they are sent, and the letter says that AI helped with the draft.',
    },
  },
  {
    paragraphNo: 11,
    because: 'f-eu',
    text: {
      da: 'Før en AI-løsning tages i brug, vurderer vi risikoen for borgernes rettigheder og for informationssikkerheden. Løsninger, der behandler personoplysninger, skal køre på servere i EU eller EØS.',
      en: 'Before an AI solution is put to use, we assess the risk to citizens’ rights and to information security. Solutions that process personal data must run on servers in the EU or the EEA.',
    },
  },
];

export const ethicsVersion2Note = {
  da: 'Version 2 efter følgegruppens runde: oplæringen ligger i arbejdstiden (§ 6), det står i brevet, når AI har skrevet udkastet (§ 7), og løsninger med personoplysninger skal køre på servere i EU eller EØS (§ 11).',
  en: 'Version 2 after the follow group’s round: training takes place in working hours (§ 6), the letter says when AI drafted it (§ 7), and solutions with personal data must run on servers in the EU or the EEA (§ 11).',
};

/** The public round's comments (on the ethical guidelines' version 2 and the ambition's version 1). */
export const publicComments: DemoComment[] = [
  { key: 'p-computer', document: ETHICS, paragraphNo: 4, round: PUBLIC_ROUND, by: 'mette', position: 'agree', text: 'Det vigtigste i hele dokumentet. Jeg vil ikke have, at en computer afgør min sag.', answer: { status: 'adopted', text: 'Tak. Paragraffen står uændret i udvalgets endelige forslag.' } },
  { key: 'p-parkering', document: ETHICS, paragraphNo: 4, round: PUBLIC_ROUND, by: 'thomas', position: 'disagree', text: 'Hvis AI kan klare simple sager som en parkeringstilladelse bedre end en sagsbehandler, hvorfor så ikke lade den afgøre dem? Det ville spare ventetid.', answer: { status: 'not-adopted', text: 'Udvalget fastholder, at en medarbejder træffer afgørelsen. Simple sager kan stadig gå hurtigere, når AI forbereder dem.' } },
  { key: 'p-oversigt', document: ETHICS, paragraphNo: 8, round: PUBLIC_ROUND, by: 'citizen', position: 'agree', text: 'Gør oversigten let at finde på kommunens hjemmeside, og skriv den på almindeligt dansk.', answer: { status: 'adopted', text: 'Vi skriver ind, at oversigten skal være let at finde og skrevet i et klart sprog.' } },
  { key: 'p-vaerktoejer', document: ETHICS, paragraphNo: 11, round: PUBLIC_ROUND, by: 'lise', position: 'disagree', text: 'Et krav om servere i EU udelukker mange af de bedste værktøjer. Det bør være en vurdering fra sag til sag.', answer: { status: 'not-adopted', text: 'Udvalget fastholder kravet for løsninger, der behandler personoplysninger. Andre løsninger er ikke omfattet.' } },
  { key: 'p-eu-tak', document: ETHICS, paragraphNo: 11, round: PUBLIC_ROUND, by: 'citizen', position: 'agree', text: 'Godt, at mine oplysninger bliver i EU.', answer: { status: 'adopted', text: 'Tak. Kravet står fast.' } },
  { key: 'p-test', document: ETHICS, paragraphNo: 12, round: PUBLIC_ROUND, by: 'citizen', position: 'neutral', text: 'Hvem tester for skævheder? Det bør være nogen uden for den afdeling, der har købt løsningen.', answer: { status: 'partly', text: 'Vi tilføjer, at testen skal kunne efterprøves. Om en uafhængig part skal lave den, afhænger af løsningens risiko.' } },
  { key: 'p-mor', document: ETHICS, paragraphNo: 13, round: PUBLIC_ROUND, by: 'birthe', position: 'agree', text: 'Min mor på 87 har ikke en smartphone. Hun skal kunne ringe og tale med et rigtigt menneske.', answer: { status: 'adopted', text: 'Det er netop det, § 13 sikrer, og den står uændret.' } },
  { key: 'p-budget', document: ETHICS, paragraphNo: 13, round: PUBLIC_ROUND, by: 'employee', position: 'agree', text: 'Det kræver, at der er folk nok til at tage telefonen. Det bør stå i budgettet.', answer: { status: 'out-of-scope', text: 'Bemanding og budget afgøres af Kommunalbestyrelsen i budgetforhandlingerne, ikke i retningslinjerne.' } },
  { key: 'p-evaluering', document: ETHICS, paragraphNo: 14, round: PUBLIC_ROUND, by: 'sara', position: 'neutral', text: 'Offentliggør evalueringerne, så vi kan se, om løsningerne virker.', answer: { status: 'adopted', text: 'Vi skriver ind, at evalueringerne offentliggøres sammen med oversigten i § 8.' } },
  { key: 'p-stroem', document: ETHICS, paragraphNo: 2, round: PUBLIC_ROUND, by: 'citizen', position: 'disagree', text: 'AI bruger meget strøm. Kommunen bør kun bruge det, hvor det er helt nødvendigt.', answer: { status: 'partly', text: 'Energiforbruget indgår i den årlige evaluering (§ 14) efter princippet om bæredygtighed. Udvalget vil ikke begrænse brugen til det helt nødvendige.' } },
  { key: 'p-to-aar', document: ETHICS, paragraphNo: 15, round: PUBLIC_ROUND, by: 'business', position: 'neutral', text: 'To år er lang tid med den udvikling, der er nu. Hvorfor ikke hvert år?', answer: { status: 'not-adopted', text: 'Løsningerne evalueres hvert år (§ 14). Retningslinjerne tages op hvert andet år, og før, hvis der er brug for det.' } },
  { key: 'p-maerke', document: ETHICS, paragraphNo: 7, round: PUBLIC_ROUND, by: 'jens', position: 'agree', text: 'Godt, at det står i brevet. Brug et tydeligt mærke øverst, ikke småt nederst.' },
  { key: 'p-godkendt', document: ETHICS, paragraphNo: 10, round: PUBLIC_ROUND, by: 'employee', position: 'neutral', text: 'Hvilke AI-tjenester er godkendt? Vi mangler en liste på intranettet.', answer: { status: 'out-of-scope', text: 'Listen over godkendte tjenester hører under kommunens it-sikkerhed og kommer på intranettet, ikke i retningslinjerne.' } },
  { key: 'p-ferie', document: ETHICS, paragraphNo: 5, round: PUBLIC_ROUND, by: 'employee', position: 'agree', text: 'En navngiven ejer er godt. Skriv også, hvem man går til, når ejeren er på ferie.' },
  { key: 'p-langt-mere', document: AMBITION, paragraphNo: 1, round: PUBLIC_ROUND, by: 'citizen', position: 'disagree', text: '“Langt mere” lyder som et mål i sig selv. AI skal bruges, hvor det giver mening, ikke så meget som muligt.', answer: { status: 'partly', text: 'Vi præciserer, at ambitionen gælder, hvor AI giver bedre service eller mere tid til borgerne.' } },
  { key: 'p-toer', document: AMBITION, paragraphNo: 1, round: PUBLIC_ROUND, by: 'business', position: 'agree', text: 'Fint, at kommunen tør. Virksomhederne bruger det allerede hver dag.', answer: { status: 'adopted', text: 'Tak. Ambitionen står fast.' } },
  { key: 'p-affald', document: AMBITION, paragraphNo: 4, round: PUBLIC_ROUND, by: 'citizen', position: 'agree', text: 'Svar om aftenen på spørgsmål om affald og storskrald ville være en stor hjælp.', answer: { status: 'adopted', text: 'Det er blandt de første områder, vi vil afprøve.' } },
  { key: 'p-byggesag', document: AMBITION, paragraphNo: 5, round: PUBLIC_ROUND, by: 'thomas', position: 'agree', text: 'Et tjek af byggeansøgningen før indsendelse ville spare os for uger. Gerne hurtigt.', answer: { status: 'adopted', text: 'Byggesager er med blandt de første forsøg.' } },
  { key: 'p-journal', document: AMBITION, paragraphNo: 3, round: PUBLIC_ROUND, by: 'employee', position: 'neutral', text: 'Journalnotater er et godt sted at begynde, men notatet handler om borgeren. Borgeren skal kunne se, hvad AI har skrevet.' },
  { key: 'p-maaling', document: AMBITION, paragraphNo: 8, round: PUBLIC_ROUND, by: 'citizen', position: 'neutral', text: 'Hvordan måler I tilfredshed? Spørg også dem, der ikke bruger de digitale løsninger.' },
  { key: 'p-besparelser', document: AMBITION, paragraphNo: 2, round: PUBLIC_ROUND, by: 'citizen', position: 'disagree', text: 'Jeg tror ikke på, at tiden går til borgerne. Det ender med besparelser.' },
];

/**
 * How people lean on each paragraph of the public round, as weights of agree, neutral and disagree:
 * broad agreement on a person deciding and on human contact, dispute over the EU requirement and
 * over "far more AI". Paragraphs not named lean mildly towards agreement.
 */
export const leanings: Record<string, Record<number, [number, number, number]>> = {
  [ETHICS]: { 2: [4, 3, 3], 4: [8, 1, 1], 7: [6, 2, 1], 11: [4, 1, 5], 13: [9, 1, 0.5], 15: [3, 4, 2] },
  [AMBITION]: { 1: [4, 1, 5], 2: [3, 2, 5], 4: [6, 2, 2], 5: [7, 2, 1] },
};
export const defaultLeaning: [number, number, number] = [5, 3, 1.5];
