import type { ParticipantType, Stance } from '#shared/rules/values';

/**
 * What demo participants write in the comments (demo-data.ts decides who writes what where). Short,
 * as comments are: agreement, doubts, questions and first-hand experience, in the tone of a
 * municipal consultation. Made up.
 */
export interface DemoCommentText {
  body: string;
  stance?: Stance;
  /** Written from this participant type's experience: only someone of that type writes it. */
  by?: ParticipantType;
}

/** Comments that fit any idea, by the stance they take. */
export const generalComments: DemoCommentText[] = [
  { stance: 'for', body: 'Rigtig god idé. Det vil give mere tid til det, der betyder noget.' },
  { stance: 'for', body: 'Enig. Jeg har selv oplevet, hvor lang tid det tager i dag.' },
  { stance: 'for', body: 'Det her bør udvalget prioritere højt.' },
  { stance: 'for', body: 'Godt tænkt – og det lyder som noget, der kan afprøves i lille skala først.' },
  { stance: 'for', body: 'Jeg støtter forslaget, så længe et menneske har det sidste ord.' },
  { stance: 'for', body: 'Fint forslag. Husk at måle, om det faktisk sparer tid, før det rulles ud overalt.' },
  { stance: 'for', body: 'Ja tak! Andre kommuner er i gang med noget lignende, så vi kan lære af dem.' },
  { stance: 'for', body: 'Godt og konkret. Det er den slags opgaver, AI faktisk er god til.' },
  { stance: 'for', body: 'Støttes. Start gerne med en pilot, og inddrag dem, der skal bruge det.' },
  { stance: 'for', body: 'Det giver god mening, især nu hvor der mangler hænder alle steder.' },
  { stance: 'for', body: 'Jeg håber, udvalget tager den her med i bilaget.' },
  { stance: 'for', body: 'Endelig et forslag, der tager udgangspunkt i hverdagen og ikke i teknologien.' },
  { stance: 'against', body: 'Jeg er skeptisk. Hvem har ansvaret, når systemet tager fejl?' },
  { stance: 'against', body: 'Det lyder dyrt. Hvad koster det, og hvad får vi ud af det?' },
  { stance: 'against', body: 'Jeg er bekymret for, hvor vores data ender. Det skal være helt på plads først.' },
  { stance: 'against', body: 'Det risikerer at gøre kommunen endnu sværere at komme i kontakt med for dem, der ikke er digitale.' },
  { stance: 'against', body: 'Jeg tror ikke, det sparer tid i praksis – nogen skal jo stadig kontrollere det hele.' },
  { stance: 'against', body: 'Vi skal ikke bruge AI, bare fordi vi kan. Løs hellere de grundlæggende problemer først.' },
  { stance: 'neutral', body: 'Interessant, men hvordan sikrer man, at det virker lige godt for alle borgere?' },
  { stance: 'neutral', body: 'Hvad siger de medarbejdere, der skal bruge det i hverdagen?' },
  { stance: 'neutral', body: 'Jeg kan se både fordele og ulemper. Det afhænger meget af, hvordan det bliver gjort.' },
  { stance: 'neutral', body: 'Ved nogen, hvordan det passer med GDPR og den nye AI-forordning?' },
  { stance: 'neutral', body: 'Det kunne være godt, men hvad er planen, hvis leverandøren lukker eller sætter prisen op?' },
  { body: 'Findes der erfaringer fra andre kommuner med det her?' },
  { body: 'Hvordan vil man måle, om det virker?' },
  { body: 'Kan man fravælge det, hvis man hellere vil tale med et menneske?' },
];

/** Comments about one area, some from the experience of a participant type. */
export const areaComments: Record<string, DemoCommentText[]> = {
  'boern-og-unge': [
    { stance: 'neutral', body: 'Som forælder vil jeg gerne vide, hvilke oplysninger om mit barn der bliver brugt, og hvor de bliver af.' },
    { stance: 'for', by: 'employee', body: 'Som pædagog kan jeg bekræfte, at skærmtiden går fra børnene. Alt, der giver os tid tilbage, er velkomment.' },
    { stance: 'for', body: 'Vores skole har prøvet noget lignende i et par klasser, og eleverne var glade for det.' },
  ],
  'aeldre-sundhed-omsorg': [
    { stance: 'for', by: 'employee', body: 'Som sygeplejerske i hjemmesygeplejen kan jeg sige, at dokumentationen fylder alt for meget. Prøv det gerne af hos os.' },
    { stance: 'neutral', body: 'Husk, at mange ældre ikke ved, at en maskine har været med. Det skal forklares ordentligt.' },
    { stance: 'for', body: 'Min mor får hjemmehjælp. Hvis personalet får bare ti minutter mere hos hende, er det det hele værd.' },
  ],
  'social-beskaeftigelse': [
    { stance: 'neutral', body: 'Retssikkerheden skal veje tungest her. AI må kun være en hjælp for sagsbehandleren.' },
    { stance: 'for', body: 'Jeg har selv været ledig, og det tog uger at få svar. Alt, der gør det hurtigere, er velkomment.' },
    { stance: 'against', by: 'employee', body: 'Som sagsbehandler er jeg bekymret. Vi kender borgerne, og det kan et system ikke erstatte.' },
  ],
  'borgerservice-administration': [
    { stance: 'for', by: 'employee', body: 'Borgerservice er i forvejen presset. Hvis de lette spørgsmål kan klares digitalt, får vi mere tid til de svære.' },
    { stance: 'neutral', body: 'Der skal altid kunne ringes til et menneske. Ellers er jeg for.' },
    { stance: 'for', body: 'Jeg ville bruge det med det samme. Det er nemmere end at sidde i telefonkø.' },
  ],
  'by-miljoe-klima': [
    { stance: 'for', body: 'Det kunne også bruges til at melde fejl på legepladser og i parkerne.' },
    { stance: 'for', by: 'business', body: 'Vi venter alt for længe på svar fra kommunen i dag. Alt, der hjælper, er godt for både borgere og virksomheder.' },
    { stance: 'against', body: 'Flere sensorer og kameraer i byen er ikke vejen frem. Tænk på privatlivet.' },
  ],
  'kultur-idraet-fritid': [
    { stance: 'for', body: 'Vores forening ville have stor glæde af det.' },
    { stance: 'for', body: 'Bibliotekerne er det rigtige sted at starte. Der er folk, der kan hjælpe.' },
    { stance: 'neutral', body: 'Fint, men det må ikke tage penge fra de almindelige tilbud.' },
  ],
  erhverv: [
    { stance: 'for', by: 'business', body: 'Som selvstændig bruger jeg alt for meget tid på at finde ud af reglerne. Ja tak.' },
    { stance: 'neutral', by: 'business', body: 'Det må ikke blive en fordel for de store virksomheder frem for de små.' },
    { stance: 'for', body: 'Gode vilkår for de lokale virksomheder er også godt for os, der bor her.' },
  ],
  'arbejdsplads-medarbejdere': [
    { stance: 'for', by: 'employee', body: 'Vi bruger allerede AI privat. Det er bedre, at kommunen giver os et sikkert værktøj og klare regler.' },
    { stance: 'neutral', by: 'employee', body: 'Husk at inddrage MED-udvalgene og tillidsrepræsentanterne, før det besluttes.' },
    { stance: 'for', body: 'Glade medarbejdere giver bedre service. Godt forslag.' },
  ],
};

/** Replies to another participant's comment. */
export const replies: DemoCommentText[] = [
  { body: 'Godt spørgsmål. Det må udvalget se på.' },
  { body: 'Enig med dig.', stance: 'for' },
  { body: 'Det er netop derfor, et menneske skal godkende det til sidst.' },
  { body: 'Der er erfaringer fra andre kommuner – det kunne være godt at høre om dem.' },
  { body: 'Jeg tror, det kan løses med en ordentlig konsekvensanalyse.' },
  { body: 'Det kommer an på, hvordan det bliver gjort. Men jeg forstår bekymringen.' },
  { body: 'Jeg er ikke helt enig. Vi kan ikke vente, til alt er perfekt.' },
  { body: 'Tak, det havde jeg ikke tænkt på.' },
];

/** Replies from the idea's author. */
export const authorReplies: DemoCommentText[] = [
  { body: 'Tak for kommentaren. Det er præcis den slags hensyn, jeg håber, udvalget tager med.' },
  { body: 'God pointe – det burde jeg have skrevet i forslaget.' },
  { body: 'Tak! Jeg er enig i, at det skal afprøves i lille skala først.' },
  { body: 'Jeg forstår bekymringen. Forslaget er netop, at et menneske altid har det sidste ord.' },
];

/** The comment a moderator hides (an advertisement) and the one three participants flag (a personal attack). */
export const spamComment: DemoCommentText = { body: 'Vil du lære at bruge AI på jobbet? Book vores kursus med 40 % rabat på www.ai-kursus-tilbud.example' };
export const rudeComment: DemoCommentText = {
  stance: 'against',
  body: 'Det her er det dummeste forslag, jeg længe har læst. Man skal vist være ret enfoldig for at foreslå noget så tåbeligt.',
};
