import type { CompiledDefinition } from '@ddt/engine';

/** The process variable a 退回 sets; the BPMN routes on it. */
export const RETURNED_VARIABLE = 'returned';
export const RETURN_COMMENT_VARIABLE = 'returnComment';

const READS_RETURNED = new RegExp(`\\b${RETURNED_VARIABLE}\\b`);

/**
 * 退回 (return for revision) is a path in the process, not a special operation: the reviewer's task
 * completes with `returned = true` (and `returnComment`), and an exclusive gateway right after the task
 * routes that back to the step to redo (e.g. `=returned = true` → the school's self-check). A normal
 * completion of such a task sets `returned = false`. The diagram shows the loop, the history records it,
 * and nothing else in the engine changes.
 *
 * A task is returnable only when its process really has that path: an exclusive gateway directly after
 * it with a condition reading `returned`, and no output mapping that would drop the variable. Otherwise
 * a "return" would just complete the task as if it passed.
 */
export function isReturnable(definition: CompiledDefinition, elementId: string): boolean {
  const meta = definition.elements.get(elementId);
  if (meta?.kind !== 'userTask') return false;
  if (meta.outputs.length > 0 && !meta.outputs.some((output) => output.target === RETURNED_VARIABLE))
    return false;
  const context = definition.sourceContext;
  for (const flow of context.getOutboundSequenceFlows(elementId)) {
    const gatewayId = (flow as { targetId?: string }).targetId;
    if (!gatewayId || definition.elementTypes.get(gatewayId) !== 'bpmn:ExclusiveGateway') continue;
    for (const branch of context.getOutboundSequenceFlows(gatewayId)) {
      const condition = (branch.behaviour as { conditionExpression?: { body?: string } } | undefined)
        ?.conditionExpression?.body;
      if (condition && READS_RETURNED.test(condition)) return true;
    }
  }
  return false;
}
