import { WorkflowError } from '../errors.js';
import { evaluateFeel, isFeel } from './feel.js';

interface ExpressionContext {
  environment?: { variables?: Record<string, unknown> };
}

/**
 * Replaces bpmn-elements' `${}` resolver, which can reach `constructor` and run code. Values written as
 * FEEL (`=…`) are evaluated against the process variables; a `${}` expression is refused; any other
 * text is a literal (an ISO duration, a message name).
 */
export const feelExpressions = {
  resolveExpression(expression: unknown, context: ExpressionContext): unknown {
    if (isFeel(expression)) return evaluateFeel(expression, context.environment?.variables ?? {});
    if (typeof expression === 'string' && expression.includes('${')) {
      throw new WorkflowError(
        'WF_ERR_SCRIPT_FORBIDDEN',
        `不支持 \${} 表达式，请改用 FEEL（以 = 开头）：${expression}`,
        {
          expression,
        },
      );
    }
    return expression;
  },
  isExpression: isFeel,
  hasExpression: isFeel,
};
