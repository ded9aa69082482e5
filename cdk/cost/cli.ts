import { parseArgs } from 'node:util';
import { billFor } from './bill';
import { formatBill, markdownTable, measuredTable } from './format';
import { inventoryOf, unpricedTypes } from './inventory';
import { loadMeasured } from './measured';
import { loadPrices, PRICE_FILE } from './prices';
import { scenarios } from './scenarios';
import { synthTemplates } from './synth';
import { defaultAssumptions, monthlyUsage, type Assumptions, type Scenario } from './usage';

/**
 * `npm run cost -- --participants 5000 --ideas 500 --votes 20000 --comments 5000 --views 200000 --months 6`
 * prints a month's AWS bill per service. `--viral-votes N` adds one shared idea's N votes (each a new
 * participant); `--free-tier` takes AWS's always-free allowances off; `--assume key=value` changes an
 * assumption (usage.ts); `--table` prints the README's three scenarios as Markdown instead, `--measured`
 * what each page and action costs.
 */
const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '5000' },
    ideas: { type: 'string', default: '500' },
    votes: { type: 'string', default: '20000' },
    comments: { type: 'string', default: '5000' },
    views: { type: 'string', default: '200000' },
    months: { type: 'string', default: '6' },
    'viral-votes': { type: 'string', default: '0' },
    'free-tier': { type: 'boolean', default: false },
    assume: { type: 'string', multiple: true, default: [] },
    table: { type: 'boolean', default: false },
    measured: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

/** A flag's number, or a plain message and exit code 2 (no stack trace for a typo). */
function count(name: string, raw: string, min: number): number {
  const n = Number(raw);
  if (raw.trim() !== '' && Number.isFinite(n) && n >= min) return n;
  console.error(`--${name} must be a number ≥ ${min}, got "${raw}"`);
  process.exit(2);
}

const assumptions: Assumptions = { ...defaultAssumptions };
for (const pair of values.assume) {
  const [key, raw] = pair.split('=');
  if (!key || !(key in assumptions) || typeof assumptions[key as keyof Assumptions] !== 'number') {
    console.error(`--assume ${pair}: no numeric assumption "${key}"; there are ${Object.keys(defaultAssumptions).filter((k) => k !== 'pageShare').join(', ')}`);
    process.exit(2);
  }
  (assumptions as Record<string, unknown>)[key] = count(`assume ${key}`, raw ?? '', 0);
}

const prices = loadPrices();
const measured = loadMeasured();
const inventory = inventoryOf(synthTemplates());
const missing = unpricedTypes(inventory, prices.free);
if (missing.length) console.warn(`Not priced (add to cdk/cost/inventory.ts or the price file's free list): ${missing.join(', ')}`);
const header = [
  `Prices: cdk/cost/${PRICE_FILE} (${prices.region}, compiled ${prices.compiled}; see its confidence notes). Free tier ${values['free-tier'] ? 'applied' : 'not applied'} (Cognito's 10,000 MAU always).`,
  `Requests per page and action: cdk/cost/measured-requests.json, measured ${measured.measuredAt} at ${measured.commit.slice(0, 10)}${measured.dirty ? ' (uncommitted changes)' : ''}.`,
];

if (values.measured) {
  console.log([...header, '', ...measuredTable(measured)].join('\n'));
} else if (values.table) {
  const columns = scenarios.map((s) => ({ title: s.title, bill: billFor(monthlyUsage(s.scenario, measured, inventory, assumptions), inventory, prices, { freeTier: values['free-tier'] }) }));
  console.log([...header, '', ...markdownTable(columns, prices.usdToDkk)].join('\n'));
} else {
  const scenario: Scenario = {
    participants: count('participants', values.participants, 0),
    ideas: count('ideas', values.ideas, 0),
    votes: count('votes', values.votes, 0),
    comments: count('comments', values.comments, 0),
    views: count('views', values.views, 0),
    months: count('months', values.months, 1),
    viralVotes: count('viral-votes', values['viral-votes'], 0),
  };
  const usage = monthlyUsage(scenario, measured, inventory, assumptions);
  const bill = billFor(usage, inventory, prices, { freeTier: values['free-tier'] });
  if (values.json) console.log(JSON.stringify({ scenario, assumptions, usage, bill }, null, 2));
  else console.log([...header, `A month of: ${JSON.stringify(scenario)}`, '', ...formatBill(bill, prices.usdToDkk)].join('\n'));
}
