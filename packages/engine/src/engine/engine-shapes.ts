import type { StartedTimer } from './step-timers.js';

/**
 * The parts of bpmn-elements 17 this runtime uses, typed by hand: the package's own typings describe
 * constructors as instances and cannot be extended or called as written.
 */

export interface ElementMessage {
  fields: { routingKey?: string; redelivered?: boolean };
  content: Record<string, unknown> & { id?: string; executionId?: string; expireAt?: unknown };
  properties: Record<string, unknown>;
}

/** What `getPostponed()` returns for each waiting element. */
export interface PostponedApi {
  id: string;
  type: string;
  executionId: string;
  content: Record<string, unknown>;
  owner: {
    id: string;
    type: string;
    isSubProcess?: boolean;
    environment: { variables: Record<string, unknown> };
  };
  signal(message?: unknown): void;
  getPostponed(): PostponedApi[];
  sendApiMessage(action: string, content?: unknown, options?: unknown): void;
}

export interface BpmnEnvironment {
  variables: Record<string, unknown>;
  options: Record<string, unknown>;
  resolveExpression(expression: unknown, message?: unknown): unknown;
}

export interface BpmnProcess {
  id: string;
  environment: BpmnEnvironment;
}

export interface BpmnDefinition {
  id: string;
  status: string | undefined;
  isRunning: boolean;
  activityStatus: 'idle' | 'executing' | 'timer' | 'wait';
  environment: BpmnEnvironment;
  broker: {
    subscribeTmp(
      exchange: string,
      pattern: string,
      onMessage: (routingKey: string, message: ElementMessage) => void,
      options?: Record<string, unknown>,
    ): unknown;
  };
  run(options?: Record<string, unknown>): void;
  resume(): void;
  recover(state: unknown): void;
  getState(): unknown;
  getPostponed(): PostponedApi[];
  getRunningProcesses(): BpmnProcess[];
  getProcesses(): BpmnProcess[];
}

/** What the runtime reads from a waiting element: a live `PostponedApi`, or one rebuilt from a template. */
export interface WaitingElement {
  id: string;
  type: string;
  executionId: string;
  owner: { environment: { variables: Record<string, unknown> } };
}

/** A run that has settled (it waits, or it has ended), as the runtime records it. */
export interface SettledRun {
  readonly ended: boolean;
  postponed(): WaitingElement[];
  /** The timers running once the run settled. */
  readonly timers: { started(): StartedTimer[] };
  state(): unknown;
  variables(): Record<string, unknown>;
}

/** One expression the engine evaluated during a run, and what it gave (see `launch-template.ts`). */
export interface TraceEntry {
  expression: string;
  result: unknown;
}
