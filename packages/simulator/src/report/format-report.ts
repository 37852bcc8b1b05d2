import type { SimulationReport } from '../simulate-program.js';

const percent = (taken: number, total: number) =>
  total === 0 ? 100 : Math.floor((taken / total) * 1000) / 10;

/** The coverage report as the CLI prints it (Chinese first). */
export function formatReport(report: SimulationReport): string {
  const lines = [
    `督导方案 ${report.programKey}（${report.programName}）`,
    `  顺序流覆盖：${report.taken}/${report.total}（${percent(report.taken, report.total)}%）  步数 ${report.steps}，状态 ${report.states}，用时 ${report.elapsedMs} ms`,
  ];
  for (const process of report.processes) {
    lines.push(
      `  - ${process.id}（${process.name}，${process.scope === 'campaign' ? '批次级' : '学校级'}）：${process.taken}/${process.total}`,
    );
    for (const flow of process.missed) {
      lines.push(`      未覆盖 ${flow.id}${flow.name ? `「${flow.name}」` : ''}（自 ${flow.sourceId}）`);
    }
  }
  for (const problem of report.problems.slice(0, 20)) {
    lines.push(
      `  ✗ ${problem.code} ${problem.instanceId}${problem.elementId ? `#${problem.elementId}` : ''}：${problem.message}`,
    );
    lines.push(`      经过：${problem.trail.join(' → ')}`);
  }
  if (report.problems.length > 20) lines.push(`  … 另有 ${report.problems.length - 20} 个问题`);
  return lines.join('\n');
}
