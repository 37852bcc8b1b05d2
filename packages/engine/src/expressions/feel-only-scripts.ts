import { WorkflowError } from '../errors.js';
import { evaluateFeel, isFeel } from './feel.js';
import { clockOf } from './feel-expressions.js';

type Callback = (error: Error | null, result?: unknown) => void;
interface ScriptScope {
  environment: {
    variables: Record<string, unknown>;
    options?: { clock?: () => number; trace?: { expression: string; result: unknown }[] };
  };
}
interface ScriptOwner {
  id: string;
  type: string;
  behaviour: { conditionExpression?: { body?: string; language?: string } };
}

/**
 * Replaces bpmn-engine's script runner (`node:vm`, which is not a sandbox). Sequence-flow conditions are
 * FEEL (`=…`); anything else — script tasks, JavaScript conditions — fails the run instead of running.
 */
export const feelOnlyScripts = {
  register(): void {},
  getScript(_language: string | undefined, owner: ScriptOwner) {
    if (owner.type === 'bpmn:SequenceFlow') return feelCondition(owner);
    return forbidden(owner);
  },
};

function feelCondition(flow: ScriptOwner) {
  const body = flow.behaviour.conditionExpression?.body?.trim() ?? '';
  return {
    execute(scope: ScriptScope, callback: Callback) {
      if (!isFeel(body)) {
        return callback(
          new WorkflowError(
            'WF_ERR_SCRIPT_FORBIDDEN',
            `顺序流 ${flow.id} 的条件不是 FEEL 表达式（应以 = 开头）`,
            {
              elementId: flow.id,
            },
          ),
        );
      }
      try {
        const environment = scope.environment;
        const result = evaluateFeel(body, environment.variables, clockOf(environment)) === true;
        environment.options?.trace?.push({ expression: body, result });
        callback(null, result);
      } catch (error) {
        callback(error as Error);
      }
    },
  };
}

function forbidden(owner: ScriptOwner) {
  return {
    execute(_scope: ScriptScope, callback: Callback) {
      callback(
        new WorkflowError(
          'WF_ERR_SCRIPT_FORBIDDEN',
          `元素 ${owner.id} 含有脚本，平台不运行流程定义中的脚本`,
          {
            elementId: owner.id,
          },
        ),
      );
    },
  };
}
