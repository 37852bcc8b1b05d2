import type { TaskHandler } from '@ddt/sdk';

/** A handler of any input and output schema (a handler's `job` parameter makes the types invariant). */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds handlers of every schema
export type AnyTaskHandler = TaskHandler<any, any>;

/**
 * The longest `timeoutMs` a handler may ask for. The scheduler's claim on a job must outlast the attempt
 * (or another server would run the job a second time meanwhile), so its lease is checked against this.
 */
export const MAX_HANDLER_TIMEOUT_MS = 5 * 60_000;

/** The task handlers service tasks can name (`<zeebe:taskDefinition type="…">`), by type. */
export class HandlerRegistry {
  readonly #handlers = new Map<string, TaskHandler>();

  constructor(handlers: Iterable<AnyTaskHandler> = []) {
    for (const handler of handlers) this.register(handler);
  }

  /** Adds a handler; a second handler of the same type is a programming error. */
  register(handler: AnyTaskHandler): this {
    if (this.#handlers.has(handler.type)) throw new Error(`任务处理器类型重复：${handler.type}`);
    if (
      handler.timeoutMs !== undefined &&
      !(handler.timeoutMs > 0 && handler.timeoutMs <= MAX_HANDLER_TIMEOUT_MS)
    )
      throw new Error(
        `任务处理器 ${handler.type} 的 timeoutMs（${handler.timeoutMs}）须在 1 至 ${MAX_HANDLER_TIMEOUT_MS} 毫秒之间`,
      );
    this.#handlers.set(handler.type, handler);
    return this;
  }

  get(type: string): TaskHandler | undefined {
    return this.#handlers.get(type);
  }

  has(type: string): boolean {
    return this.#handlers.has(type);
  }

  types(): string[] {
    return [...this.#handlers.keys()].sort();
  }
}
