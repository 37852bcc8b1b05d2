/**
 * npm run bench:forms — server-side validation and scoring of a 100-field form with a 10-row datagrid, on
 * one core, next to plain @formio/core processSync measured in the same run.
 *
 *   ours      validateSubmission (shape check + fast engine) + scoreSubmission on the 开学督导 tree
 *   core      processSync as the notes measured it: structuredClone + Processors + rules, server config
 *   fallback  validateSubmission through @formio/core (what forms the fast engine does not cover get)
 *
 * Each workload runs in rounds of a fixed number of operations, interleaved so that all of them see the
 * same machine; the figure is the median of the rounds. Profile with:
 *   node --cpu-prof --conditions=source --import tsx packages/forms/bench/forms-bench.ts
 */
import { compileForm, scoreSubmission, validateSubmission } from '@ddt/forms';
import formioCore from '@formio/core';
import { evaluateSubmission } from '../src/validate/validate-submission.js';
import { kaixueIndicators } from '../test/fixtures/kaixue-indicators.js';
import { benchmarkData, benchmarkForm } from './benchmark-form.js';

const core = formioCore as unknown as {
  processSync: (context: Record<string, unknown>) => { errors: unknown[] };
  Processors: unknown[];
  rules: unknown[];
};

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const form = benchmarkForm();
const compiled = compileForm(form);
const data = benchmarkData();

function ours(): void {
  const result = validateSubmission(compiled, data);
  if (!result.ok) throw new Error(`benchmark data is invalid: ${JSON.stringify(result.errors)}`);
  const sheet = scoreSubmission({
    indicators: kaixueIndicators,
    forms: { selfcheck: compiled },
    data: { selfcheck: result.data },
    schoolType: 'primary',
  });
  if (sheet.maxTotal !== 100) throw new Error('scoring went wrong');
}

function plainProcessSync(): void {
  const context = {
    components: form.components,
    data: structuredClone(data),
    processors: core.Processors,
    rules: core.rules,
    scope: { errors: [] },
    config: { server: true },
  };
  const scope = core.processSync(context);
  if (scope.errors.length > 0) throw new Error('benchmark data is invalid for processSync');
}

function fallback(): void {
  const result = evaluateSubmission(compiled, data, 'reference');
  if (result.errors.length > 0) throw new Error('benchmark data is invalid for the reference engine');
}

const workloads: { name: string; run: () => void; perRound: number }[] = [
  { name: 'ours (validate + score)', run: ours, perRound: 1000 },
  { name: 'plain processSync', run: plainProcessSync, perRound: 100 },
  { name: 'ours via processSync (fallback path)', run: fallback, perRound: 100 },
];

for (const workload of workloads) for (let i = 0; i < workload.perRound; i++) workload.run();

const rates = new Map<string, number[]>(workloads.map((workload) => [workload.name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const workload of workloads) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < workload.perRound; i++) workload.run();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.get(workload.name)!.push(workload.perRound / seconds);
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const medians = new Map([...rates].map(([name, values]) => [name, median(values)]));
const baseline = medians.get('plain processSync')!;

console.log(
  `表单：${form.components.length} 个顶层组件（101 个输入，数据表格 10 行），引擎 ${compiled.engine}；${ROUNDS} 轮取中位数，Node ${process.version}`,
);
console.log('workload                               submissions/s   ms each   vs processSync');
for (const [name, rate] of medians) {
  console.log(
    `${name.padEnd(38)} ${rate.toFixed(0).padStart(13)}   ${(1000 / rate).toFixed(3).padStart(7)}   ${(rate / baseline).toFixed(2).padStart(6)}×`,
  );
}
const target = 1000;
const oursRate = medians.get('ours (validate + score)')!;
console.log(oursRate >= target ? `目标 ≥ ${target}/s：达到` : `目标 ≥ ${target}/s：未达到`);
