import type { TaskHandler } from '@ddt/sdk';

/** The task handlers service tasks can name (`<zeebe:taskDefinition type="…">`), by type. */
export class HandlerRegistry {
  readonly #handlers = new Map<string, TaskHandler>();

  constructor(handlers: Iterable<TaskHandler> = []) {
    for (const handler of handlers) this.register(handler);
  }

  /** Adds a handler; a second handler of the same type is a programming error. */
  register(handler: TaskHandler): this {
    if (this.#handlers.has(handler.type)) throw new Error(`任务处理器类型重复：${handler.type}`);
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
