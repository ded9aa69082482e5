/** One bar of a bar chart. */
export interface BarDatum {
  label: string;
  value: number;
}

/** A `{name: count}` record as bars, largest first (ties alphabetically, Danish order). */
export const barsOf = (record: Readonly<Record<string, number>>): BarDatum[] =>
  Object.entries(record)
    .map(([label, value]) => ({ label, value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'da'));
