import type { ContentPage } from './types';

/**
 * The privacy policy, factual about what this app stores. Keep it in step with the data model
 * (functions/src/store) and the SPA's use of browser storage (modules/session.ts, i18n.ts,
 * useIdeaDraft.ts, useIdeaList.ts, lib/surveyDraft.ts).
 */
export const privacy: Record<'da' | 'en', ContentPage> = {
  da: {
    intro: [
      'Deltag er Gentofte Kommunes platform, hvor borgere, virksomheder og medarbejdere kan dele idéer til, hvor og hvordan kommunen skal bruge kunstig intelligens, stemme på idéer og kommentere dem. Her kan du læse, hvilke oplysninger vi gemmer om dig, hvorfor, hvor længe, og hvad du selv kan gøre.',
    ],
    sections: [
      {
        heading: 'Dataansvarlig',
        paragraphs: [
          'Gentofte Kommune er dataansvarlig for oplysningerne i Deltag. Har du spørgsmål til, hvordan vi behandler dine oplysninger, eller vil du bruge dine rettigheder, kan du kontakte kommunen og kommunens databeskyttelsesrådgiver via gentofte.dk.',
        ],
        links: [{ href: 'https://www.gentofte.dk', text: 'Gentofte Kommune på gentofte.dk' }],
      },
      {
        heading: 'Hvorfor vi behandler oplysningerne',
        paragraphs: [
          'Oplysningerne bruges til at gennemføre borgerinddragelsen i opgaveudvalget om kunstig intelligens: at vise idéer og kommentarer, tælle stemmer, sikre at hver person kun stemmer én gang på en idé, moderere indhold og give udvalget et overblik over, hvem der støtter idéerne (borgere, virksomheder og medarbejdere). Behandlingen sker som led i kommunens opgaver (databeskyttelsesforordningens artikel 6, stk. 1, litra e).',
          'Stemmer om, hvordan kommunen skal bruge kunstig intelligens, kan sige noget om dine holdninger. Derfor viser vi aldrig, hvem der har stemt på hvad: andre ser kun antallet af stemmer.',
        ],
      },
      {
        heading: 'Hvad vi gemmer',
        items: [
          'Din konto (i Amazon Cognito): din e-mailadresse, om den er bekræftet, og din adgangskode i en form, der ikke kan læses tilbage.',
          'Din profil: det navn, du vælger at vise, om du deltager som borger, erhvervsdrivende eller medarbejder, og for erhvervsdrivende eventuelt virksomhedens navn.',
          'Dine idéer: overskrift, beskrivelse, område, forventede effekter, hvem det gavner og dine bekymringer. De vises offentligt med dit navn og din deltagertype.',
          'Dine kommentarer: tekst og eventuel holdning (for, imod, neutral). De vises offentligt med dit navn og din deltagertype.',
          'Dine stemmer: hvilken idé du har stemt på, hvornår, og din deltagertype. De vises kun som antal.',
          'Dine anmeldelser: hvad du har anmeldt, årsagen og en eventuel tekst. Kun moderatorer ser dem, og de ser ikke, hvem der har anmeldt.',
          'Tællere mod misbrug: hvor mange stemmer, kommentarer, idéer og anmeldelser din konto har sendt inden for det seneste minut eller den seneste time. De slettes automatisk efter cirka en time, og de slettes med det samme, når du sletter din konto.',
          'Tekniske logs: hvilken adresse i programmet der blev kaldt, hvornår og med hvilket resultat (ingen IP-adresse og ingen tekster). De slettes efter 30 dage.',
        ],
      },
      {
        heading: 'Hvad din browser gemmer',
        items: [
          'Når du er logget ind, holder siden din adgangsnøgle i hukommelsen, og en fornyelsesnøgle i browserens sessionStorage, så du forbliver logget ind, hvis du genindlæser siden. Begge forsvinder, når du lukker fanen eller logger ud. Vi gemmer aldrig login-nøgler i localStorage eller i cookies.',
          'Et udkast til en idé, du er ved at skrive, og et tilfældigt tal til den tilfældige rækkefølge af idéer gemmes i sessionStorage og forsvinder, når du lukker fanen.',
          'Dit valg af sprog (dansk eller engelsk) gemmes i localStorage. Det er ikke en personoplysning.',
          'Deltag bruger ingen cookies, ingen statistik- eller reklameværktøjer og sender ingen oplysninger til andre.',
        ],
      },
      {
        heading: 'Spørgeskemaer',
        paragraphs: [
          'Når du besvarer et spørgeskema, gemmes dit svar uden navn, bruger-id og klokkeslæt – kun dagen. Ved siden af gemmer vi en markering af, at du har svaret, så du ikke kan svare to gange. Markeringen siger ikke, hvad du svarede, og svaret siger ikke, hvem du er. Derfor indeholder din fil fra Min side kun, hvilke spørgeskemaer du har besvaret som logget ind, ikke dine svar, og svarene kan ikke slettes for dig alene.',
          'Svarer du uden at logge ind, laver din browser et tilfældigt nummer, som gemmes i localStorage sammen med dine svar, mens du udfylder skemaet. Vi gemmer kun en hash af nummeret som markering af, at browseren har svaret.',
          'Fritekstsvar læses af en moderator, før de offentliggøres, og skjules, hvis de kan identificere nogen. Resultaterne viser aldrig en gruppe med under 5 svar. Markeringerne slettes, når du sletter din konto, og senest når forløbets frist for personoplysninger udløber; svarene bliver i resultaterne.',
        ],
      },
      {
        heading: 'Hvem der ser oplysningerne',
        paragraphs: [
          'Alle kan se idéer og kommentarer med det navn og den deltagertype, du har valgt. Kommunens moderatorer kan se anmeldelser og skjule indhold. Udvalget får idéerne og antallet af stemmer fordelt på borgere, virksomheder og medarbejdere. Oplysningerne opbevares hos Amazon Web Services i EU (Stockholm) som databehandler for kommunen.',
        ],
      },
      {
        heading: 'Hvor længe vi gemmer oplysningerne',
        paragraphs: [
          'Din konto, profil, dine stemmer og anmeldelser gemmes, indtil du sletter din konto. Idéer og kommentarer gemmes, så længe forløbet og udvalgets arbejde kræver det.',
        ],
      },
      {
        heading: 'Dine rettigheder',
        items: [
          'Indsigt og dataportabilitet: på Min side kan du hente alt, hvad Deltag gemmer om dig, som en fil. Filen har også moderatorernes afgørelser om dig og dit indhold med begrundelserne (fx en blokering eller en skjult idé), og hvad der afventer en moderator, fordi andre har anmeldt det. Navnet på den medarbejder, der traf afgørelsen, står ikke i filen: afgørelsen er kommunens.',
          'Berigtigelse: du kan rette dit navn og din deltagertype på Min side og redigere en kommentar i 15 minutter efter, du har skrevet den.',
          'Sletning: på Min side kan du slette din konto. Så slettes din profil, dine stemmer, dine anmeldelser, markeringerne af, hvilke spørgeskemaer du har besvaret, og dit login; dine kommentarer erstattes af "Kommentaren er slettet", og dine idéer bliver stående uden dit navn. Dine tællere mod misbrug og oplysningerne om, hvilke mails Deltag har sendt dig, slettes med det samme.',
          'Kommunens log over afgørelser bevares, også når du sletter din konto, for kommunen skal kunne dokumentere sine afgørelser (forvaltningsretten). Afgørelser om dig, fx en blokering med begrundelsen, og hvis du er medarbejder, de afgørelser, du selv har truffet, står derefter under et pseudonym i stedet for din konto: en kode, som ikke kan føres tilbage til dig uden en nøgle, kun Deltag har, men som holder afgørelserne om den samme person sammen. Hvad du har skrevet under på som medarbejder, fx en statusopdatering på en anbefaling, står bagefter med "Tidligere medarbejder" i stedet for dit navn.',
          'Du kan klage til Datatilsynet, hvis du er utilfreds med, hvordan vi behandler dine oplysninger.',
        ],
        links: [{ href: 'https://www.datatilsynet.dk', text: 'Datatilsynet' }],
      },
      {
        heading: 'Kunstig intelligens i Deltag',
        paragraphs: ['Deltag bruger ikke kunstig intelligens til at behandle dine idéer, kommentarer eller stemmer. Alle beslutninger om moderation træffes af mennesker.'],
      },
    ],
    updated: 'Senest opdateret 2. december 2026.',
  },
  en: {
    intro: [
      "Deltag is Gentofte Municipality's platform where citizens, businesses and employees can share ideas on where and how the municipality should use artificial intelligence, vote on ideas and comment on them. Here you can read what we store about you, why, for how long, and what you can do.",
    ],
    sections: [
      {
        heading: 'Data controller',
        paragraphs: [
          "Gentofte Municipality is the data controller for the information in Deltag. If you have questions about how we process your data, or want to use your rights, contact the municipality and its data protection officer via gentofte.dk.",
        ],
        links: [{ href: 'https://www.gentofte.dk', text: 'Gentofte Municipality at gentofte.dk' }],
      },
      {
        heading: 'Why we process the data',
        paragraphs: [
          "The data is used to run the public participation of the task committee on artificial intelligence: to show ideas and comments, count votes, make sure each person votes only once per idea, moderate content, and give the committee an overview of who supports the ideas (citizens, businesses and employees). The processing is part of the municipality's tasks (GDPR Article 6(1)(e)).",
          'Votes on how the municipality should use artificial intelligence can say something about your opinions. We therefore never show who voted for what: others only see the number of votes.',
        ],
      },
      {
        heading: 'What we store',
        items: [
          'Your account (in Amazon Cognito): your email address, whether it is confirmed, and your password in a form that cannot be read back.',
          'Your profile: the name you choose to show, whether you take part as a citizen, business or employee, and for businesses optionally the business name.',
          'Your ideas: title, description, area, expected effects, who benefits and your concerns. They are shown publicly with your name and participant type.',
          'Your comments: text and optional view (for, against, neutral). They are shown publicly with your name and participant type.',
          'Your votes: which idea you voted for, when, and your participant type. They are only shown as a count.',
          'Your reports: what you reported, the reason and any text. Only moderators see them, and they do not see who reported.',
          'Abuse counters: how many votes, comments, ideas and reports your account sent within the last minute or hour. They are deleted automatically after about an hour, and deleted at once when you delete your account.',
          'Technical logs: which address in the application was called, when and with what result (no IP address and no texts). They are deleted after 30 days.',
        ],
      },
      {
        heading: 'What your browser stores',
        items: [
          "While you are signed in, the page keeps your access token in memory and a refresh token in the browser's sessionStorage, so you stay signed in if you reload the page. Both are gone when you close the tab or sign out. We never store sign-in tokens in localStorage or cookies.",
          'A draft of an idea you are writing, and a random number for the random order of ideas, are kept in sessionStorage and are gone when you close the tab.',
          'Your choice of language (Danish or English) is kept in localStorage. It is not personal data.',
          'Deltag uses no cookies, no analytics or advertising tools, and sends no data to anyone else.',
        ],
      },
      {
        heading: 'Surveys',
        paragraphs: [
          'When you answer a survey, your answer is stored without a name, user id or time of day – only the day. Beside it we store a record that you answered, so that you cannot answer twice. The record does not say what you answered, and the answer does not say who you are. So the file from My page only lists the surveys you answered while signed in, not your answers, and the answers cannot be erased for you alone.',
          'If you answer without signing in, your browser makes a random number, kept in localStorage together with your answers while you fill in the survey. We only store a hash of the number as the record that the browser has answered.',
          "Free-text answers are read by a moderator before they are published, and hidden if they could identify someone. The results never show a group with fewer than 5 answers. The records that you answered are deleted when you delete your account, and at the latest when the process's time limit for personal data runs out; the answers stay in the results.",
        ],
      },
      {
        heading: 'Who sees the data',
        paragraphs: [
          "Everyone can see ideas and comments with the name and participant type you chose. The municipality's moderators can see reports and hide content. The committee receives the ideas and the number of votes split by citizens, businesses and employees. The data is stored with Amazon Web Services in the EU (Stockholm) as the municipality's data processor.",
        ],
      },
      {
        heading: 'How long we keep the data',
        paragraphs: [
          "Your account, profile, votes and reports are kept until you delete your account. Ideas and comments are kept as long as the consultation and the committee's work need them.",
        ],
      },
      {
        heading: 'Your rights',
        items: [
          "Access and portability: on My page you can download everything Deltag stores about you as a file. The file also holds the moderators' decisions about you and your content with their reasons (a block or a hidden idea, for example), and what is waiting for a moderator because others reported it. The name of the employee who took a decision is not in the file: the decision is the municipality's.",
          'Rectification: you can change your name and participant type on My page, and edit a comment for 15 minutes after writing it.',
          'Erasure: on My page you can delete your account. Your profile, votes, reports, the records of which surveys you answered, and your sign-in are then deleted; your comments are replaced by "The comment has been deleted", and your ideas stay without your name. Your abuse counters and the records of which mails Deltag sent you are deleted at once.',
          'The municipality\'s log of decisions is kept, also when you delete your account, because the municipality must be able to document its decisions (Danish administrative law). Decisions about you, such as a block with its reason, and if you are an employee, the decisions you took yourself, then stand under a pseudonym instead of your account: a code that cannot be traced back to you without a key only Deltag has, but that keeps the decisions about the same person together. What you signed as an employee, such as a progress update on a recommendation, then shows "Former employee" (Danish: "Tidligere medarbejder") instead of your name.',
          'You can complain to the Danish Data Protection Agency (Datatilsynet) if you are unhappy with how we process your data.',
        ],
        links: [{ href: 'https://www.datatilsynet.dk', text: 'Datatilsynet' }],
      },
      {
        heading: 'Artificial intelligence in Deltag',
        paragraphs: ['Deltag does not use artificial intelligence to process your ideas, comments or votes. All moderation decisions are made by people.'],
      },
    ],
    updated: 'Last updated 2 December 2026.',
  },
};
