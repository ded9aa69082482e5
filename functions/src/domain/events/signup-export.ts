// handler --> (use case) --> SignupStore, EventReads; the writers in domain/export/{csv,xlsx}.ts
import type { DietNeed } from '#shared/rules/events';
import { localDateTime } from '../../lib/copenhagen-time';
import { toCsv } from '../export/csv';
import type { Column, Table } from '../export/sheets';
import { getProcess } from '../processes';
import { storedEvent } from './event-views';
import type { SignupRecord } from './ports';
import { allSignups, type SignupListDeps } from './signup-lists';

/**
 * The sign-up list as a file for the organisers (the door list, the caterer's count): CSV for Danish
 * Excel (`;`, BOM) or XLSX, one row per person in the list's order, headers and values in Danish, times
 * as Danish time. Texts people wrote (names, notes) are neutralised against formulas by the writers.
 */

const participantNames: Record<string, string> = { citizen: 'Borger', business: 'Erhvervsdrivende', employee: 'Medarbejder' };
const dietNames: Record<DietNeed, string> = {
  vegetarian: 'Vegetar',
  vegan: 'Veganer',
  'gluten-free': 'Glutenfri',
  'lactose-free': 'Laktosefri',
  halal: 'Halal',
  other: 'Andet',
};

const col = (header: string, width: number, wrap = false): Column => ({ header, kind: 'text', width, ...(wrap ? { wrap } : {}) });
export const signupColumns: Column[] = [
  col('Navn', 28),
  col('E-mail', 32),
  col('Deltagertype', 18),
  col('Status', 12),
  { header: 'Nr. på ventelisten', kind: 'number', width: 10 },
  col('Tilmeldt', 18),
  col('Fik plads fra ventelisten', 18),
  col('Tjekket ind', 18),
  col('Kost', 24),
  col('Kost, uddybning', 30, true),
  col('Tilgængelighed', 40, true),
  col('Bemærkning', 40, true),
];

const when = (iso: string | undefined) => (iso ? localDateTime(new Date(iso)) : '');

export function signupTable(signups: readonly (SignupRecord & { position?: number })[]): Table {
  return {
    columns: signupColumns,
    rows: signups.map((s) => [
      s.name,
      s.email ?? '',
      s.participantType ? (participantNames[s.participantType] ?? s.participantType) : '',
      s.state === 'seat' ? 'Plads' : 'Venteliste',
      s.state === 'waiting' ? (s.position ?? '') : '',
      when(s.signedUpAt),
      when(s.promotedAt),
      when(s.checkedInAt),
      (s.diet ?? []).map((d) => dietNames[d]).join(', '),
      s.dietNote ?? '',
      s.accessibility ?? '',
      s.note ?? '',
    ]),
  };
}

export interface SignupFile {
  contentType: string;
  body: string | Uint8Array;
  filename: string;
}

/** The file of an event's sign-ups: `tilmeldinger-<eventId>.csv|xlsx`. */
export async function exportSignups(deps: SignupListDeps, processId: string, eventId: string, format: 'csv' | 'xlsx', now: Date): Promise<SignupFile> {
  await getProcess(deps.processes, processId);
  const event = await storedEvent(deps, processId, eventId);
  const table = signupTable(await allSignups(deps.signups, processId, eventId));
  if (format === 'csv') return { contentType: 'text/csv; charset=utf-8', body: toCsv(table), filename: `tilmeldinger-${eventId}.csv` };
  // Loaded on first use, as the other exports do: exceljs is large and CSV never needs it.
  const { toXlsx } = await import('#functions/domain/export/xlsx');
  const body = await toXlsx({
    sheetName: 'Tilmeldinger',
    table,
    created: now,
    extraSheets: [
      {
        name: 'Om udtrækket',
        rows: [
          ['Arrangement', event.title.da],
          ['Tidspunkt', `${when(event.startsAt)} – ${when(event.endsAt)}`],
          ['Pladser', event.capacity],
          ['Tilmeldt med plads', event.seatsTaken],
          ['På ventelisten', event.waitingCount],
          ['Tjekket ind', event.checkedIn],
          ['Udtrukket', localDateTime(now)],
        ],
      },
    ],
  });
  return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body, filename: `tilmeldinger-${eventId}.xlsx` };
}
