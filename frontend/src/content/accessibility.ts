import type { ContentPage } from './types';

/** The accessibility statement (tilgængelighedserklæring) required by the Danish web accessibility act. */
export const accessibility: Record<'da' | 'en', ContentPage> = {
  da: {
    intro: [
      'Gentofte Kommune ønsker, at alle kan bruge Deltag. Denne erklæring gælder for deltag-platformen og er udarbejdet efter lov om tilgængelighed af offentlige organers websteder og mobilapplikationer.',
    ],
    sections: [
      {
        heading: 'Overholdelsesstatus',
        paragraphs: [
          'Deltag er udviklet efter standarden WCAG 2.1 på niveau AA. Vi vurderer, at løsningen overholder standarden, med de forbehold, der står nedenfor.',
        ],
      },
      {
        heading: 'Sådan har vi testet',
        items: [
          'Automatisk test med axe-core af alle sider på dansk og engelsk ved hver ændring.',
          'Hele forløbet (opret konto, log ind, del en idé, stem, kommentér, log ud) testes med tastatur alene.',
          'Siderne testes ved 320 pixels bredde og ved 200 % zoom (se Oplæsning og stor tekst nedenfor).',
          'Fokus flyttes til sidens overskrift, når du skifter side, og sidens titel skifter med.',
          'Fejl i formularer vises samlet øverst og ved det felt, de handler om, og læses op af skærmlæsere.',
        ],
      },
      {
        heading: 'Oplæsning og stor tekst',
        paragraphs: [
          'Du kan få siderne læst op med din browsers egen oplæsning. Du kan også zoome til 200 %.',
          'Vi har tjekket alle offentlige sider i Chromium ved 200 % zoom. Intet skal rulles til siden.',
          'Der er ingen tekst i billeder. Sidens sprog står i koden, så oplæsningen bruger en dansk eller engelsk stemme.',
          'Siderne har overskrifter og lister i en fast rækkefølge. Så bliver de læst op i den rækkefølge, du ser dem.',
          'Vil du hellere skrive i hånden? Udskriv papirskemaet fra forløbets side, og aflever det i Borgerservice eller på biblioteket.',
        ],
      },
      {
        heading: 'Kendte begrænsninger',
        items: [
          'Tekster, som brugerne selv skriver (idéer og kommentarer), kan være svære at læse. Vi kan ikke rette dem, men moderatorer kan skjule indhold, der er krænkende.',
          'Løsningen er endnu ikke testet af en ekstern tilgængelighedsspecialist eller med alle skærmlæsere.',
        ],
      },
      {
        heading: 'Feedback og kontakt',
        paragraphs: [
          'Oplever du problemer med tilgængeligheden, eller har du brug for indholdet i en anden form, kan du kontakte Gentofte Kommune via gentofte.dk. Borgerservice kan også hjælpe dig med at dele en idé.',
        ],
        links: [{ href: 'https://www.gentofte.dk', text: 'Kontakt Gentofte Kommune' }],
      },
      {
        heading: 'Håndhævelse',
        paragraphs: ['Digitaliseringsstyrelsen fører tilsyn med offentlige organers websteder. Er du utilfreds med vores svar, kan du klage til Digitaliseringsstyrelsen.'],
        links: [{ href: 'https://www.was.digst.dk', text: 'Digitaliseringsstyrelsens tilsyn med webtilgængelighed' }],
      },
    ],
    updated: 'Erklæringen er udarbejdet 27. november 2026.',
  },
  en: {
    intro: [
      'Gentofte Municipality wants everyone to be able to use Deltag. This statement applies to the Deltag platform and follows the Danish act on the accessibility of public sector websites and mobile applications.',
    ],
    sections: [
      {
        heading: 'Compliance status',
        paragraphs: ['Deltag is built to WCAG 2.1 level AA. We consider it compliant with the standard, with the exceptions below.'],
      },
      {
        heading: 'How we tested',
        items: [
          'Automatic tests with axe-core of every page in Danish and English on every change.',
          'The whole journey (create an account, sign in, share an idea, vote, comment, sign out) is tested with the keyboard alone.',
          'Pages are tested at 320 pixels wide and at 200 % zoom.',
          'Focus moves to the page heading when you change page, and the page title changes with it.',
          'Form errors are listed at the top and at the field they concern, and are read out by screen readers.',
        ],
      },
      {
        heading: 'Read aloud and large text',
        paragraphs: [
          "You can have the pages read aloud by your browser's own read-aloud. You can also zoom to 200 %.",
          'We checked every public page in Chromium at 200 % zoom. Nothing has to be scrolled sideways.',
          "There is no text in images. The page's language is set in the code, so read-aloud uses a Danish or an English voice.",
          'The pages have headings and lists in a fixed order. So they are read aloud in the order you see them.',
          "Would you rather write by hand? Print the paper form from the process's page, and hand it in at Citizen Services or at the library.",
        ],
      },
      {
        heading: 'Known limitations',
        items: [
          'Texts written by users (ideas and comments) may be hard to read. We cannot change them, but moderators can hide abusive content.',
          'The platform has not yet been tested by an external accessibility specialist or with every screen reader.',
        ],
      },
      {
        heading: 'Feedback and contact',
        paragraphs: [
          'If you have problems with accessibility, or need the content in another form, contact Gentofte Municipality via gentofte.dk. Citizen services can also help you share an idea.',
        ],
        links: [{ href: 'https://www.gentofte.dk', text: 'Contact Gentofte Municipality' }],
      },
      {
        heading: 'Enforcement',
        paragraphs: ['The Danish Agency for Digital Government supervises public sector websites. If you are not satisfied with our answer, you can complain to the agency.'],
        links: [{ href: 'https://www.was.digst.dk', text: "The agency's web accessibility supervision" }],
      },
    ],
    updated: 'This statement was prepared on 27 November 2026.',
  },
};
