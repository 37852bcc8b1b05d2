import type { FormComponent } from '../components/form-component.js';
import { isPlainObject } from '../components/form-component.js';
import { walkComponents } from '../components/walk-components.js';
import type { FormSafetyProblem } from './form-safety-problem.js';
import { inspectJsonLogic, PROTOTYPE_NAMES } from './jsonlogic-policy.js';

/** Form.io properties that hold JavaScript as a string, with what the builder calls them. */
const JAVASCRIPT_PROPERTIES: { path: string[]; title: string }[] = [
  { path: ['customConditional'], title: '自定义显示条件' },
  { path: ['calculateValue'], title: '计算值' },
  { path: ['customDefaultValue'], title: '自定义默认值' },
  { path: ['validate', 'custom'], title: '自定义校验' },
  { path: ['data', 'custom'], title: '自定义选项' },
  { path: ['custom'], title: '按钮自定义动作' },
];

/** Properties that hold JSONLogic as an object. */
const JSONLOGIC_PROPERTIES: { path: string[]; title: string }[] = [
  { path: ['conditional', 'json'], title: '显示条件' },
  { path: ['calculateValue'], title: '计算值' },
  { path: ['customDefaultValue'], title: '自定义默认值' },
  { path: ['validate', 'json'], title: 'JSONLogic 校验' },
];

const OBJECT_PROTOTYPE_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), ...PROTOTYPE_NAMES]);

/**
 * Lists everything in a Form.io form that is JavaScript, or JSONLogic that could reach JavaScript. A form
 * with problems must not be published; compileForm refuses it. Simple conditions, JSONLogic from the
 * allowed set and `{{ path }}` placeholders are fine.
 */
export function checkFormSafety(form: unknown): FormSafetyProblem[] {
  const problems: FormSafetyProblem[] = [];
  const components = isPlainObject(form) ? form.components : undefined;
  walkComponents(components, ({ component, fullPath }) => {
    const key = typeof component.key === 'string' ? component.key : '';
    const name = describe(component);
    const report = (code: FormSafetyProblem['code'], property: string, message: string) =>
      problems.push({ code, componentKey: key, componentPath: fullPath, property, message });

    if (OBJECT_PROTOTYPE_NAMES.has(key)) {
      report(
        'FORM_ERR_COMPONENT_KEY',
        'key',
        `${name}的键名“${key}”是 JavaScript 对象的保留名，请改用其他键名。`,
      );
    }
    const reported = new Set<string>();
    for (const { path, title } of JAVASCRIPT_PROPERTIES) {
      const value = readProperty(component, path);
      if (typeof value === 'string' && value.trim() !== '') {
        reported.add(path.join('.'));
        report(
          'FORM_ERR_JAVASCRIPT',
          path.join('.'),
          `${name}的${title}是 JavaScript 代码，请改用简单条件或 JSONLogic。`,
        );
      }
    }
    for (const { path, title } of JSONLOGIC_PROPERTIES) {
      const value = readProperty(component, path);
      if (value !== null && typeof value === 'object') {
        reported.add(path.join('.'));
        reportJsonLogic(value, path.join('.'), `${name}的${title}`, report);
      }
    }
    checkLogic(component, name, reported, report);
    checkTemplates(component, name, reported, report);
  });
  return problems;
}

type Report = (code: FormSafetyProblem['code'], property: string, message: string) => void;

function reportJsonLogic(logic: unknown, property: string, where: string, report: Report) {
  for (const finding of inspectJsonLogic(logic)) {
    report(
      'FORM_ERR_JSONLOGIC',
      property,
      finding.reason === 'operation'
        ? `${where}使用了不允许的 JSONLogic 运算 ${finding.where}。`
        : `${where}中的变量 ${finding.where} 不允许：只能读取 data、row、value 等数据，且不能访问对象原型。`,
    );
  }
}

/** "Advanced logic": triggers and actions may carry JavaScript too. */
function checkLogic(component: FormComponent, name: string, reported: Set<string>, report: Report) {
  if (!Array.isArray(component.logic)) return;
  reported.add('logic');
  component.logic.forEach((rule: unknown, index) => {
    if (!isPlainObject(rule)) return;
    const trigger = rule.trigger;
    if (isPlainObject(trigger)) {
      if (typeof trigger.javascript === 'string' && trigger.javascript.trim() !== '') {
        report(
          'FORM_ERR_JAVASCRIPT',
          `logic[${index}].trigger.javascript`,
          `${name}的高级逻辑触发条件是 JavaScript 代码。`,
        );
      }
      if (trigger.json !== null && typeof trigger.json === 'object') {
        reportJsonLogic(trigger.json, `logic[${index}].trigger.json`, `${name}的高级逻辑触发条件`, report);
      }
    }
    if (!Array.isArray(rule.actions)) return;
    rule.actions.forEach((action: unknown, actionIndex) => {
      if (!isPlainObject(action)) return;
      for (const property of ['value', 'customAction', 'schemaDefinition']) {
        const code = action[property];
        if (typeof code === 'string' && code.trim() !== '') {
          report(
            'FORM_ERR_JAVASCRIPT',
            `logic[${index}].actions[${actionIndex}].${property}`,
            `${name}的高级逻辑动作是 JavaScript 代码。`,
          );
        }
      }
      if (typeof action.text === 'string' && isCodeTemplate(action.text)) {
        report(
          'FORM_ERR_JAVASCRIPT',
          `logic[${index}].actions[${actionIndex}].text`,
          `${name}的高级逻辑动作文字含有模板代码。`,
        );
      }
    });
  });
}

/**
 * The browser renders labels, HTML, descriptions and similar strings as lodash templates: `{% %}` and any
 * `{{ }}` that is more than a property path run as JavaScript there.
 */
function checkTemplates(component: FormComponent, name: string, reported: Set<string>, report: Report) {
  const visit = (value: unknown, path: string) => {
    if (reported.has(path)) return;
    if (typeof value === 'string') {
      if (isCodeTemplate(value)) {
        report(
          'FORM_ERR_JAVASCRIPT',
          path,
          `${name}的“${path}”含有模板代码（{% %} 或带运算的 {{ }}），只能使用 {{ 路径 }} 形式的占位符。`,
        );
      }
      return;
    }
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, `${path}[${index}]`);
      return;
    }
    if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, path ? `${path}.${key}` : key);
    }
  };
  for (const [key, value] of Object.entries(component)) {
    if (key === 'components' || key === 'logic') continue;
    if (key === 'columns' || key === 'rows') {
      // Their cells hold child components (checked on their own); only the cells' other settings are ours.
      visit(stripChildComponents(value), key);
      continue;
    }
    visit(value, key);
  }
}

function stripChildComponents(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripChildComponents);
  if (isPlainObject(value)) {
    const { components: _children, ...rest } = value;
    return rest;
  }
  return value;
}

const PLACEHOLDER_PATH =
  /^\s*[A-Za-z_$][\w$]*(?:\.[\w$]+|\[\d+\])*(?:\s*\|\|\s*[A-Za-z_$][\w$]*(?:\.[\w$]+|\[\d+\])*)*\s*$/;

/** True when a string holds template code rather than plain text with `{{ path }}` placeholders. */
export function isCodeTemplate(text: string): boolean {
  if (text.includes('{%')) return true;
  for (const match of text.matchAll(/{{([\s\S]*?)}}/g)) {
    const expression = match[1] ?? '';
    if (
      !PLACEHOLDER_PATH.test(expression) ||
      /(^|[.\s])(constructor|__proto__|prototype)\b/.test(expression)
    ) {
      return true;
    }
  }
  return false;
}

function readProperty(component: FormComponent, path: string[]): unknown {
  let value: unknown = component;
  for (const segment of path) {
    if (!isPlainObject(value)) return undefined;
    value = value[segment];
  }
  return value;
}

function describe(component: FormComponent): string {
  const label = typeof component.label === 'string' && component.label.trim() ? component.label.trim() : '';
  const key = typeof component.key === 'string' ? component.key : '';
  if (label && key) return `组件“${label}”（${key}）`;
  return `组件“${label || key || component.type || '未命名'}”`;
}
