import { BPMN_FILE, formOf, type LintContext, report } from '../lint-context.js';
import {
  type BpmnElement,
  extension,
  type ProcessInfo,
  SERVICE_TYPES,
  text,
  userTaskInfo,
} from '../model/bpmn-model.js';
import { topLevelFields } from '../model/form-model.js';

const ROLES = new Set(['school', 'inspector', 'office']);

/**
 * User tasks name a form, a known role (or a FEEL assignee) and a due date; service tasks set retries;
 * a task that shows process data in read-only fields does not write them back.
 */
export function checkTasks(ctx: LintContext, process: ProcessInfo): void {
  for (const element of process.elements) {
    if (element.$type === 'bpmn:UserTask') checkUserTask(ctx, process, element);
    if (SERVICE_TYPES.has(element.$type)) {
      const retries = text(extension(element, 'zeebe:TaskDefinition')?.retries);
      if (!retries) {
        report(
          ctx,
          'LINT_WARN_RETRIES_MISSING',
          { file: BPMN_FILE, elementId: element.id ?? null },
          `服务任务 ${element.id}（${element.name ?? ''}）没有设置重试次数；请在 zeebe:taskDefinition 上写 retries="3"。`,
          String(element.id),
        );
      }
    }
  }
}

function checkUserTask(ctx: LintContext, process: ProcessInfo, task: BpmnElement): void {
  const id = String(task.id);
  const where = { file: BPMN_FILE, elementId: id };
  const label = `用户任务 ${id}（${task.name ?? ''}）`;
  const info = userTaskInfo(task);
  if (!info.formId) {
    report(
      ctx,
      'LINT_ERR_FORM_MISSING',
      where,
      `${label}没有指定表单；请添加 <zeebe:formDefinition formId="…"/>。`,
      id,
    );
  }
  const groups = info.candidateGroups;
  if (!groups && !info.assignee) {
    report(
      ctx,
      'LINT_ERR_ASSIGNMENT_MISSING',
      where,
      `${label}没有办理人；请用 zeebe:assignmentDefinition 指定 candidateGroups（school / inspector / office）或 FEEL 表达式 assignee。`,
      id,
    );
  }
  if (groups && !groups.startsWith('=')) {
    const roles = groups.split(',').map((role) => role.trim());
    for (const role of roles.filter((r) => !ROLES.has(r))) {
      report(
        ctx,
        'LINT_ERR_ROLE_UNKNOWN',
        where,
        `${label}的候选组「${role}」不是已知角色；请改为 school（学校）、inspector（责任督学）或 office（督导室），或写 FEEL 表达式。`,
        role,
      );
    }
    if (process.scope === 'campaign') {
      for (const role of roles.filter((r) => r === 'school' || r === 'inspector')) {
        report(
          ctx,
          'LINT_ERR_ROLE_SCOPE',
          where,
          `${label}在批次级流程中，没有学校，也就没有「${role}」；请改为 office。`,
          role,
        );
      }
    }
    const filledBy = info.formId ? ctx.bundle.manifest.forms[info.formId]?.filledBy : undefined;
    if (filledBy && roles.length === 1 && roles[0] !== filledBy) {
      report(
        ctx,
        'LINT_WARN_ROLE_FILLED_BY',
        where,
        `${label}由 ${roles[0]} 办理，但 program.json 中表单 ${info.formId} 的 filledBy 是 ${filledBy}；请让两者一致。`,
        `${roles[0]} ≠ ${filledBy}`,
      );
    }
  }
  if (!info.dueDate?.startsWith('=')) {
    report(
      ctx,
      'LINT_WARN_DUE_DATE_MISSING',
      where,
      `${label}没有截止时间；请添加 <zeebe:taskSchedule dueDate="=now() + duration(params.…)"/>。`,
      id,
    );
  }
  const form = info.formId ? formOf(ctx, info.formId) : undefined;
  if (!form) return;
  const readOnly = [...topLevelFields(form).values()].filter((c) => c.disabled === true && c.key);
  if (readOnly.length === 0) return;
  const targets = new Set(info.outputs.map((output) => output.target));
  for (const component of readOnly) {
    if (info.outputs.length > 0 && !targets.has(String(component.key))) continue;
    report(
      ctx,
      'LINT_ERR_READONLY_OVERWRITE',
      { file: BPMN_FILE, elementId: id, componentKey: component.key ?? null },
      info.outputs.length === 0
        ? `${label}的表单 ${info.formId} 用只读字段 ${component.key} 显示流程数据，但任务没有输出映射，提交会把它写回流程；请用 zeebe:ioMapping 输出映射只写回本任务填写的字段。`
        : `${label}的输出映射写回了只读字段 ${component.key}；请删除这条输出映射。`,
      String(component.key),
    );
  }
}
