import { type BpmnElement, list, type ProcessInfo, sourceOf, targetOf } from './bpmn-model.js';

/**
 * The token graph of a process: elements and sequence flows are nodes (ids are unique in a BPMN). An
 * activity leads to its boundary events; a sub-process leads to its start events, and its outgoing flows
 * leave only once it is done (`<id>#done`, reached from its end events).
 */
export interface ProcessGraph {
  next: Map<string, string[]>;
  previous: Map<string, string[]>;
  starts: string[];
  ends: string[];
  /** Element ids (not flows, not the `#done` nodes). */
  elementIds: string[];
  flowIds: string[];
}

export function processGraph(process: ProcessInfo): ProcessGraph {
  const next = new Map<string, string[]>();
  const link = (from: string, to: string) => next.set(from, [...(next.get(from) ?? []), to]);
  const subProcesses = new Set(
    process.elements.filter((e) => e.$type === 'bpmn:SubProcess').map((e) => String(e.id)),
  );
  const flowIds: string[] = [];
  const elementIds: string[] = [];
  for (const element of process.elements) {
    const id = String(element.id);
    if (element.$type === 'bpmn:SequenceFlow') {
      flowIds.push(id);
      const source = String(sourceOf(element).id);
      link(subProcesses.has(source) ? `${source}#done` : source, id);
      link(id, String(targetOf(element).id));
      continue;
    }
    elementIds.push(id);
    if (element.$type === 'bpmn:BoundaryEvent') link(String((element.attachedToRef as BpmnElement).id), id);
    if (element.$type === 'bpmn:SubProcess') {
      for (const inner of list(element.flowElements)) {
        if (inner.$type === 'bpmn:StartEvent') link(id, String(inner.id));
        if (inner.$type === 'bpmn:EndEvent') link(String(inner.id), `${id}#done`);
      }
    }
  }
  const previous = new Map<string, string[]>();
  for (const [from, targets] of next) {
    for (const to of targets) previous.set(to, [...(previous.get(to) ?? []), from]);
  }
  const top = list(process.element.flowElements);
  return {
    next,
    previous,
    starts: top.filter((e) => e.$type === 'bpmn:StartEvent').map((e) => String(e.id)),
    ends: top.filter((e) => e.$type === 'bpmn:EndEvent').map((e) => String(e.id)),
    elementIds,
    flowIds,
  };
}

/** Every node reachable from the given ones (included). */
export function reachable(edges: Map<string, string[]>, from: Iterable<string>): Set<string> {
  const seen = new Set<string>(from);
  const queue = [...seen];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    for (const target of edges.get(node) ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}
