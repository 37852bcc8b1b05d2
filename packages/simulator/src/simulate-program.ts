import type { ProgramBundle } from '@ddt/program';
import { analyseProgram } from './analysis/program-analysis.js';
import { Explorer, type SimulationProblem } from './explore/explorer.js';
import { TaskSubmitter } from './explore/submit-task.js';
import { createWorld, type WorldOptions } from './world/sim-world.js';

export interface SimulationOptions extends WorldOptions {
  /** Actions applied at most (each is one runtime step plus the jobs and timers it makes due). Default 4000. */
  maxSteps?: number;
  /** Wall-clock limit. Default 60 s. */
  timeLimitMs?: number;
  /** Steps without a new flow before moving to the next instance (see `ExploreBudget`). Default 150 / 20. */
  stallSteps?: { first: number; other: number };
}

export interface FlowCoverage {
  id: string;
  name: string | null;
  sourceId: string;
}

export interface ProcessCoverage {
  id: string;
  name: string;
  scope: 'school' | 'campaign';
  total: number;
  taken: number;
  missed: FlowCoverage[];
}

export interface SimulationReport {
  programKey: string;
  programName: string;
  total: number;
  taken: number;
  processes: ProcessCoverage[];
  missed: FlowCoverage[];
  steps: number;
  states: number;
  elapsedMs: number;
  problems: SimulationProblem[];
}

/**
 * Runs a program on the real runtime with a temporary SQLite store and valid generated submissions,
 * steering through its paths (see `Explorer`), and reports which sequence flows were taken.
 */
export async function simulateProgram(
  bundle: ProgramBundle,
  options: SimulationOptions = {},
): Promise<SimulationReport> {
  const started = Date.now();
  const analysis = await analyseProgram(bundle);
  const uncovered = new Set(analysis.flows.keys());
  const taken = new Set<string>();
  const problems: SimulationProblem[] = [];
  let steps = 0;
  let states = 0;
  // A campaign with a deadline first; then, for what is left (branches taken only when a campaign has no
  // deadline), one without.
  const deadlines = options.deadlineDays !== undefined ? [options.deadlineDays] : [35, null];
  for (const [index, deadlineDays] of deadlines.entries()) {
    if (uncovered.size === 0) break;
    const world = await createWorld(bundle, { ...options, deadlineDays });
    try {
      const explorer = new Explorer(
        world,
        analysis,
        new TaskSubmitter(world, bundle, analysis.returnable),
        {
          maxSteps: (options.maxSteps ?? 4000) - steps,
          deadline: started + (options.timeLimitMs ?? 60_000),
          stallSteps: options.stallSteps ?? { first: 150, other: 20 },
        },
        uncovered,
        index < deadlines.length - 1,
      );
      await explorer.run();
      for (const flow of world.flows.taken) taken.add(flow);
      problems.push(...explorer.problems);
      steps += explorer.steps;
      states += explorer.states;
    } finally {
      await world.close();
    }
  }
  {
    const processes: ProcessCoverage[] = analysis.model.processes.map((process) => {
      const flows = [...analysis.flows.values()].filter((flow) => flow.processId === process.id);
      return {
        id: process.id,
        name: process.name,
        scope: process.scope,
        total: flows.length,
        taken: flows.filter((flow) => taken.has(flow.id)).length,
        missed: flows
          .filter((flow) => !taken.has(flow.id))
          .map((flow) => ({ id: flow.id, name: flow.name, sourceId: flow.sourceId })),
      };
    });
    return {
      programKey: bundle.manifest.key,
      programName: bundle.manifest.name,
      total: analysis.flows.size,
      taken: [...analysis.flows.keys()].filter((id) => taken.has(id)).length,
      processes,
      missed: processes.flatMap((process) => process.missed),
      steps,
      states,
      elapsedMs: Date.now() - started,
      problems,
    };
  }
}
