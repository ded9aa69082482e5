import type { SignupRow } from '../../api/eventsWorkspace';
import { te } from './i18n';

/**
 * A sign-up's needs as the door list shows them, one line each (diet, accessibility, the free-text
 * note), in the reader's language; empty when the person asked for nothing. Plain text only.
 */
export function needLines(row: Pick<SignupRow, 'diet' | 'dietNote' | 'accessibility' | 'note'>): string[] {
  const lines: string[] = [];
  const diets = row.diet.map((d) => te(`diets.${d}`));
  if (row.dietNote) diets.push(row.dietNote);
  if (diets.length) lines.push(`${te('signups.diet')}: ${diets.join(', ')}`);
  if (row.accessibility) lines.push(`${te('signups.accessibility')}: ${row.accessibility}`);
  if (row.note) lines.push(`${te('signups.note')}: ${row.note}`);
  return lines;
}

/** The rows with a seat and those waiting, each in the server's order (seats by time, the list by position). */
export const splitRows = (rows: readonly SignupRow[]) => ({
  seats: rows.filter((r) => r.state === 'seat'),
  waiting: rows.filter((r) => r.state === 'waiting'),
});
