import { checksCost, formatCost, measureCost } from '../../cdk/cost/bench';

/** `node --import tsx test/bench/cost-only.ts`: the cost part of the benchmark alone (no stack needed). */
const result = measureCost();
console.log(formatCost(result).join('\n'));
for (const check of checksCost(result)) console.log(`${check.pass ? 'ok  ' : 'MISS'} ${check.name}: ${check.value} (target ${check.target})`);
