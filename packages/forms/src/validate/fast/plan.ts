import { allNodes, type FormNode } from '../../compile/form-node.js';
import { type FormComponent, isPlainObject } from '../../components/form-component.js';
import { compileCondition, type HiddenTest, TargetLookup } from './conditions.js';
import { type Normalizer, normalizerFor } from './normalize.js';
import { type CoreRule, candidateRules } from './rules.js';
import { Unsupported } from './unsupported.js';

/** One component as the fast engine runs it: every setting read once, every decision that can be made once, made. */
export interface FastNode {
  readonly node: FormNode;
  readonly component: FormComponent;
  readonly key: string;
  readonly holdsData: boolean;
  /** How children are visited: with the same row (layouts), per row (datagrid/editgrid), inside the value (container). */
  readonly childMode: 'none' | 'same' | 'rows' | 'object';
  readonly children: FastNode[];
  /** Set when the key is missing from its row (never for number components on the server). */
  readonly defaultValue: unknown;
  readonly calculate: unknown;
  /** Skip the calculation when the value is missing and the parent is a datagrid (@formio/core `shouldCalculate`). */
  readonly calculateOnlyWhenPresent: boolean;
  readonly hiddenTest: HiddenTest | undefined;
  readonly normalize: Normalizer;
  /** `multiple` and not required: a single value is wrapped in an array, a missing one becomes `[]`. */
  readonly wrapMultiple: boolean;
  readonly clearOnHide: boolean;
  /** Number components get `null` in the working data when they are not kept (@formio/core filter). */
  readonly nullWhenDropped: boolean;
  /** Empty value the cleaned output gets when none of the children kept a value. */
  readonly emptyOutput: (() => unknown) | undefined;
  /** Not an input, or a value that is not kept: never validated. */
  readonly neverValidated: boolean;
  readonly validateWhenHidden: boolean;
  readonly hidden: boolean;
  readonly multiple: boolean;
  readonly rules: CoreRule[];
}

export interface FastPlan {
  readonly roots: FastNode[];
}

export type PlanResult = { plan: FastPlan; reason?: undefined } | { plan?: undefined; reason: string };

const VALUE_TYPES = new Set([
  'textfield',
  'textarea',
  'email',
  'datetime',
  'number',
  'currency',
  'checkbox',
  'radio',
  'select',
  'selectboxes',
  'button',
  'hidden',
  'file',
  'datagrid',
  'editgrid',
  'container',
]);
const LAYOUT_TYPES = new Set([
  'panel',
  'columns',
  'fieldset',
  'well',
  'table',
  'tabs',
  'htmlelement',
  'content',
]);

/** Builds the fast engine's plan, or says why this form needs @formio/core's processSync. */
export function planFastEngine(nodes: readonly FormNode[]): PlanResult {
  try {
    const everyNode = allNodes(nodes);
    checkPathsAreUnique(everyNode);
    const lookup = new TargetLookup(everyNode);
    const build = (node: FormNode): FastNode => planNode(node, lookup, build);
    return { plan: { roots: nodes.map(build) } };
  } catch (error) {
    if (error instanceof Unsupported) return { reason: error.message };
    throw error;
  }
}

function planNode(node: FormNode, lookup: TargetLookup, build: (node: FormNode) => FastNode): FastNode {
  const { component } = node;
  checkSupported(node);
  const validate = isPlainObject(component.validate) ? component.validate : {};
  const multiple = !!component.multiple;
  const hasDefault =
    node.holdsData &&
    Object.hasOwn(component, 'defaultValue') &&
    node.modelType !== 'number' &&
    !!component.defaultValue;
  let childMode: FastNode['childMode'] = 'none';
  if (node.children.length > 0 || node.modelType === 'nestedArray' || component.type === 'container') {
    childMode = !node.holdsData ? 'same' : node.modelType === 'nestedArray' ? 'rows' : 'object';
  }
  return {
    node,
    component,
    key: node.key,
    holdsData: node.holdsData,
    childMode,
    children: node.children.map(build),
    defaultValue: hasDefault
      ? multiple && !Array.isArray(component.defaultValue)
        ? [component.defaultValue]
        : component.defaultValue
      : undefined,
    calculate:
      isPlainObject(component.calculateValue) || Array.isArray(component.calculateValue)
        ? component.calculateValue
        : undefined,
    calculateOnlyWhenPresent: node.parent?.modelType === 'nestedArray',
    hiddenTest: compileCondition(node, lookup),
    normalize: normalizerFor(component),
    wrapMultiple: multiple && !validate.required,
    clearOnHide: !Object.hasOwn(component, 'clearOnHide') || !!component.clearOnHide,
    nullWhenDropped: component.type === 'number',
    emptyOutput:
      node.modelType === 'nestedArray' ? () => [] : component.type === 'container' ? () => ({}) : undefined,
    neverValidated:
      !(!Object.hasOwn(component, 'input') || component.input) ||
      (!component.protected &&
        ((Object.hasOwn(component, 'persistent') && !component.persistent) ||
          component.persistent === 'client-only')),
    validateWhenHidden: !!component.validateWhenHidden,
    hidden: Object.hasOwn(component, 'hidden') && !!component.hidden,
    multiple,
    rules: candidateRules(component),
  };
}

function checkSupported(node: FormNode) {
  const { component, type } = node;
  const where = `组件 ${node.fullPath || type}`;
  const fail = (why: string) => {
    throw new Unsupported(`${where}：${why}`);
  };
  if (node.holdsData ? !VALUE_TYPES.has(type) : type && !LAYOUT_TYPES.has(type)) fail(`类型 ${type}`);
  if (!type && !Array.isArray(component.components)) fail('没有类型');
  if (typeof component.modelType === 'string' || component.tree) fail('自定义数据模型');
  if (/[.[\]]/.test(node.key)) fail('键名含路径字符');
  if (Array.isArray(component.logic) && component.logic.length > 0) fail('高级逻辑');
  if (isPlainObject(component.serverOverride) && Object.keys(component.serverOverride).length > 0)
    fail('serverOverride');
  if (component.customDefaultValue) fail('自定义默认值');
  if (!node.holdsData && (component.defaultValue || component.calculateValue))
    fail('布局组件带默认值或计算值');
  for (const property of ['errorLabel', 'label', 'placeholder']) {
    const text = component[property];
    if (typeof text === 'string' && text.includes('{{')) fail('标签含模板');
  }
  if (component.truncateMultipleSpaces || component.allowMultipleMasks) fail('输入掩码或空格压缩');
  if (component.multiple && !['select', 'file'].includes(type)) fail('多值');
  if (type === 'textarea' && component.as === 'json') fail('JSON 文本框');
  if (type === 'checkbox' && component.inputType === 'radio') fail('单选式复选框');
  if (['radio', 'select', 'selectboxes'].includes(type)) {
    if (!node.options) fail('选项来自网址或资源');
    if (!node.options!.every((value) => ['string', 'number', 'boolean'].includes(typeof value)))
      fail('选项值不是简单值');
    if (type === 'select' && component.dataType === 'object') fail('对象值下拉框');
  }
  if (node.modelType === 'nestedArray' && node.arrayAncestor) fail('嵌套的数据表格');
}

/**
 * @formio/core keys its per-submission bookkeeping (kept values, hidden components) by path strings:
 * data path for values, full path for layouts, the parent's path for content. Two components sharing one
 * would influence each other there; such forms are left to @formio/core itself.
 */
function checkPathsAreUnique(nodes: readonly FormNode[]) {
  const seen = new Set<string>();
  for (const node of nodes) {
    let path: string | undefined;
    if (node.holdsData) path = node.path;
    else if (node.modelType === 'none' || !node.type) path = node.fullPath;
    else if (isPlainObject(node.component.conditional)) path = node.path || node.fullPath;
    if (path === undefined) continue;
    if (seen.has(path)) throw new Unsupported(`路径 ${path} 被多个组件使用`);
    seen.add(path);
  }
}
