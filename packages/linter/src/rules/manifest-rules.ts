import { type LintContext, MANIFEST_FILE, report } from '../lint-context.js';

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/** Parameters: unique keys, defaults that fit their type and limits, and used by the process. */
export function checkParameters(ctx: LintContext): void {
  const seen = new Set<string>();
  const file = MANIFEST_FILE;
  for (const parameter of ctx.bundle.manifest.parameters) {
    const where = { file, elementId: parameter.key };
    if (seen.has(parameter.key)) {
      report(
        ctx,
        'LINT_ERR_PARAM_DUPLICATE',
        where,
        `参数 ${parameter.key} 重复定义；请删除或改名其中一个。`,
      );
    }
    seen.add(parameter.key);
    const problem = defaultProblem(parameter.type, parameter.default, parameter.minimum, parameter.maximum);
    if (problem) {
      report(
        ctx,
        'LINT_ERR_PARAM_DEFAULT',
        where,
        `参数 ${parameter.key} 的默认值 ${JSON.stringify(parameter.default)} ${problem}；请修改默认值或取值范围。`,
        parameter.key,
      );
    }
    if (!new RegExp(`params\\.${parameter.key}\\b`).test(ctx.bundle.bpmn)) {
      report(
        ctx,
        'LINT_WARN_PARAM_UNUSED',
        where,
        `参数 ${parameter.key}（${parameter.label}）没有被流程使用；请在 FEEL 中用 params.${parameter.key} 引用它，或从 program.json 删除。`,
        parameter.key,
      );
    }
  }
}

function defaultProblem(type: string, value: unknown, minimum?: number, maximum?: number): string | null {
  switch (type) {
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return '不是数字';
      if (type === 'integer' && !Number.isInteger(value)) return '不是整数';
      if (minimum !== undefined && value < minimum) return `小于最小值 ${minimum}`;
      if (maximum !== undefined && value > maximum) return `大于最大值 ${maximum}`;
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : '不是 true/false';
    case 'duration':
      return typeof value === 'string' && ISO_DURATION.test(value) ? null : '不是 ISO 8601 时长（如 P30D）';
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? null
        : '不是日期（如 2026-09-01）';
    default:
      return typeof value === 'string' ? null : '不是文本';
  }
}

/** Forms declared in program.json, form files and the forms user tasks use are the same set. */
export function checkDeclaredForms(ctx: LintContext, usedFormIds: Set<string>): void {
  const declared = ctx.bundle.manifest.forms;
  for (const formId of Object.keys(declared)) {
    if (!(formId in ctx.bundle.forms)) {
      report(
        ctx,
        'LINT_ERR_FORM_FILE_MISSING',
        { file: MANIFEST_FILE, elementId: formId },
        `program.json 声明了表单 ${formId}，但缺少文件 forms/${formId}.json；请添加该文件或删除声明。`,
        formId,
      );
    } else if (ctx.model && !usedFormIds.has(formId)) {
      report(
        ctx,
        'LINT_WARN_FORM_UNUSED',
        { file: MANIFEST_FILE, elementId: formId },
        `表单 ${formId}（${declared[formId]?.title}）没有用户任务使用；请在用户任务的 zeebe:formDefinition 中引用它，或删除它。`,
        formId,
      );
    }
  }
  for (const formId of Object.keys(ctx.bundle.forms)) {
    if (!(formId in declared)) {
      report(
        ctx,
        'LINT_ERR_FORM_UNDECLARED',
        { file: `forms/${formId}.json`, elementId: formId },
        `表单文件 forms/${formId}.json 没有在 program.json 的 forms 中声明；请补充 title 和 filledBy。`,
        formId,
      );
    }
  }
}
