/**
 * Search's messages (issue 18): the idea list's search and phase filter, and the new-idea wizard's
 * similar ideas. They load with those pages' chunks, never with the first visit (its budget is tight).
 */
export default {
  list: {
    phase: 'Fase',
    allPhases: 'Alle faser',
    relevance: 'Sorteret efter relevans',
    empty: 'Vi fandt ingen idéer, der passer til din søgning',
    emptyHint: 'Prøv med færre ord, tjek stavningen, eller fjern et filter.',
  },
  similar: {
    heading: 'Ligner din idé en af disse?',
    intro: 'Andre har måske allerede foreslået noget lignende. Du kan støtte deres idé i stedet, eller fortsætte med din egen.',
    found: 'Vi fandt {n} idé, der ligner din. Den står under feltet. | Vi fandt {n} idéer, der ligner din. De står under feltet.',
    votes: '{n} stemme | {n} stemmer',
    comments: '{n} kommentar | {n} kommentarer',
    preview: 'Læs mere',
    open: 'Gå til idéen',
    openHint: 'Din kladde er gemt, så du kan komme tilbage og skrive videre.',
    support: 'Støt denne idé i stedet',
    supported: 'Tak. Du støtter nu idéen.',
    alreadyVoted: 'Du har allerede stemt på denne idé.',
    votingClosed: 'Der kan ikke stemmes lige nu, men du kan læse idéen og skrive en kommentar.',
    continue: 'Min idé er en anden – fortsæt',
  },
};
