import type { CompiledForm } from '@ddt/forms';

type Node = CompiledForm['nodes'][number];

/**
 * Values a task's form starts with: the process variables named like the form's top-level data fields,
 * so a step shows what earlier steps decided (the 问题清单 on a rectification report, a deadline).
 */
export function formPrefill(form: CompiledForm, variables: Record<string, unknown>): Record<string, unknown> {
  const prefill: Record<string, unknown> = {};
  const visit = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (node.holdsData && !node.path.includes('.')) {
        if (Object.hasOwn(variables, node.key)) prefill[node.key] = variables[node.key];
        continue;
      }
      visit(node.children);
    }
  };
  visit(form.nodes);
  return prefill;
}
