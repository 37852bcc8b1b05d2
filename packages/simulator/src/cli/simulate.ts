/**
 * `npm run simulate -- definitions/<program> [more folders] [--deadline-days N] [--max-steps N]`: runs
 * each program on the real runtime with a temporary store and prints its sequence-flow coverage. Exits 1
 * if a flow was never taken or the simulation hit a problem (an incident, an invalid submission).
 */
import { resolve } from 'node:path';
import { loadProgramFolder } from '@ddt/program';
import { formatReport } from '../report/format-report.js';
import { simulateProgram } from '../simulate-program.js';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const folders: string[] = [];
  const options: { deadlineDays?: number; maxSteps?: number; timeLimitMs?: number } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--deadline-days') options.deadlineDays = Number(args[++i]);
    else if (arg === '--max-steps') options.maxSteps = Number(args[++i]);
    else if (arg === '--time-limit-ms') options.timeLimitMs = Number(args[++i]);
    else folders.push(arg);
  }
  if (folders.length === 0) {
    console.error('用法：npm run simulate -- definitions/<方案目录> [--deadline-days 45] [--max-steps 4000]');
    return 2;
  }
  let failed = false;
  for (const folder of folders) {
    const report = await simulateProgram(await loadProgramFolder(resolve(process.cwd(), folder)), options);
    console.log(formatReport(report));
    if (report.missed.length > 0 || report.problems.length > 0) failed = true;
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
