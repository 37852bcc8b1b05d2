import { WorkflowError } from '../errors.js';
import { evaluateFeel, isFeel } from './feel.js';

interface ExpressionContext {
  environment?: {
    variables?: Record<string, unknown>;
    options?: { clock?: () => number; trace?: { expression: string; result: unknown }[] };
  };
}

/**
 * Replaces bpmn-elements' `${}` resolver, which can reach `constructor` and run code. Values written as
 * FEEL (`=…`) are evaluated against the process variables; a `${}` expression is refused; any other
 * text is a literal (an ISO duration, a message name).
 */
export const feelExpressions = {
  resolveExpression(expression: unknown, context: ExpressionContext): unknown {
    if (isFeel(expression)) {
      const environment = context.environment;
      const result = evaluateFeel(expression, environment?.variables ?? {}, clockOf(environment));
      environment?.options?.trace?.push({ expression, result });
      return result;
    }
    if (typeof expression === 'string' && expression.includes('${')) {
      throw new WorkflowError(
        'WF_ERR_SCRIPT_FORBIDDEN',
        `不支持 \${} 表达式，请改用 FEEL（以 = 开头）：${expression}`,
        { expression },
      );
    }
    return expression;
  },
  isExpression: isFeel,
  hasExpression: isFeel,
};

/** The step's clock, given to every engine environment as the `clock` option (see `process-run.ts`). */
export function clockOf(environment: { options?: { clock?: () => number } } | undefined): Date {
  const clock = environment?.options?.clock;
  return clock ? new Date(clock()) : new Date();
}
