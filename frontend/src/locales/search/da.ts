/** The new-idea wizard's similar ideas (issue 18), loaded with the wizard's chunk. */
export default {
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
