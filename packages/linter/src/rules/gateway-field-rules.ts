import { analyseFeel } from '../feel/feel-references.js';
import { feelSyntaxProblem } from '../feel/feel-syntax.js';
import { BPMN_FILE, type LintContext, report } from '../lint-context.js';
import { conditionOf, type ProcessInfo } from '../model/bpmn-model.js';
import {
  conditionFields,
  type FormComponent,
  type FormDefinition,
  topLevelFields,
} from '../model/form-model.js';

/**
 * A form field a gateway reads must be required, and one shown only under a condition must be read
 * together with the field that shows it: a hidden field is cleared from the submission, and the process
 * would route on an older value.
 */
export function checkGatewayFields(ctx: LintContext, process: ProcessInfo): void {
  const fields = new Map<string, FormComponent>();
  for (const form of Object.values(ctx.bundle.forms)) {
    for (const [key, component] of topLevelFields(form as FormDefinition)) fields.set(key, component);
  }
  for (const flow of process.elements.filter((e) => e.$type === 'bpmn:SequenceFlow')) {
    const condition = conditionOf(flow);
    if (!condition || feelSyntaxProblem(condition)) continue;
    const roots = new Set(analyseFeel(condition).references.map((reference) => reference.root));
    for (const root of roots) {
      const field = fields.get(root);
      if (!field) continue;
      const where = { file: BPMN_FILE, elementId: flow.id ?? null, componentKey: root };
      if (field.validate?.required !== true) {
        report(
          ctx,
          'LINT_WARN_GATEWAY_FIELD_OPTIONAL',
          where,
          `顺序流 ${flow.id} 的条件读取表单字段 ${root}，但该字段不是必填；请把它设为必填（validate.required），否则流程可能按空值或旧值走向。`,
          `${flow.id} reads optional ${root}`,
        );
      }
      const shownBy = conditionFields(field);
      if (shownBy.length > 0 && !shownBy.some((key) => roots.has(key))) {
        report(
          ctx,
          'LINT_WARN_GATEWAY_FIELD_OPTIONAL',
          where,
          `顺序流 ${flow.id} 的条件读取字段 ${root}，它只在 ${shownBy.join('、')} 满足条件时显示；请在条件中同时判断 ${shownBy.join('、')}。`,
          `${flow.id} reads conditional ${root}`,
        );
      }
    }
  }
}
