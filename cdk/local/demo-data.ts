import type { IdeaCreateInput } from '#shared/schemas/idea';
import type { ParticipantType } from '#shared/schemas/user';

/**
 * Demo data for a local stack (`npm start -- --demo`): eight fictional participants and 30 example
 * ideas for the first process, "AI i Gentofte Kommune" (see seed-process.ts for the area and effect
 * ids). Everything here is made up. It is clearly marked as demo data: every demo user's display
 * name ends in " (demo)", e-mail addresses use example.dk / example.com, and organisation names are
 * obviously fictional. The ideas are listed oldest first.
 */

/** Demo data: clearly marked as such — every demo user's display name ends in " (demo)". */
export interface DemoUser {
  key: string;
  email: string;
  displayName: string;
  participantType: ParticipantType;
  organisation?: string;
}

export const demoUsers: DemoUser[] = [
  { key: 'mette', email: 'mette.demo@example.dk', displayName: 'Mette H. (demo)', participantType: 'citizen' },
  { key: 'jens', email: 'jens.demo@example.dk', displayName: 'Jens P. (demo)', participantType: 'citizen' },
  { key: 'sara', email: 'sara.demo@example.dk', displayName: 'Sara K. (demo)', participantType: 'citizen' },
  { key: 'birthe', email: 'birthe.demo@example.dk', displayName: 'Birthe A. (demo)', participantType: 'citizen' },
  {
    key: 'lise',
    email: 'lise.demo@example.com',
    displayName: 'Lise M. (demo)',
    participantType: 'business',
    organisation: 'Eksempel IT-rådgivning ApS (fiktiv)',
  },
  {
    key: 'thomas',
    email: 'thomas.demo@example.com',
    displayName: 'Thomas B. (demo)',
    participantType: 'business',
    organisation: 'Demo Byg & Renovering ApS (fiktiv)',
  },
  { key: 'hanne', email: 'hanne.demo@example.dk', displayName: 'Hanne J. (demo)', participantType: 'employee' },
  { key: 'peter', email: 'peter.demo@example.dk', displayName: 'Peter N. (demo)', participantType: 'employee' },
];

export interface DemoIdea extends IdeaCreateInput {
  /** The DemoUser.key of the author. */
  author: string;
}

export const demoIdeas: DemoIdea[] = [
  {
    author: 'hanne',
    title: 'Tale-til-tekst i hjemmeplejen, så vi kan dokumentere i bilen',
    body:
      'Jeg har været social- og sundhedsassistent i hjemmeplejen i 12 år. En stor del af min dag går med at dokumentere på en lille telefon: hvad jeg har observeret, hvad borgeren har spist, om såret ser bedre ud. Det tager tid, og det bliver ofte kort og upræcist, fordi vi har travlt.\n\n' +
      'Hvis vi kunne indtale observationerne lige efter besøget, og AI lavede et udkast i den rigtige struktur i omsorgssystemet, ville dokumentationen blive både bedre og hurtigere. Vi ville selv læse det igennem og godkende det. Det ville også hjælpe kolleger med ordblindhed eller dansk som andetsprog.',
    area: 'aeldre-sundhed-omsorg',
    effects: ['effektivitet', 'kvalitet', 'bedre-arbejdsmiljoe'],
    beneficiaries: ['employees', 'citizens'],
    concerns:
      'Vi skal altid kunne rette teksten, og det er os, der har ansvaret for journalen. Optagelserne må ikke gemmes længere end nødvendigt, og det må ikke blive en måde at måle, hvor hurtigt vi arbejder.',
  },
  {
    author: 'mette',
    title: 'Svar på de simple spørgsmål døgnet rundt på kommunens hjemmeside',
    body: 'Jeg arbejder selv til kl. 17, og Borgerservice har lukket, når jeg endelig har tid til at ringe. Mange spørgsmål er simple: Hvornår bliver storskrald hentet? Hvordan bestiller jeg nyt sundhedskort? Hvad koster en plads i SFO? En AI-assistent på hjemmesiden, der kun svarer ud fra kommunens egne sider og viser, hvor svaret kommer fra, ville spare både mig og medarbejderne for mange opkald.',
    area: 'borgerservice-administration',
    effects: ['bedre-service', 'hastighed'],
    beneficiaries: ['citizens', 'employees'],
    concerns: 'Den må ikke finde på svar. Hvis den er i tvivl, skal den sige det og henvise til en medarbejder.',
  },
  {
    author: 'thomas',
    title: 'Hvad må jeg bygge? Hurtige svar om lokalplaner og byggeregler',
    body: 'Vi laver tilbygninger og carporte i Gentofte og omegn. Kunderne spørger altid, om det kan lade sig gøre på deres grund, og det kræver, at vi graver os ned i lokalplaner, servitutter og bygningsreglementet. En AI-tjeneste, hvor man skriver adressen, beskriver projektet og får et foreløbigt svar med henvisning til de konkrete bestemmelser, ville spare tid for os og for kommunens medarbejdere, der får de samme spørgsmål i telefonen. Svaret skal selvfølgelig tydeligt være vejledende.',
    area: 'by-miljoe-klima',
    effects: ['hastighed', 'bedre-service'],
    beneficiaries: ['businesses', 'citizens'],
  },
  {
    author: 'jens',
    title: 'Brug AI til papirarbejdet – ikke til at erstatte omsorgen',
    body:
      'Jeg er 78 og får selv hjælp et par gange om ugen. Jeg er ikke imod teknologi, men jeg bliver bekymret, når jeg læser om robotter og skærme i ældreplejen. Det bedste ved besøgene er, at der kommer et menneske, som kan se, om jeg har det skidt.\n\n' +
      'Min opfordring er: Brug gerne AI til at skære ned på skemaer og indberetninger, så personalet får mere tid. Men lov os, at den frigjorte tid bliver hos os ældre og ikke bare forsvinder i en besparelse.',
    area: 'aeldre-sundhed-omsorg',
    effects: ['kvalitet', 'bedre-service'],
    beneficiaries: ['citizens'],
    concerns:
      'Jeg frygter, at AI bliver en undskyldning for kortere besøg eller færre ansatte. Og at ensomme ældre får en skærm i stedet for en samtale.',
  },
  {
    author: 'peter',
    title: 'AI-udkast til journalnotater efter samtaler i jobcentret',
    body:
      'Jeg er sagsbehandler i jobcentret. Efter hver samtale med en borger skal jeg skrive et journalnotat, opdatere planen og ofte sende et brev bagefter. Det tager let lige så lang tid som selve samtalen.\n\n' +
      'Mit forslag: Med borgerens samtykke optages samtalen, og et AI-værktøj laver et udkast til notatet og opfølgningsbrevet. Jeg gennemgår og retter, før noget bliver journaliseret. Så kunne jeg se borgeren i øjnene under samtalen i stedet for at sidde og taste, og der ville blive tid til flere samtaler.',
    area: 'social-beskaeftigelse',
    effects: ['effektivitet', 'bedre-arbejdsmiljoe', 'bedre-service'],
    beneficiaries: ['employees', 'citizens'],
    concerns:
      'Samtykket skal være reelt frivilligt, og borgeren skal kunne sige nej, uden at det får betydning for sagen. Notatet er en del af sagens grundlag, så fejl fra AI kan få konsekvenser for borgerens ydelse. Ansvaret skal ligge hos sagsbehandleren, og forvaltningsretten gælder stadig.',
  },
  {
    author: 'sara',
    title: 'Et offentligt AI-register: fortæl hvor og hvordan kommunen bruger AI',
    body:
      'Hvis borgerne skal have tillid til, at kommunen bruger AI ordentligt, skal det foregå åbent. Jeg foreslår en side på hjemmesiden med alle de AI-løsninger, kommunen bruger: hvad de bruges til, hvilke data de får, hvem der er ansvarlig, og hvordan man klager. Der bør også være en fast mærkning, når et brev eller et svar er lavet med hjælp fra AI.\n\n' +
      'Nogle byer i udlandet har allerede den slags registre, og det behøver ikke være dyrt. Det kunne bygge direkte på det dataetiske kompas, som kommunalbestyrelsen allerede har.',
    area: 'borgerservice-administration',
    effects: ['kvalitet', 'bedre-service'],
    beneficiaries: ['citizens', 'municipality'],
    concerns:
      'Et register hjælper kun, hvis det holdes opdateret og er skrevet, så almindelige mennesker kan forstå det. Ellers bliver det bare endnu et dokument, ingen læser.',
  },
  {
    author: 'lise',
    title: 'Én digital indgang for nye virksomheder med svar om tilladelser og regler',
    body: 'Når man starter virksomhed i kommunen, skal man finde ud af en masse: Må jeg have skilt på facaden? Kræver det en miljøgodkendelse? Hvordan søger jeg om udeservering? Svarene ligger spredt på mange sider og hos flere afdelinger. En AI-assistent for erhverv, der kender kommunens regler og kan samle en tjekliste til netop min type virksomhed, ville gøre Gentofte til et lettere sted at starte op.',
    area: 'erhverv',
    effects: ['bedre-service', 'hastighed'],
    beneficiaries: ['businesses'],
  },
  {
    author: 'hanne',
    title: 'Mindre skærmtid for pædagogerne – AI til dokumentation i dagtilbud',
    body:
      'Som tillidsrepræsentant hører jeg også fra de pædagogiske assistenter og pædagoger i vores daginstitutioner, og dokumentationen fylder mere og mere: beskeder til forældre, observationer, evaluering af læreplanen og referater fra forældresamtaler. Meget af det bliver skrevet, mens børnene venter.\n\n' +
      'Idé: Lad personalet indtale korte noter, og lad et AI-værktøj lave et udkast, som pædagogen retter og godkender. Det kunne også samle observationer over tid, så evalueringen af den pædagogiske læreplan ikke skal skrives fra bunden. Det vigtigste er, at tiden kommer tilbage til børnene.',
    area: 'boern-og-unge',
    effects: ['effektivitet', 'bedre-arbejdsmiljoe'],
    beneficiaries: ['employees', 'citizens'],
    concerns:
      'Det handler om oplysninger om små børn og nogle gange om svære familieforhold. Data må ikke ende hos en leverandør uden for EU uden styr på GDPR, og billeder af børnene skal helt holdes ude.',
  },
  {
    author: 'birthe',
    title: 'Husk os, der ikke er digitale – brug den sparede tid på personlig hjælp',
    body:
      'Jeg hjælper flere af mine naboer på over 80 med breve fra kommunen og Digital Post. Mange af dem har hverken smartphone eller MitID-app, og de bliver helt opgivende, når der står, at de skal gå på nettet.\n\n' +
      'Hvis AI kan klare mange af de lette henvendelser, så lad den sparede tid gå til dem, der har brug for et menneske: længere åbningstid i Borgerservice, en telefon der bliver taget, og hjemmebesøg for dem, der ikke kan komme ud. Det må aldrig blive sådan, at man kun kan få hjælp gennem en chatbot.',
    area: 'borgerservice-administration',
    effects: ['bedre-service'],
    beneficiaries: ['citizens'],
    concerns:
      'Den digitale kløft bliver større, hvis al service flytter over i AI-løsninger. Der skal altid være en analog vej ind, og den skal være lige så god.',
  },
  {
    author: 'mette',
    title: 'Tag et billede af hullet i vejen – så klarer AI resten',
    body: 'Når jeg ser en væltet skraldespand, et hul i cykelstien eller en gadelampe, der ikke virker, vil jeg gerne melde det, men jeg orker ikke at lede efter den rigtige formular. Det ville være smart, hvis man bare kunne tage et billede, og så fandt AI selv ud af, hvad det er, hvor det er, og sendte det til de rigtige folk. Det ville også være rart at få besked, når det er ordnet.',
    area: 'by-miljoe-klima',
    effects: ['effektivitet', 'hastighed'],
    beneficiaries: ['citizens', 'municipality'],
  },
  {
    author: 'peter',
    title: 'En sikker AI-assistent til alle medarbejdere – og kurser i at bruge den',
    body: 'Jeg ved, at mange kolleger allerede bruger gratis AI-tjenester på deres private telefon til at formulere mails eller forstå en lovtekst. Det er et problem, hvis der kommer personoplysninger med. Kommunen bør give alle medarbejdere adgang til en sikker AI-assistent, hvor data bliver i EU og ikke bruges til træning, og samtidig tilbyde korte kurser i, hvad man må og ikke må. Så får vi fordelene uden at løbe unødige risici.',
    area: 'arbejdsplads-medarbejdere',
    effects: ['effektivitet', 'bedre-arbejdsmiljoe'],
    beneficiaries: ['employees', 'municipality'],
    concerns:
      'Uden klare regler og uddannelse vil folk bruge værktøjerne forkert. Og nogle vil føle sig presset til at bruge AI, selvom de ikke er trygge ved det.',
  },
  {
    author: 'mette',
    title: 'Oversæt beskeder fra skole og institution til forældrenes eget sprog',
    body: 'I min søns klasse er der flere forældre, som ikke læser dansk så godt. De går glip af beskeder om ture, madpakkedage og forældremøder, og det går ud over børnene. AI kan i dag oversætte ret godt. Det ville være en stor hjælp, hvis beskeder fra skolen og institutionen automatisk kunne vises på fx arabisk, engelsk, ukrainsk eller tyrkisk, med den danske tekst ved siden af. Vigtige samtaler om et barns trivsel skal selvfølgelig stadig foregå med tolk.',
    area: 'boern-og-unge',
    effects: ['bedre-service', 'kvalitet'],
    beneficiaries: ['citizens'],
  },
  {
    author: 'jens',
    title: 'Ingen afgørelser om borgernes sager må træffes af en maskine',
    body:
      'Jeg har læst om sagen i Holland, hvor tusindvis af familier uretfærdigt blev beskyldt for snyd med børnetilskud, fordi et computersystem udpegede dem. Sådan noget må aldrig ske i Gentofte.\n\n' +
      'Jeg foreslår, at kommunen slår fast, at AI aldrig må træffe afgørelser om ydelser, hjælp eller kontrol. Et menneske skal altid vurdere sagen, og borgeren skal have at vide, hvis AI har været brugt til at forberede den. Det burde stå i de etiske retningslinjer, som udvalget skal lave.',
    area: 'social-beskaeftigelse',
    effects: ['kvalitet'],
    beneficiaries: ['citizens'],
    concerns:
      'Profilering og kontrol med AI rammer ofte de svageste først. Retssikkerheden skal gå forud for effektiviteten.',
  },
  {
    author: 'peter',
    title: 'Automatisk tjek af byggeansøgninger for manglende bilag',
    body:
      'For et år siden skiftede jeg fra jobcentret til byggesag. Jeg blev overrasket over, hvor mange ansøgninger der kommer ind uden de nødvendige tegninger, beregninger eller oplysninger. Vi sender dem tilbage, og ansøgeren venter uger på at få at vide, hvad der mangler.\n\n' +
      'En AI kunne gennemgå ansøgningen i det øjeblik, den kommer ind, og straks fortælle ansøgeren, hvad der mangler, fx en situationsplan eller afstanden til skel. Så ville sagerne være klar, når de når frem til en sagsbehandler. AI skal kun pege på mangler, ikke give afslag.',
    area: 'by-miljoe-klima',
    effects: ['hastighed', 'effektivitet'],
    beneficiaries: ['citizens', 'businesses', 'employees'],
  },
  {
    author: 'birthe',
    title: 'AI-café på biblioteket for seniorer, der vil lære det nye',
    body: 'Mange på min alder er nysgerrige på kunstig intelligens, men også lidt bange for den. Biblioteket har allerede gode it-caféer. Kunne man lave nogle eftermiddage, hvor bibliotekarer eller frivillige viser, hvad AI er, hvordan man kan bruge det til hverdagsting, og hvordan man genkender svindel og falske billeder? Så bliver vi ikke hægtet af.',
    area: 'kultur-idraet-fritid',
    effects: ['bedre-service', 'kvalitet'],
    beneficiaries: ['citizens'],
  },
  {
    author: 'lise',
    title: 'Tidlig opsporing: når en ældre borger begynder at få det dårligere',
    body:
      'I vores firma arbejder vi med dataanalyse i sundhedssektoren. Små ændringer kommer ofte før en indlæggelse: Borgeren spiser mindre, sover dårligere eller bliver mere forvirret. Hjemmeplejen noterer det allerede, men det drukner i journalen.\n\n' +
      'En AI-model kunne gennemgå de eksisterende notater og gøre sygeplejersken opmærksom på borgere, hvor der er et mønster, der bør følges op. Det er ikke en diagnose, bare en påmindelse om at kigge nærmere. Det kunne afprøves i et lille område først, sammen med sygeplejerskerne.',
    area: 'aeldre-sundhed-omsorg',
    effects: ['kvalitet', 'hastighed'],
    beneficiaries: ['citizens', 'employees'],
    concerns:
      'Det er følsomme helbredsoplysninger, så der skal være klar hjemmel og en konsekvensanalyse. Modellen kan overse nogen eller give falske alarmer, og den kan virke dårligere for grupper, der er dårligt repræsenteret i data.',
  },
  {
    author: 'thomas',
    title: 'Enklere udbud for små virksomheder – men lad mennesker vurdere tilbuddene',
    body:
      'Som lille håndværksvirksomhed har vi tit opgivet at byde på kommunale opgaver, fordi udbudsmaterialet fylder hundredvis af sider. Kommunen kunne bruge AI til at lave en kort og klar sammenfatning af hvert udbud: hvad skal leveres, hvornår, og hvad lægges der vægt på.\n\n' +
      'Derimod er jeg skeptisk over for at lade AI vurdere og rangere tilbuddene. Der ligger meget faglig vurdering i et tilbud, og vi skal kunne få en forklaring, vi kan forstå, hvis vi taber.',
    area: 'erhverv',
    effects: ['effektivitet', 'kvalitet'],
    beneficiaries: ['businesses', 'municipality'],
    concerns:
      'Hvis AI bruges i evalueringen, kan fejl eller skjulte skævheder koste lokale virksomheder opgaver, og det bliver svært at klage.',
  },
  {
    author: 'sara',
    title: 'Lær eleverne at bruge AI kritisk i stedet for at forbyde det',
    body: 'Jeg gik selv ud af gymnasiet for to år siden, og stort set alle brugte AI-chatbots til lektierne, uanset hvad lærerne sagde. Forbud virker ikke. Det ville være bedre, hvis folkeskolerne i Gentofte gav eleverne et ordentligt forløb i udskolingen om, hvordan man bruger AI: hvordan man tjekker kilder, hvornår svaret er opdigtet, og hvad der sker med de data, man giver fra sig. Kommunen kunne stille et sikkert værktøj til rådighed, så eleverne ikke skal oprette sig hos tilfældige tjenester. Og lærerne skal have tid og kurser til det, ikke bare en ekstra opgave.',
    area: 'boern-og-unge',
    effects: ['kvalitet'],
    beneficiaries: ['citizens', 'employees'],
    concerns:
      'Elevernes data må ikke bruges til at træne kommercielle modeller. Og der skal stadig være opgaver, hvor eleverne skriver selv, ellers lærer de det ikke.',
  },
  {
    author: 'hanne',
    title: 'Smartere køreplaner i hjemmeplejen',
    body: 'Hver morgen bruger planlæggerne lang tid på at lægge ruterne om, når nogen er syge, eller når en borger kommer hjem fra hospitalet. Vi ender tit med at køre frem og tilbage på tværs af kommunen. Et AI-værktøj kunne foreslå ruter, der tager hensyn til trafik, borgernes faste tider og hvem der kender borgeren i forvejen. Planlæggeren skal stadig have det sidste ord, men et godt forslag at starte fra ville spare meget tid.',
    area: 'aeldre-sundhed-omsorg',
    effects: ['effektivitet', 'hastighed'],
    beneficiaries: ['employees', 'municipality'],
  },
  {
    author: 'lise',
    title: 'Hurtigere aktindsigt med AI-hjælp til at finde og overstrege oplysninger',
    body: 'Som rådgiver søger jeg jævnligt aktindsigt på vegne af kunder, og det kan tage lang tid at få svar. Jeg forstår godt hvorfor: Nogen skal finde dokumenterne og manuelt overstrege personnumre, navne og fortrolige oplysninger. Det er præcis den slags opgave, hvor AI kan lave et forslag, som medarbejderen så kontrollerer. Det ville give kortere svartider for både borgere, virksomheder og journalister.',
    area: 'borgerservice-administration',
    effects: ['hastighed', 'effektivitet'],
    beneficiaries: ['citizens', 'businesses', 'municipality'],
    concerns:
      'Hvis AI overser et personnummer eller en helbredsoplysning, er det et alvorligt brud på persondatasikkerheden. Alt, der sendes ud, skal kontrolleres af et menneske.',
  },
  {
    author: 'mette',
    title: 'Gør det lettere for foreninger at søge tilskud og booke lokaler',
    body: 'Jeg er kasserer i en lille gymnastikforening. Hvert år bruger vi frivillige mange timer på ansøgninger om tilskud og på at finde ledige haltider. Det er tid, der kunne bruges på børnene. AI kunne hjælpe med at udfylde ansøgningerne ud fra sidste års oplysninger, og bookingsystemet kunne foreslå ledige tider, der passer til foreningen, og give besked, når en tid bliver ledig.',
    area: 'kultur-idraet-fritid',
    effects: ['effektivitet', 'bedre-service'],
    beneficiaries: ['citizens', 'municipality'],
  },
  {
    author: 'peter',
    title: 'Resumé af lange sager før første møde med borgeren',
    body: 'Når jeg overtager en sag, kan der ligge flere hundrede sider: lægeerklæringer, tidligere planer og praktikrapporter. Det tager mange timer at læse sig ind i, og det er nemt at overse noget vigtigt. Et AI-værktøj, der laver en tidslinje og et kort resumé med henvisninger til de konkrete dokumenter, ville gøre det meget hurtigere at komme godt forberedt til mødet. Jeg ville stadig selv læse de vigtigste akter, og resuméet må aldrig stå alene som grundlag for en afgørelse.',
    area: 'social-beskaeftigelse',
    effects: ['hastighed', 'kvalitet'],
    beneficiaries: ['employees', 'citizens'],
  },
  {
    author: 'sara',
    title: 'Brug AI til at spare energi i skoler, haller og andre kommunale bygninger',
    body: 'Mange kommunale bygninger bliver varmet op og oplyst, selvom de står tomme. AI kan bruge data fra bookingsystemet, vejrudsigten og energimålerne til at styre varme og ventilation efter, hvornår der faktisk er nogen. Det er ikke den mest spektakulære brug af AI, men den kan spare både penge og CO2. Start med et par skoler og mål effekten. Og husk at regne med, at AI også selv bruger strøm.',
    area: 'by-miljoe-klima',
    effects: ['effektivitet'],
    beneficiaries: ['municipality'],
  },
  {
    author: 'hanne',
    title: 'Inddrag medarbejderne, og lad ikke AI blive en ren spareøvelse',
    body: 'Når ledelsen taler om AI, hører mange af os bare »færre stillinger«. Hvis AI skal lykkes, skal vi, der laver arbejdet, være med fra starten og pege på, hvor det giver mening. Vi ved, hvilke skemaer der er spild af tid. Jeg foreslår, at hver ny AI-løsning afprøves sammen med en gruppe medarbejdere, og at det bliver meldt klart ud, hvad den frigjorte tid skal bruges til.',
    area: 'arbejdsplads-medarbejdere',
    effects: ['bedre-arbejdsmiljoe'],
    beneficiaries: ['employees'],
    concerns:
      'Frygt for fyringer og for at blive overvåget i sit arbejde. Data om, hvor hurtigt vi arbejder, må ikke bruges til at presse den enkelte medarbejder.',
  },
  {
    author: 'jens',
    title: 'Gør lokalhistorisk arkivs gamle fotos søgbare med AI',
    body: 'Jeg er frivillig i det lokalhistoriske arkiv. Vi har tusindvis af gamle fotografier af villaer, butikker og strandliv, men kun en lille del er registreret, fordi det hele gøres i hånden. AI kan i dag genkende bygninger, læse skilte og foreslå beskrivelser, som vi frivillige så kan rette til. Så kunne borgerne finde billeder af deres eget hus eller deres vej, og arkivet ville blive brugt meget mere.',
    area: 'kultur-idraet-fritid',
    effects: ['kvalitet', 'bedre-service'],
    beneficiaries: ['citizens'],
    concerns: 'Nogle billeder viser genkendelige personer. Ansigtsgenkendelse bør ikke bruges på dem.',
  },
  {
    author: 'sara',
    title: 'Jobforslag ud fra hvad man kan, ikke kun hvad man har været ansat som',
    body: 'Mange unge ledige har erfaringer fra fritidsjob, frivilligt arbejde og hobbyer, som aldrig kommer med på et CV. Jobcentret kunne bruge AI til at hjælpe den unge med at beskrive sine kompetencer og foreslå job, uddannelser eller praktikpladser, der passer, også hos lokale virksomheder. Det skal være et værktøj, den unge selv bruger sammen med sin rådgiver, ikke noget der bestemmer over en.',
    area: 'social-beskaeftigelse',
    effects: ['kvalitet', 'bedre-service'],
    beneficiaries: ['citizens', 'businesses'],
    concerns:
      'Der er risiko for, at modellen gentager gamle fordomme, fx om køn eller navne, og sender folk i bestemte retninger. Den skal testes for bias, før den bruges.',
  },
  {
    author: 'thomas',
    title: 'Hurtig tilladelse til container og stillads på vejen',
    body: 'Når vi skal sætte en container eller et stillads op på fortovet, skal vi søge om råden over vejareal. Det tager ofte flere dage, selvom det er standardsager. Med AI kunne ansøgningen tjekkes med det samme for placering, periode og afspærring, så de enkle sager kunne godkendes samme dag af en medarbejder, og kun de svære skulle vente.',
    area: 'erhverv',
    effects: ['hastighed', 'effektivitet'],
    beneficiaries: ['businesses'],
  },
  {
    author: 'birthe',
    title: 'Skriv kommunens breve, så almindelige mennesker kan forstå dem',
    body: 'Breve om hjælpemidler, betaling for hjemmehjælp og madservice er ofte skrevet i et sprog, som selv jeg, der har arbejdet på kontor hele mit liv, har svært ved at forstå. Kunne AI hjælpe sagsbehandlerne med at omskrive brevene til klart og enkelt dansk med det vigtigste først: Hvad betyder det for mig, og hvad skal jeg gøre? Den juridiske tekst kan stå nederst, og en medarbejder skal selvfølgelig godkende brevet.',
    area: 'borgerservice-administration',
    effects: ['kvalitet', 'bedre-service'],
    beneficiaries: ['citizens', 'employees'],
  },
  {
    author: 'lise',
    title: 'Et lokalt AI-netværk mellem kommunen og virksomhederne',
    body: 'Der sidder mange virksomheder i Gentofte, der arbejder med AI hver dag. Kommunen kunne invitere til et netværk, hvor man mødes et par gange om året, deler erfaringer og måske afprøver løsninger sammen i små pilotprojekter. Det ville give kommunen adgang til viden, og virksomhederne ville få indblik i de offentlige regler, som ofte er en barriere.',
    area: 'erhverv',
    effects: ['kvalitet'],
    beneficiaries: ['businesses', 'municipality'],
    concerns:
      'Kommunen skal passe på med at blive afhængig af enkelte leverandører. Netværket skal være åbent for alle og må ikke blive en genvej uden om udbud.',
  },
  {
    author: 'hanne',
    title: 'Spørg AI om instrukserne – hjælp til nye kolleger og vikarer',
    body: 'Vi har mange vikarer og nye kolleger i hjemmeplejen, og de har tit spørgsmål om, hvordan vi gør tingene hos os: Hvordan bestiller jeg et hjælpemiddel? Hvad er proceduren, hvis en borger er faldet? Svarene står i instrukserne, men de er svære at finde midt i en travl vagt. En AI-assistent, der kun svarer ud fra vores egne instrukser, kunne give hurtige svar og aflaste de faste medarbejdere, som ellers hele tiden bliver afbrudt.',
    area: 'arbejdsplads-medarbejdere',
    effects: ['hastighed', 'bedre-arbejdsmiljoe', 'kvalitet'],
    beneficiaries: ['employees'],
  },
];
