import { analyseFeel } from '../feel/feel-references.js';
import { feelSyntaxProblem } from '../feel/feel-syntax.js';
import { BPMN_FILE, formOf, type LintContext, report } from '../lint-context.js';
import { extension, type ProcessInfo, SERVICE_TYPES, text, userTaskInfo } from '../model/bpmn-model.js';
import { describeSite, feelSites } from '../model/feel-sites.js';
import { topLevelFields } from '../model/form-model.js';
import { LAUNCH_FIELDS, processVariables } from '../model/process-variables.js';

/**
 * Every FEEL expression reads only variables something defines (launch variables, parameters declared
 * in program.json, form fields, mapping targets, handler outputs, `score` after a scored form), and only
 * fields the launch variables have. Syntax errors are the engine check's (`LINT_ERR_FEEL_SYNTAX`).
 */
export function checkFeelVariables(ctx: LintContext, process: ProcessInfo): void {
  const { defined } = processVariables(ctx.bundle, process, ctx.handlerOutputs);
  const parameters = new Set(ctx.bundle.manifest.parameters.map((parameter) => parameter.key));
  for (const site of feelSites(process)) {
    if (feelSyntaxProblem(site.expression)) continue;
    const where = { file: BPMN_FILE, elementId: site.elementId };
    let own = new Set<string>();
    if (site.kind === 'output' && site.element.$type === 'bpmn:UserTask') {
      const formId = userTaskInfo(site.element).formId;
      own = new Set(topLevelFields((formId && formOf(ctx, formId)) || {}).keys());
    }
    if (site.kind === 'output' && SERVICE_TYPES.has(site.element.$type)) {
      const type = text(extension(site.element, 'zeebe:TaskDefinition')?.type);
      const outputs = type ? ctx.handlerOutputs.get(type) : undefined;
      // An output mapping reads what the handler returned; unknown handlers cannot be checked.
      if (!outputs) continue;
      own = new Set(outputs);
    }
    for (const reference of analyseFeel(site.expression).references) {
      const { root, property } = reference;
      if (!own.has(root) && !defined.has(root)) {
        report(
          ctx,
          'LINT_ERR_FEEL_VARIABLE_UNKNOWN',
          where,
          `${describeSite(site)}读取了变量「${root}」，但没有表单字段、输出映射或启动参数定义它（${site.expression}）；请检查拼写，或在之前的用户任务表单中加入该字段、用输出映射定义它。`,
          `${root} in ${site.expression}`,
        );
        continue;
      }
      if (root === 'params' && property !== undefined && !parameters.has(property)) {
        report(
          ctx,
          'LINT_ERR_PARAM_UNKNOWN',
          where,
          `${describeSite(site)}读取了参数 params.${property}，但 program.json 没有声明它；请在 parameters 中添加 ${property}（含默认值），或改为已声明的参数。`,
          `params.${property}`,
        );
      }
      const fields = LAUNCH_FIELDS[root];
      const definedBy = defined.get(root);
      const fromLaunch =
        definedBy === '启动参数' || (root === 'score' && definedBy !== undefined) || root === 'recurrence';
      if (fields && fromLaunch && !own.has(root) && property !== undefined && !fields.has(property)) {
        report(
          ctx,
          'LINT_ERR_FEEL_FIELD_UNKNOWN',
          where,
          `${describeSite(site)}读取了 ${root}.${property}，但 ${root} 没有字段 ${property}；可用的字段有 ${[...fields].join('、')}。`,
          `${root}.${property}`,
        );
      }
    }
  }
}
