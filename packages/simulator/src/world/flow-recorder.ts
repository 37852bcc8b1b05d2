import type { CompiledDefinition } from '@ddt/engine';

interface FlowDefinition {
  id: string;
  Behaviour: new (definition: FlowDefinition, context: unknown) => { take(content: unknown): boolean };
}

/** The sequence flows the engine has taken while the simulator watched. */
export interface FlowRecorder {
  taken: Set<string>;
  /** Flows taken since the last call. */
  drain(): string[];
}

/**
 * Watches which sequence flows bpmn-elements takes in every run of this compiled definition: each flow's
 * behaviour (the constructor the engine's context instantiates per run) is wrapped so that the flow
 * instance reports its `take` before doing it. Nothing about what the flow does changes.
 */
export function recordFlows(definition: CompiledDefinition): FlowRecorder {
  const taken = new Set<string>();
  let fresh: string[] = [];
  const context = definition.sourceContext as unknown as { getSequenceFlows(): FlowDefinition[] };
  for (const flowDefinition of context.getSequenceFlows()) {
    const Original = flowDefinition.Behaviour;
    if ((Original as { recorded?: boolean }).recorded) continue;
    const Recorded = function (this: unknown, definitionArg: FlowDefinition, contextArg: unknown) {
      const flow = new Original(definitionArg, contextArg);
      const take = flow.take;
      flow.take = function (this: unknown, content: unknown) {
        taken.add(definitionArg.id);
        fresh.push(definitionArg.id);
        return take.call(this, content);
      };
      return flow;
    } as unknown as FlowDefinition['Behaviour'] & { recorded?: boolean };
    Recorded.recorded = true;
    flowDefinition.Behaviour = Recorded;
  }
  return {
    taken,
    drain() {
      const out = fresh;
      fresh = [];
      return out;
    },
  };
}
