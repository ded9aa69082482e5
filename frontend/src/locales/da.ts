/**
 * Danish, the platform's first language. Keys are namespaced `feature.part`; messages use
 * vue-i18n's syntax (`{name}` placeholders, `singular | plural`) so the later switch to vue-i18n
 * keeps them as they are.
 */
export default {
  app: {
    organisation: 'Gentofte Kommune',
    name: 'Deltag',
    titleSuffix: 'Deltag – Gentofte Kommune',
    footer: 'Deltag er Gentofte Kommunes platform for borgerinddragelse.',
  },
  process: {
    loading: 'Henter forløbet …',
    none: 'Der er ingen forløb endnu',
    noneHint: 'Kig forbi igen senere.',
    phases: {
      heading: 'Forløbets faser',
      current: 'Nu',
      until: 'til',
    },
    areas: {
      heading: 'Områder',
    },
  },
  idea: {
    list: {
      heading: 'Nyeste idéer',
      loading: 'Henter idéer …',
      empty: 'Der er ingen idéer endnu',
      emptyHint: 'Når nogen deler en idé, kan du se den her.',
      more: 'Vis flere',
      loadingMore: 'Henter flere …',
    },
    card: {
      area: 'Område',
      author: '{name}, {type}',
      votes: '{n} stemme | {n} stemmer',
      comments: '{n} kommentar | {n} kommentarer',
      posted: 'Delt',
    },
    status: {
      published: 'Offentliggjort',
      under_review: 'Under behandling',
      selected: 'Udvalgt',
      not_selected: 'Ikke udvalgt',
      implemented: 'Gennemført',
    },
  },
  participant: {
    citizen: 'borger',
    business: 'erhvervsdrivende',
    employee: 'medarbejder',
  },
  error: {
    heading: 'Siden kunne ikke hentes',
    ideas: 'Idéerne kunne ikke hentes',
    network: 'Vi kunne ikke få forbindelse til serveren. Tjek din internetforbindelse, og prøv igen.',
    retry: 'Prøv igen',
  },
};
