/**
 * The annex's survey section ("Borgernes holdning"), Danish and English; `{name}` is filled in by the
 * section. Kept out of src/locales/, whose messages are read by modules/messages.ts
 * (this is plain strings, used as they are).
 */
export default {
  da: {
    title: 'Borgernes holdning',
    intro: 'Resultater fra holdningsundersøgelsen om AI, som blev gennemført, før udvalget gik i gang. Idéerne ovenfor er borgernes idéer; her er borgernes holdning.',
    answers: 'Antal besvarelser',
    period: 'Periode',
    periodValue: '{from} – {to}',
    noAnswers: 'Ingen har besvaret spørgeskemaet endnu.',
    caveatTitle: 'Hvad undersøgelsen kan og ikke kan vise',
    caveat:
      'Alle kunne svare, og de, der svarede, har selv valgt at gøre det. Svarene viser derfor, hvad de, der deltog, mener, og hvilke holdninger og bekymringer der findes — men ikke, hvor udbredt en holdning er blandt alle borgere i Gentofte. Besvarelserne er ikke vægtet efter alder, bydel eller andet, og tal for en gruppe med færre end 5 svar vises ikke.',
    table: 'Nøgleresultater fra spørgeskemaet',
    question: 'Spørgsmål',
    answered: 'Svar',
    result: 'Resultat',
    agree: '{share} enige eller helt enige (gennemsnit {mean} på en skala fra 1 til 5)',
    scale: 'Gennemsnit {mean} på en skala fra 0 til 10',
    noMean: 'Ingen svar',
    top: 'Oftest valgt: {list}',
    failed: 'Spørgeskemaets resultater kunne ikke hentes',
    retry: 'Prøv igen',
  },
  en: {
    title: "Citizens' attitudes",
    intro: "Results of the attitude survey on AI carried out before the committee began. The ideas above are the citizens' ideas; here are the citizens' attitudes.",
    answers: 'Number of answers',
    period: 'Period',
    periodValue: '{from} – {to}',
    noAnswers: 'Nobody has answered the survey yet.',
    caveatTitle: 'What the survey can and cannot show',
    caveat:
      'Anyone could answer, and those who did chose to. The answers therefore show what the participants think and which attitudes and concerns exist — but not how widespread an attitude is among all citizens of Gentofte. The answers are not weighted by age, district or anything else, and figures for a group with fewer than 5 answers are not shown.',
    table: 'Key results of the survey',
    question: 'Question',
    answered: 'Answers',
    result: 'Result',
    agree: '{share} agree or strongly agree (mean {mean} on a scale from 1 to 5)',
    scale: 'Mean {mean} on a scale from 0 to 10',
    noMean: 'No answers',
    top: 'Chosen most often: {list}',
    failed: "The survey's results could not be loaded",
    retry: 'Try again',
  },
} as const;
