import { describe, expect, it } from 'vitest';
import { toCsv } from '#functions/domain/export/csv';
import { signupTable } from '#functions/domain/events/signup-export';
import type { SignupRecord } from '#functions/domain/events/ports';

const row = (over: Partial<SignupRecord & { position: number }>): SignupRecord & { position?: number } => ({
  id: '01JAAAAAAAAAAAAAAAAAAAAAAA',
  processId: 'p',
  eventId: 'e',
  userId: 'u',
  name: 'Ane Andersen',
  state: 'seat',
  signedUpAt: '2026-12-01T09:30:00.000Z',
  diet: [],
  ...over,
});

describe('the sign-up export', () => {
  it('has Danish headers and a row per person, times as Danish time, diets in Danish', () => {
    const table = signupTable([
      row({ email: 'ane@example.dk', participantType: 'employee', diet: ['vegan', 'gluten-free'], checkedInAt: '2026-12-10T12:05:00.000Z' }),
      row({ name: 'Bo', state: 'waiting', position: 1, note: 'Kørestol' }),
    ]);
    expect(table.columns.map((c) => c.header)).toEqual([
      'Navn', 'E-mail', 'Deltagertype', 'Status', 'Nr. på ventelisten', 'Tilmeldt', 'Fik plads fra ventelisten', 'Tjekket ind', 'Kost', 'Kost, uddybning', 'Tilgængelighed', 'Bemærkning',
    ]);
    expect(table.rows[0]).toEqual(['Ane Andersen', 'ane@example.dk', 'Medarbejder', 'Plads', '', '01-12-2026 10:30', '', '10-12-2026 13:05', 'Veganer, Glutenfri', '', '', '']);
    expect(table.rows[1]).toEqual(['Bo', '', '', 'Venteliste', 1, '01-12-2026 10:30', '', '', '', '', '', 'Kørestol']);
  });

  it('neutralises a formula in what a person wrote (CSV)', () => {
    const csv = toCsv(signupTable([row({ name: '=HYPERLINK("http://x")', note: 'a;b' })]));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain('"a;b"');
  });
});
