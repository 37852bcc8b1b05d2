import {
  analyseFeel,
  type BpmnElement,
  type BpmnModel,
  conditionOf,
  eventDefinitions,
  type FormDefinition,
  ioParameters,
  list,
  processGraph,
  reachable,
  readBpmn,
  SERVICE_TYPES,
  sourceOf,
  text,
  topLevelFields,
  userTaskInfo,
} from '@ddt/definitions-linter';
import type { ProgramBundle } from '@ddt/program';

/** A pseudo-variable: a condition that calls now() or today() reads the clock. */
export const CLOCK = '$clock';

export interface FlowInfo {
  id: string;
  name: string | null;
  processId: string;
  sourceId: string;
  condition: string | null;
  /** The default flow of its gateway. */
  isDefault: boolean;
}

/**
 * What the simulator knows about a program before running it: its flows, which flows each element can
 * lead to, what each condition reads, which variables each user task writes, which BPMN errors each
 * service task's boundaries catch.
 */
export interface ProgramAnalysis {
  model: BpmnModel;
  flows: Map<string, FlowInfo>;
  /** Flows reachable from an element (its own outgoing ones and everything after, boundaries included). */
  reach: Map<string, Set<string>>;
  /** Variables (roots) a flow's condition reads; for a default flow, what its siblings' conditions read. */
  flowReads: Map<string, Set<string>>;
  /** Every variable some condition reads. */
  decisionVariables: Set<string>;
  /** Per condition: the number literals and the parameters it compares with. */
  conditionsReading: Map<string, string[]>;
  /** Variables a user task writes into the process (form keys, or its output mapping targets). */
  writes: Map<string, Set<string>>;
  /** For a user task with output mappings: form key → the process variables it ends up in. */
  formKeyTargets: Map<string, Map<string, Set<string>>>;
  /** Error codes caught by boundary events around a service task (null: any). */
  errorCatches: Map<string, { code: string | null; boundaryId: string }[]>;
  /** Tasks followed directly by an exclusive gateway that routes on `returned` (退回). */
  returnable: Set<string>;
  /** Variables service tasks set (output mapping targets): a handler may answer differently per school. */
  handlerVariables: Set<string>;
}

const USES_CLOCK = /\b(now|today)\s*\(/;

export async function analyseProgram(bundle: ProgramBundle): Promise<ProgramAnalysis> {
  const model = await readBpmn(bundle.bpmn);
  const flows = new Map<string, FlowInfo>();
  const reach = new Map<string, Set<string>>();
  const flowReads = new Map<string, Set<string>>();
  const decisionVariables = new Set<string>();
  const conditionsReading = new Map<string, string[]>();
  const writes = new Map<string, Set<string>>();
  const formKeyTargets = new Map<string, Map<string, Set<string>>>();
  const errorCatches = new Map<string, { code: string | null; boundaryId: string }[]>();
  const returnable = new Set<string>();
  const handlerVariables = new Set<string>();

  const readsOf = (condition: string): Set<string> => {
    const roots = new Set(analyseFeel(condition).references.map((reference) => reference.root));
    if (USES_CLOCK.test(condition)) roots.add(CLOCK);
    return roots;
  };

  for (const process of model.processes) {
    const graph = processGraph(process);
    for (const element of process.elements) {
      const id = String(element.id);
      if (element.$type === 'bpmn:SequenceFlow') {
        const source = sourceOf(element);
        const condition = conditionOf(element);
        flows.set(id, {
          id,
          name: text(element.name),
          processId: process.id,
          sourceId: String(source.id),
          condition,
          isDefault: (source.default as BpmnElement | undefined)?.id === id,
        });
        if (condition) {
          const roots = readsOf(condition);
          flowReads.set(id, roots);
          for (const root of roots) {
            decisionVariables.add(root);
            conditionsReading.set(root, [...(conditionsReading.get(root) ?? []), condition]);
          }
        }
      }
    }
    for (const node of [...graph.elementIds]) {
      const seen = reachable(graph.next, [node]);
      reach.set(node, new Set([...seen].filter((candidate) => graph.flowIds.includes(candidate))));
    }
    for (const element of process.elements) {
      const id = String(element.id);
      if (element.$type === 'bpmn:BoundaryEvent') {
        const attached = String((element.attachedToRef as BpmnElement).id);
        for (const definition of eventDefinitions(element)) {
          if (definition.$type !== 'bpmn:ErrorEventDefinition') continue;
          const code = text((definition.errorRef as BpmnElement | undefined)?.errorCode);
          errorCatches.set(attached, [...(errorCatches.get(attached) ?? []), { code, boundaryId: id }]);
        }
      }
      if (SERVICE_TYPES.has(element.$type)) {
        for (const output of ioParameters(element, 'outputParameters')) {
          handlerVariables.add(output.target.split('.')[0] as string);
        }
      }
      if (element.$type !== 'bpmn:UserTask') continue;
      const info = userTaskInfo(element);
      const form = (info.formId ? bundle.forms[info.formId] : undefined) as FormDefinition | undefined;
      const keys = [...topLevelFields(form ?? {}).keys()];
      if (info.outputs.length > 0) {
        const targets = new Map<string, Set<string>>();
        for (const output of info.outputs) {
          for (const reference of analyseFeel(output.source).references) {
            if (!keys.includes(reference.root)) continue;
            targets.set(reference.root, new Set([...(targets.get(reference.root) ?? []), output.target]));
          }
        }
        formKeyTargets.set(id, targets);
        writes.set(id, new Set(info.outputs.map((output) => output.target.split('.')[0] as string)));
      } else {
        writes.set(id, new Set(keys));
      }
      for (const flow of list(element.outgoing)) {
        const gateway = flow.targetRef as BpmnElement;
        if (gateway.$type !== 'bpmn:ExclusiveGateway') continue;
        if (list(gateway.outgoing).some((branch) => /\breturned\b/.test(conditionOf(branch) ?? ''))) {
          returnable.add(id);
        }
      }
    }
  }
  // A default flow is taken when its siblings' conditions are all false: it depends on what they read.
  for (const flow of flows.values()) {
    if (!flow.isDefault) continue;
    const reads = new Set<string>();
    for (const sibling of flows.values()) {
      if (sibling.sourceId === flow.sourceId && sibling.id !== flow.id) {
        for (const root of flowReads.get(sibling.id) ?? []) reads.add(root);
      }
    }
    flowReads.set(flow.id, reads);
  }
  return {
    model,
    flows,
    reach,
    flowReads,
    decisionVariables,
    conditionsReading,
    writes,
    formKeyTargets,
    errorCatches,
    returnable,
    handlerVariables,
  };
}

/** The BPMN errors a job at this element can raise that a boundary catches (on it or a sub-process around it). */
export function caughtErrors(
  analysis: ProgramAnalysis,
  elementId: string,
): { code: string; boundaryId: string }[] {
  const caught: { code: string; boundaryId: string }[] = [];
  let element = analysis.model.byId.get(elementId);
  while (element?.id) {
    for (const entry of analysis.errorCatches.get(String(element.id)) ?? []) {
      caught.push({ code: entry.code ?? 'SIMULATED_ERROR', boundaryId: entry.boundaryId });
    }
    element = element.$parent;
  }
  return caught;
}
