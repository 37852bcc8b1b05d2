import { checkFormSafety, compileForm } from '@ddt/forms';
import { formFile, type LintContext, report } from '../lint-context.js';
import {
  conditionFields,
  type FormComponent,
  type FormDefinition,
  holdsData,
  walkComponents,
} from '../model/form-model.js';

const CJK = /[\u4e00-\u9fff]/;
const CAMEL = /^[a-z][a-zA-Z0-9]*$/;
const CHOICES = new Set(['radio', 'select', 'selectboxes']);

/** Each form: Form.io shape, no code, compiles, unique keys, labels, conditions, choices, uploads. */
export function checkForms(ctx: LintContext): void {
  for (const [formId, raw] of Object.entries(ctx.bundle.forms)) {
    const file = formFile(formId);
    const form = raw as FormDefinition;
    if (typeof form.title !== 'string' || form.display !== 'form' || !Array.isArray(form.components)) {
      report(
        ctx,
        'LINT_ERR_FORM_SHAPE',
        { file },
        `表单 ${formId} 不是 Form.io 表单：需要 title（文本）、display 为 "form" 和 components 数组。`,
        formId,
      );
      continue;
    }
    const unsafe = checkFormSafety(raw);
    for (const problem of unsafe) {
      const code =
        problem.code === 'FORM_ERR_JAVASCRIPT'
          ? 'LINT_ERR_FORM_JAVASCRIPT'
          : problem.code === 'FORM_ERR_JSONLOGIC'
            ? 'LINT_ERR_FORM_JSONLOGIC'
            : 'LINT_ERR_FORM_COMPONENT_KEY';
      report(
        ctx,
        code,
        { file, componentKey: problem.componentKey },
        `${problem.message}（组件 ${problem.componentPath} 的 ${problem.property}）；表单只能用 JSONLogic，不能含 JavaScript。`,
        `${problem.componentPath}.${problem.property}`,
      );
    }
    if (unsafe.length === 0) {
      try {
        compileForm(raw);
      } catch (error) {
        report(
          ctx,
          'LINT_ERR_FORM_COMPILE',
          { file },
          `表单 ${formId} 无法编译：${(error as Error).message}`,
        );
      }
    }
    checkComponents(ctx, formId, form);
  }
}

function checkComponents(ctx: LintContext, formId: string, form: FormDefinition): void {
  const file = formFile(formId);
  const keys = new Set<string>();
  const duplicates = new Set<string>();
  walkComponents(form.components, (component) => {
    if (!component.key) return;
    if (keys.has(component.key)) duplicates.add(component.key);
    keys.add(component.key);
  });
  for (const key of duplicates) {
    report(
      ctx,
      'LINT_ERR_FORM_DUPLICATE_KEY',
      { file, componentKey: key },
      `表单 ${formId} 有多个组件的 key 都是 ${key}；请给每个组件一个唯一的 key。`,
      key,
    );
  }
  walkComponents(form.components, (component: FormComponent) => {
    const key = component.key ?? '';
    const where = { file, componentKey: key || null };
    if (key && !CAMEL.test(key)) {
      report(
        ctx,
        'LINT_WARN_FORM_KEY_STYLE',
        where,
        `表单 ${formId} 的组件 key「${key}」不是小驼峰（如 rectifyItems）；FEEL 用 key 作变量名，请改名。`,
        key,
      );
    }
    if (holdsData(component) && !CJK.test(String(component.label ?? ''))) {
      report(
        ctx,
        'LINT_WARN_FORM_LABEL',
        where,
        `表单 ${formId} 的组件 ${key} 没有中文标签；请填写中文 label。`,
        key,
      );
    }
    for (const field of conditionFields(component)) {
      if (!keys.has(field)) {
        report(
          ctx,
          'LINT_ERR_FORM_CONDITION_FIELD',
          where,
          `表单 ${formId} 的组件 ${key} 的显示条件引用了不存在的字段 ${field}；请改为本表单中的字段 key。`,
          `${key} → ${field}`,
        );
      }
    }
    if (CHOICES.has(component.type ?? '') && component.validate?.onlyAvailableItems !== true) {
      report(
        ctx,
        'LINT_WARN_CHOICES_NOT_ENFORCED',
        where,
        `表单 ${formId} 的选项组件 ${key} 没有设置 validate.onlyAvailableItems: true；请加上，只接受列出的选项。`,
        key,
      );
    }
    if (component.type === 'file') {
      const fine =
        component.storage === 'url' &&
        component.url === '/api/files' &&
        Boolean(component.filePattern) &&
        Boolean(component.fileMaxSize);
      if (!fine) {
        report(
          ctx,
          'LINT_ERR_FILE_UPLOAD',
          where,
          `表单 ${formId} 的上传组件 ${key} 必须设置 storage "url"、url "/api/files"、filePattern 和 fileMaxSize。`,
          key,
        );
      }
    }
  });
}
