import { type Static, Type } from '@sinclair/typebox';
import { WorkflowError } from '../errors.js';

/**
 * What the runtime keeps in an instance record's `state`: the saved bpmn-elements state of each live
 * process run (never the BPMN source), plus the platform's own bookkeeping — jobs, the recurring start,
 * incident details. The record's `tasks`, `timers` and `messages` are derived from it at every step.
 */

/** One run of a process. Most instances have one run (`main`); a recurring start adds one per firing. */
export const RunStateSchema = Type.Object({
  id: Type.String(),
  processId: Type.String(),
  /** bpmn-elements `Definition.getState()` of the run. */
  engine: Type.Unknown(),
  /** Keys of the record entries this run owns: `task:<taskId>`, `timer:<timerId>`, `message:<executionId>`. */
  owns: Type.Array(Type.String()),
});
export type RunState = Static<typeof RunStateSchema>;

/** A service task waiting for its handler (Zeebe's "job"). */
export const JobStateSchema = Type.Object({
  runId: Type.String(),
  elementId: Type.String(),
  executionId: Type.String(),
  /** The handler type from `zeebe:taskDefinition type`. */
  type: Type.String(),
  /** Attempts allowed (`zeebe:taskDefinition retries`, default 3). */
  retries: Type.Integer({ minimum: 1 }),
  /** Failed attempts so far. */
  failures: Type.Integer({ minimum: 0 }),
  /** Input variables, evaluated from the input mappings when the task was entered. */
  variables: Type.Record(Type.String(), Type.Unknown()),
  /** Stable across retries and crashes: handlers use it to make side effects idempotent. */
  idempotencyKey: Type.String(),
  /** When the next attempt is due; null while an incident holds the job. */
  dueAt: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  /**
   * Set when the input mappings failed: the job has no inputs, and an admin's retry evaluates the
   * mappings again (of the instance's version then, which a migration may have fixed).
   */
  inputsFailed: Type.Optional(Type.Boolean()),
});
export type JobState = Static<typeof JobStateSchema>;

/** A process whose start event has a timer cycle: the platform fires it and starts one run per firing. */
export const RecurrenceSchema = Type.Object({
  processId: Type.String(),
  elementId: Type.String(),
  /** The evaluated cycle, e.g. `R/P1D` or `R10/2026-09-01T08:00:00+08:00/P1D`. */
  cycle: Type.String(),
  /** When the cycle started counting (the launch). */
  startedAt: Type.String(),
  /** Firings so far. */
  fired: Type.Integer({ minimum: 0 }),
  /** The next firing; null once the cycle is over. */
  dueAt: Type.Union([Type.String(), Type.Null()]),
  /** Variables every run starts with (school, campaign, params). */
  variables: Type.Record(Type.String(), Type.Unknown()),
});
export type Recurrence = Static<typeof RecurrenceSchema>;

/** What an incident is about, so that an admin's retry knows what to re-run. */
export const IncidentDetailSchema = Type.Object({
  kind: Type.Union([Type.Literal('job'), Type.Literal('timer'), Type.Literal('recurrence')]),
  runId: Type.Union([Type.String(), Type.Null()]),
  executionId: Type.Union([Type.String(), Type.Null()]),
  /** The timer to arm again on retry (timer and recurrence incidents). */
  timer: Type.Union([
    Type.Object({
      id: Type.String(),
      elementId: Type.String(),
      executionId: Type.String(),
      dueAt: Type.String(),
    }),
    Type.Null(),
  ]),
});
export type IncidentDetail = Static<typeof IncidentDetailSchema>;

export const RuntimeStateSchema = Type.Object({
  format: Type.Literal(1),
  runs: Type.Array(RunStateSchema),
  jobs: Type.Record(Type.String(), JobStateSchema),
  recurrence: Type.Union([RecurrenceSchema, Type.Null()]),
  incidents: Type.Record(Type.String(), IncidentDetailSchema),
  /** The user variables of the last run that ended (what a completed instance ended with). */
  lastEnded: Type.Union([
    Type.Object({ runId: Type.String(), variables: Type.Record(Type.String(), Type.Unknown()) }),
    Type.Null(),
  ]),
  /** Counter for run and incident ids. */
  seq: Type.Integer({ minimum: 0 }),
});
export type RuntimeState = Static<typeof RuntimeStateSchema>;

export function emptyRuntimeState(): RuntimeState {
  return { format: 1, runs: [], jobs: {}, recurrence: null, incidents: {}, lastEnded: null, seq: 0 };
}

/**
 * The runtime state of an instance read from the store. The step that reads it owns it (every read
 * parses a fresh copy) and changes it in place.
 */
export function readRuntimeState(instanceId: string, state: unknown): RuntimeState {
  if ((state as { format?: unknown } | null)?.format !== 1) {
    throw new WorkflowError('WF_ERR_STATE', `流程实例 ${instanceId} 的状态格式无法识别`, { instanceId });
  }
  return state as RuntimeState;
}
