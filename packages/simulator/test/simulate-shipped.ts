import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProgramFolder } from '@ddt/program';
import { simulateProgram } from '../src/index.js';

const definitions = resolve(dirname(fileURLToPath(import.meta.url)), '../../../definitions');

/** Simulates a shipped program and returns what a test asserts on: flows missed, problems met. */
export async function simulateShipped(folder: string) {
  const report = await simulateProgram(await loadProgramFolder(join(definitions, folder)));
  return {
    report,
    missed: report.missed.map((flow) => `${flow.id}${flow.name ? `「${flow.name}」` : ''}`),
    problems: report.problems.map((problem) => `${problem.code} ${problem.elementId}: ${problem.message}`),
  };
}
