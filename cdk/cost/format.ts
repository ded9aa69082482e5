import type { Bill } from './bill';
import type { Counts, Measured } from './measured';

const usd = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(3));
const qty = (n: number) => (n >= 1000 ? Math.round(n).toLocaleString('en-US') : Number(n.toPrecision(3)).toString());

/** The bill as a plain-text table: one row per line, a subtotal per service, the total in USD and DKK. */
export function formatBill(bill: Bill, usdToDkk: number): string[] {
  const rows: string[][] = [['service', 'item', 'quantity', 'USD']];
  for (const s of bill.services) {
    for (const l of bill.lines.filter((x) => x.service === s.service)) rows.push([l.service, l.item, qty(l.quantity), usd(l.usd)]);
  }
  rows.push(['', '', '', '']);
  for (const s of bill.services) rows.push([s.service, 'subtotal', '', usd(s.usd)]);
  rows.push(['TOTAL', `a month (DKK ${bill.totalDkk.toFixed(0)} at ${usdToDkk} DKK/USD)`, '', usd(bill.totalUsd)]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  '));
}

/** The per-service subtotals of several bills side by side, as a Markdown table (docs/cost.md, README). */
export function markdownTable(columns: { title: string; bill: Bill }[], usdToDkk: number): string[] {
  const services = [...new Set(columns.flatMap((c) => c.bill.services.map((s) => s.service)))];
  const cell = (b: Bill, service: string) => usd(b.services.find((s) => s.service === service)?.usd ?? 0);
  return [
    `| service (USD a month) | ${columns.map((c) => c.title).join(' | ')} |`,
    `|---|${columns.map(() => '---:').join('|')}|`,
    ...services.map((s) => `| ${s} | ${columns.map((c) => cell(c.bill, s)).join(' | ')} |`),
    `| **total USD** | ${columns.map((c) => `**${usd(c.bill.totalUsd)}**`).join(' | ')} |`,
    `| total DKK (${usdToDkk}) | ${columns.map((c) => (c.bill.totalUsd * usdToDkk).toFixed(0)).join(' | ')} |`,
  ];
}

/** What each page and action costs, from the measured file, as a Markdown table. */
export function measuredTable(m: Measured): string[] {
  const row = (name: string, c: Counts) =>
    `| ${name} | ${qty(c.apiRequests)} | ${qty(c.rcu)} | ${qty(c.wcu)} | ${qty(c.staticRequests)} | ${(c.staticBytes / 1000).toFixed(1)} | ${(c.apiBytes / 1000).toFixed(1)} | ${Math.round(c.apiMs)} |`;
  return [
    '| page or action | API requests (= Lambda invocations) | read units | write units | static files | static kB | API kB | gateway ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...(Object.entries(m.pages) as [string, { cold: Counts; warm: Counts }][]).flatMap(([p, v]) => [row(`${p} page, cold`, v.cold), row(`${p} page, warm`, v.warm)]),
    ...(Object.entries(m.actions) as [string, Counts][]).map(([a, c]) => row(a, c)),
  ];
}
