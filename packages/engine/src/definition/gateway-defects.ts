import type { DefinitionProblem } from './definition-problem.js';
import type { ModdleElement } from './element-meta.js';

/**
 * Finds the two gateway patterns bpmn-elements 17.3 runs wrongly (reproduced in this repository's
 * tests), so that publishing refuses them with a way to remodel:
 * - an inclusive gateway with several incoming flows (a join) does not wait for the active branches
 *   (bpmn-elements#46);
 * - a parallel join reached from an exclusive join without an intervening parallel split fires as soon
 *   as the other branches arrive, because the exclusive join passes on the discarded path
 *   (bpmn-engine#200). Wrapping the exclusive split and join in a sub-process keeps the discard inside.
 */
export function findGatewayDefects(container: ModdleElement): DefinitionProblem[] {
  const elements = (container.flowElements as ModdleElement[] | undefined) ?? [];
  const incoming = new Map<string, number>();
  const outgoing = new Map<string, ModdleElement[]>();
  for (const flow of elements) {
    if (flow.$type !== 'bpmn:SequenceFlow') continue;
    const source = flow.sourceRef as ModdleElement | undefined;
    const target = flow.targetRef as ModdleElement | undefined;
    if (!source?.id || !target?.id) continue;
    incoming.set(target.id, (incoming.get(target.id) ?? 0) + 1);
    outgoing.set(source.id, [...(outgoing.get(source.id) ?? []), target]);
  }
  const isJoin = (element: ModdleElement) => (incoming.get(element.id ?? '') ?? 0) > 1;

  const problems: DefinitionProblem[] = [];
  for (const element of elements) {
    if (element.$type === 'bpmn:InclusiveGateway' && isJoin(element)) {
      problems.push({
        code: 'DEF_INCLUSIVE_JOIN',
        elementId: element.id ?? null,
        message:
          `包容网关 ${element.id} 用作合并：当前流程引擎不会等待所有已激活的分支。` +
          '请改用并行网关拆分与合并，把每个可选分支放进一个子流程，在子流程内用排他网关判断该分支是否需要执行。',
      });
    }
    if (element.$type === 'bpmn:ExclusiveGateway' && isJoin(element)) {
      const join = parallelJoinDownstream(element, outgoing, isJoin);
      if (join) {
        problems.push({
          code: 'DEF_PARALLEL_JOIN_AFTER_EXCLUSIVE_JOIN',
          elementId: join.id ?? null,
          message:
            `并行网关 ${join.id} 合并的分支中含有排他网关合并 ${element.id}：当前流程引擎会让该并行合并提前放行。` +
            `请把从排他拆分到排他合并 ${element.id} 的这一段放进一个子流程，子流程结束后再连到并行网关 ${join.id}。`,
        });
      }
    }
    if (element.flowElements) problems.push(...findGatewayDefects(element));
  }
  return problems;
}

/** The first parallel join reachable from `start` without passing a parallel split, or null. */
function parallelJoinDownstream(
  start: ModdleElement,
  outgoing: Map<string, ModdleElement[]>,
  isJoin: (element: ModdleElement) => boolean,
): ModdleElement | null {
  const seen = new Set<string>([start.id ?? '']);
  const queue = [...(outgoing.get(start.id ?? '') ?? [])];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const id = next.id ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    if (next.$type === 'bpmn:ParallelGateway') {
      if (isJoin(next)) return next;
      continue;
    }
    queue.push(...(outgoing.get(id) ?? []));
  }
  return null;
}
