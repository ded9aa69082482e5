import type { TargetCheck } from '../../test/bench/report';
import { billFor } from './bill';
import { markdownTable } from './format';
import { inventoryOf, unpricedTypes } from './inventory';
import { loadMeasured } from './measured';
import { loadPrices, PRICE_FILE } from './prices';
import { scenarios } from './scenarios';
import { synthTemplates } from './synth';
import { monthlyUsage } from './usage';

/**
 * The cost table for `npm run bench`'s report: the three scenarios' monthly bills from the committed
 * measurement (cdk/cost/measured-requests.json) and the price file. No stack: the requests were measured
 * by `npm run cost:measure`; this only prices them against the templates as they are now.
 */
export function measureCost() {
  const prices = loadPrices();
  const measured = loadMeasured();
  const inventory = inventoryOf(synthTemplates());
  const bills = scenarios.map((s) => ({ title: s.title, bill: billFor(monthlyUsage(s.scenario, measured, inventory), inventory, prices) }));
  return {
    priceFile: PRICE_FILE,
    pricesCompiled: prices.compiled,
    usdToDkk: prices.usdToDkk,
    measuredAt: measured.measuredAt,
    measuredCommit: measured.commit,
    unpriced: unpricedTypes(inventory, prices.free),
    scenarios: bills.map(({ title, bill }) => ({ title, totalUsd: Math.round(bill.totalUsd * 100) / 100, services: bill.services.map((s) => ({ ...s, usd: Math.round(s.usd * 1000) / 1000 })) })),
  };
}
export type CostResult = ReturnType<typeof measureCost>;

export function checksCost(result: CostResult): TargetCheck[] {
  return [{ name: 'cost: every billable resource type priced', value: result.unpriced.length === 0, target: 'true', pass: result.unpriced.length === 0 }];
}

export function formatCost(result: CostResult): string[] {
  const columns = result.scenarios.map((s) => ({ title: s.title, bill: { lines: [], services: s.services, totalUsd: s.totalUsd, totalDkk: s.totalUsd * result.usdToDkk } }));
  return [
    `Cost a month (prices ${result.priceFile}, requests measured ${result.measuredAt} at ${result.measuredCommit.slice(0, 7)})`,
    ...markdownTable(columns, result.usdToDkk),
    ...(result.unpriced.length ? [`Unpriced resource types: ${result.unpriced.join(', ')}`] : []),
  ];
}
