/**
 * Plain language (issue 15): an idea's "letlæst" summary (the idea page, the wizard's field, the
 * author's and the moderator's form) and a process's plain introduction (its page and the admin's
 * field). In their own chunk so the first visit does not carry them; merged under `plainPages.` by
 * composables/plain/usePlainI18n.ts. Citizens read these: short sentences, everyday words.
 */
export default {
  summary: {
    heading: 'Letlæst',
    showFull: 'Vis hele teksten',
    showPlain: 'Vis letlæst udgave',
    full: 'Hele teksten',
    label: 'Letlæst resumé',
    labelOptional: 'Letlæst resumé (valgfri)',
    hint: 'Fortæl kort om idéen med almindelige ord. Brug korte sætninger. Resuméet står først på idéens side.',
    left: 'Du har {n} tegn tilbage | Du har {n} tegn tilbage',
    over: 'Du har skrevet {n} tegn for meget | Du har skrevet {n} tegn for meget',
    add: 'Skriv et letlæst resumé',
    edit: 'Ret det letlæste resumé',
    save: 'Gem resuméet',
    remove: 'Fjern resuméet',
    cancel: 'Annullér',
    saving: 'Gemmer …',
    saved: 'Det letlæste resumé er gemt.',
    removed: 'Det letlæste resumé er fjernet.',
    empty: 'Skriv resuméet, eller vælg "Fjern resuméet".',
    none: 'Idéen har ikke et letlæst resumé endnu.',
    moderatorHint: 'Skriv det, hvis forfatteren ikke har. Ændringen kommer i loggen.',
  },
  intro: {
    show: 'Læs en letlæst udgave',
    hide: 'Skjul den letlæste udgave',
    heading: 'Letlæst udgave',
    field: 'Letlæst udgave af introduktionen (valgfri)',
    fieldHint: 'Forklar forløbet med korte sætninger og almindelige ord. Borgerne kan vælge at læse den på forløbets side.',
    long: 'Alle sætninger har højst {max} ord.',
    longOne: 'En sætning har over {max} ord:',
    longMany: '{n} sætninger har over {max} ord:',
  },
};
