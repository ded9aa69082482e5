import type { ConsultationResponse, DocumentDiff, DocumentView, Round } from '#shared/schemas/consultation';
import type { Process } from '#shared/schemas/process';
import { process } from './fixtures';

const day = 86_400_000;
const now = Date.now();
const at = (days: number) => new Date(now + days * day).toISOString();

/** The fixture process with a consultation phase that starts in ten days (the follow-group's round is open before it). */
export const consultationProcess: Process = {
  ...process,
  phases: [
    { kind: 'ideas', title: { da: 'Idéer' }, startsAt: at(-5), endsAt: at(10) },
    { kind: 'consultation', title: { da: 'Høring' }, startsAt: at(10), endsAt: at(30) },
    { kind: 'closed', title: { da: 'Afsluttet' }, startsAt: at(30), endsAt: at(3000) },
  ],
};

export const rounds: Round[] = [
  { id: 'foelgegruppe', kind: 'invited', title: { da: 'Følgegruppens runde', en: "The follow-group's round" }, startsAt: at(-2), endsAt: at(8) },
  { id: 'offentlig', kind: 'public', title: { da: 'Offentlig høring', en: 'Public consultation' }, startsAt: at(10), endsAt: at(30) },
];

const ids = { a: '01KB0000000000000000000001', b: '01KB0000000000000000000002', c: '01KB0000000000000000000003', d: '01KB0000000000000000000004' };
export const responseIds = ids;

export const documentView: DocumentView = {
  processId: process.id,
  version: {
    documentId: 'etik',
    version: 2,
    title: { da: 'Etiske retningslinjer', en: 'Ethical guidelines' },
    summary: { da: 'Udkast til retningslinjer. Læs mere på https://gentofte.dk/ai.' },
    blocks: [
      { kind: 'heading', text: { da: 'Formål' } },
      { kind: 'paragraph', no: 1, text: { da: 'Kommunen bruger AI til at hjælpe borgerne.' }, cites: ['aabenhed'] },
      { kind: 'paragraph', no: 3, text: { da: 'Et menneske træffer altid afgørelsen:\n\n- i sager om ydelser\n- i sager om børn' } },
      { kind: 'heading', text: { da: 'Data' } },
      { kind: 'paragraph', no: 2, text: { da: 'Vi bruger kun de data, der er nødvendige.' } },
    ],
    note: { da: '§ 3 er nyt.' },
    changes: [{ paragraphNo: 3, responseIds: [ids.a] }],
    publishedAt: at(-1),
  },
  versions: [
    { version: 1, publishedAt: at(-3) },
    { version: 2, publishedAt: at(-1) },
  ],
  references: { name: { da: 'Det dataetiske kompas' }, items: [{ id: 'aabenhed', label: { da: 'Åbenhed', en: 'Openness' } }] },
  rounds,
  figures: [
    {
      paragraphNo: 1,
      byRound: [
        { roundId: 'foelgegruppe', total: { agree: 12, neutral: 2, disagree: 3 }, byType: { employee: { agree: 12, neutral: 2, disagree: 3 } } },
        { roundId: 'offentlig', total: { agree: 0, neutral: 0, disagree: 0 }, byType: {} },
      ],
      comments: 2,
      answered: 1,
    },
  ],
  comments: 2,
  answered: 1,
};

const response = (id: string, overrides: Partial<ConsultationResponse> = {}): ConsultationResponse => ({
  id,
  processId: process.id,
  documentId: 'etik',
  version: 2,
  paragraphNo: 1,
  roundId: 'foelgegruppe',
  roundKind: 'invited',
  position: 'disagree',
  state: 'visible',
  comment: 'Det skal stå, hvem der har ansvaret.',
  authorName: 'Bo Medarbejder',
  authorType: 'employee',
  edited: false,
  createdAt: at(-1),
  updatedAt: at(-1),
  ...overrides,
});

export const paragraphResponses: ConsultationResponse[] = [
  response(ids.a, { answer: { status: 'adopted', text: 'Vi har tilføjet § 3.', answeredAt: at(-1) } }),
  response(ids.b, { roundId: 'offentlig', roundKind: 'public', position: 'agree', comment: 'Godt, se https://example.dk/kilde.', authorName: 'Carla Borger', authorType: 'citizen', version: 1 }),
  response(ids.c, { position: 'neutral', comment: undefined }),
];

/** The signed-in person's own response to § 1 in the follow-group's round, written just now. */
export const myResponse = response(ids.d, { position: 'agree', comment: 'Fint.', authorName: 'Anna', createdAt: new Date().toISOString() });

export const myRounds = (member: boolean) => ({
  rounds: [
    { roundId: 'foelgegruppe', member, verdict: member ? 'open' : 'not-member' },
    { roundId: 'offentlig', member: false, verdict: 'not-open' },
  ],
});

export const diff: DocumentDiff = {
  documentId: 'etik',
  from: 1,
  to: 2,
  entries: [
    { kind: 'heading', after: 'Formål' },
    { paragraphNo: 1, kind: 'changed', before: 'Kommunen bruger AI.', after: 'Kommunen bruger AI til at hjælpe borgerne.', pieces: [{ op: 'same', text: 'Kommunen bruger AI' }, { op: 'removed', text: '.' }, { op: 'added', text: ' til at hjælpe borgerne.' }], because: [{ id: ids.a, body: 'Det skal stå, hvem der har ansvaret.', authorName: 'Bo Medarbejder' }] },
    { paragraphNo: 3, kind: 'added', after: 'Et menneske træffer altid afgørelsen.' },
    { paragraphNo: 2, kind: 'unchanged', before: 'Vi bruger kun de data, der er nødvendige.', after: 'Vi bruger kun de data, der er nødvendige.' },
  ],
};
