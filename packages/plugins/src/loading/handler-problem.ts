import { MAX_HANDLER_TIMEOUT_MS } from '@ddt/engine';
import { isTaskType, TASK_TYPE_MAX_LENGTH } from '@ddt/sdk';

// TypeBox marks its schemas with this registered symbol, so schemas from another copy of TypeBox
// (a plugin's own) are recognised too.
const TYPEBOX_KIND = Symbol.for('TypeBox.Kind');

export interface HandlerProblem {
  zh: string;
  en: string;
}

/** What is wrong with a value offered as a task handler (a file's default export), or null. */
export function handlerProblem(value: unknown): HandlerProblem | null {
  if (value === null || typeof value !== 'object') {
    return {
      zh: '默认导出（export default）不是任务处理器；请导出 defineTaskHandler({...}) 的结果',
      en: 'the default export is not a task handler; export default the result of defineTaskHandler({...})',
    };
  }
  const handler = value as Record<string, unknown>;
  if (!isTaskType(handler.type)) {
    return {
      zh: `type ${JSON.stringify(handler.type)} 无效：须为小写字母、数字，用 . 或 - 连接（如 acme.sms-send），不超过 ${TASK_TYPE_MAX_LENGTH} 个字符`,
      en: `type ${JSON.stringify(handler.type)} is invalid: use lower-case letters and digits joined by . or - (e.g. acme.sms-send), at most ${TASK_TYPE_MAX_LENGTH} characters`,
    };
  }
  if (typeof handler.description !== 'string' || handler.description.trim() === '') {
    return {
      zh: `处理器 ${handler.type} 缺少 description（一句话说明，中文在前）`,
      en: `handler ${handler.type} has no description (one sentence, Chinese first)`,
    };
  }
  for (const key of ['input', 'output'] as const) {
    const schema = handler[key] as Record<string | symbol, unknown> | undefined;
    if (!schema || typeof schema !== 'object' || !(TYPEBOX_KIND in schema) || schema.type !== 'object') {
      return {
        zh: `处理器 ${handler.type} 的 ${key} 不是 TypeBox 对象模式（Type.Object({...})）`,
        en: `handler ${handler.type}: ${key} is not a TypeBox object schema (Type.Object({...}))`,
      };
    }
  }
  if (typeof handler.handler !== 'function') {
    return {
      zh: `处理器 ${handler.type} 缺少 handler 函数`,
      en: `handler ${handler.type} has no handler function`,
    };
  }
  const timeoutMs = handler.timeoutMs;
  if (
    timeoutMs !== undefined &&
    !(
      Number.isInteger(timeoutMs) &&
      (timeoutMs as number) >= 1 &&
      (timeoutMs as number) <= MAX_HANDLER_TIMEOUT_MS
    )
  ) {
    return {
      zh: `处理器 ${handler.type} 的 timeoutMs 须为 1 到 ${MAX_HANDLER_TIMEOUT_MS} 之间的整数（5 分钟；调度器的任务租约须比它长）`,
      en: `handler ${handler.type}: timeoutMs must be an integer from 1 to ${MAX_HANDLER_TIMEOUT_MS} (5 minutes; the scheduler's job lease must outlast it)`,
    };
  }
  return null;
}
