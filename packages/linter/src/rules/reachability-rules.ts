import { BPMN_FILE, type LintContext, report } from '../lint-context.js';
import type { ProcessInfo } from '../model/bpmn-model.js';
import { processGraph, reachable } from '../model/process-graph.js';

/**
 * Every element and flow can be reached from a start event, and from every one an end event can be
 * reached: a loop (整改 → 复查 → 退回) is fine as long as it has a way out.
 */
export function checkReachability(ctx: LintContext, process: ProcessInfo): void {
  const graph = processGraph(process);
  const names = new Map(process.elements.map((e) => [String(e.id), e.name ? `（${e.name}）` : '']));
  const forward = reachable(graph.next, graph.starts);
  const backward = reachable(graph.previous, graph.ends);
  for (const id of [...graph.elementIds, ...graph.flowIds]) {
    const where = { file: BPMN_FILE, elementId: id };
    if (!forward.has(id)) {
      report(
        ctx,
        'LINT_ERR_UNREACHABLE',
        where,
        `${id}${names.get(id) ?? ''} 从流程 ${process.id} 的开始事件无法到达；请用顺序流把它连进流程，或删除它。`,
        id,
      );
    } else if (!backward.has(id)) {
      report(
        ctx,
        'LINT_ERR_NO_PATH_TO_END',
        where,
        `从 ${id}${names.get(id) ?? ''} 出发无法到达任何结束事件（死循环或缺少出口）；请为它加一条通向结束事件的路径。`,
        id,
      );
    }
  }
}
