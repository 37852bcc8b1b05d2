import lodash from 'lodash';
import type { FormNode } from '../../compile/form-node.js';
import { type FormComponent, isPlainObject } from '../../components/form-component.js';
import { jsonLogic, Utils } from '../formio-core.js';
import { type Frame, getDeep } from './frame.js';
import { Unsupported } from './unsupported.js';

/** Decides, for one visit, whether the component is conditionally hidden (@formio/core `isConditionallyHidden`). */
export type HiddenTest = (frame: Frame, value: unknown, data: Record<string, unknown>) => boolean;

/** How a condition reads the value it compares: resolved once instead of searching the form per visit. */
type ValueReader = (frame: Frame, data: Record<string, unknown>) => unknown;

interface Target {
  read: ValueReader;
  component: FormComponent | undefined;
  /** No component has this path; simple conditions then compare null, legacy ones read the data path. */
  unresolved?: boolean;
}

/**
 * Compiles a component's `conditional` (JSONLogic, legacy `when/eq`, or simple `conditions`) into a test.
 * Returns undefined when the component has none. Mirrors @formio/core 2.8 `isSimpleConditionallyHidden`:
 * each kind that is present overwrites the previous result, in the order json, legacy, simple.
 */
export function compileCondition(node: FormNode, lookup: TargetLookup): HiddenTest | undefined {
  const conditional = node.component.conditional;
  if (!isPlainObject(conditional)) return undefined;
  const isJson = !!conditional.json && lodash.isObject(conditional.json);
  const isLegacy = !!conditional.when;
  const isSimple = !!conditional.conjunction && !!conditional.conditions;
  if (!isJson && !isLegacy && !isSimple) return undefined;

  const json = isJson ? conditional.json : undefined;
  const legacy = isLegacy ? compileLegacy(conditional, node, lookup) : undefined;
  const simple = isSimple ? compileSimple(conditional, node, lookup) : undefined;
  const component = node.component;
  return (frame, value, data) => {
    let show: unknown = null;
    if (json !== undefined)
      show = applyJsonLogic(json, { data, row: frame.row, value, input: value, component });
    if (legacy) show = legacy(frame, data);
    if (simple) show = simple(frame, data);
    if (show === null || show === undefined) return false;
    return !show;
  };
}

export function applyJsonLogic(logic: unknown, context: Record<string, unknown>): unknown {
  try {
    return jsonLogic.apply(logic, context);
  } catch {
    return null;
  }
}

function compileLegacy(conditional: Record<string, unknown>, node: FormNode, lookup: TargetLookup) {
  const target = lookup.resolve(String(conditional.when), node);
  const eq = String(conditional.eq);
  const show = String(conditional.show);
  if (/[.[\]]/.test(eq)) throw new Unsupported(`${node.fullPath} 的旧式条件值含路径字符`);
  const when = String(conditional.when);
  return (frame: Frame, data: Record<string, unknown>): boolean => {
    const value = target.unresolved ? lodash.get(data, when) : target.read(frame, data);
    if (lodash.isObject(value) && Object.hasOwn(value, eq))
      return String((value as Record<string, unknown>)[eq]) === show;
    if (Array.isArray(value) && value.map(String).includes(eq)) return show === 'true';
    return (String(value) === eq) === (show === 'true');
  };
}

function compileSimple(conditional: Record<string, unknown>, node: FormNode, lookup: TargetLookup) {
  const conditions = Array.isArray(conditional.conditions) ? conditional.conditions : [];
  const conjunction = conditional.conjunction ?? 'all';
  const show = conditional.show ?? true;
  if (conditions.length === 0) return () => null;
  const tests = conditions.map((condition: unknown) => compileOne(condition, node, lookup));
  const wantsShow = showToBoolean(show);
  return (frame: Frame, data: Record<string, unknown>): boolean => {
    const results: unknown[] = [];
    for (const test of tests) {
      const result = test(frame, data);
      if (result !== null) results.push(result);
    }
    const result = conjunction === 'any' ? results.some((item) => !!item) : results.every((item) => !!item);
    return wantsShow ? result : !result;
  };
}

function compileOne(condition: unknown, node: FormNode, lookup: TargetLookup) {
  const {
    operator,
    value: comparedValue,
    component: path,
  } = isPlainObject(condition) ? condition : ({} as Record<string, unknown>);
  if (!path) return () => null;
  const target = lookup.resolve(String(path), node);
  const execute = operatorFor(operator, node);
  if (!execute) return () => true;
  const conditionComponent = target.component;
  const conditionComponentPath = String(path);
  return (frame: Frame, data: Record<string, unknown>) => {
    const value = conditionComponent ? target.read(frame, data) : null;
    return execute({ value, comparedValue, conditionComponent, conditionComponentPath, data });
  };
}

interface OperatorInput {
  value: unknown;
  comparedValue: unknown;
  conditionComponent: FormComponent | undefined;
  conditionComponentPath: string;
  data: Record<string, unknown>;
}

/** @formio/core's condition operators; an array value matches when any item does (except for isEmpty). */
function operatorFor(operator: unknown, node: FormNode): ((input: OperatorInput) => boolean) | undefined {
  const anyItem = (test: (input: OperatorInput) => boolean) => (input: OperatorInput) =>
    Array.isArray(input.value) ? input.value.some((item) => test({ ...input, value: item })) : test(input);
  switch (operator) {
    case 'isEqual':
      return anyItem(isEqualTo);
    case 'isNotEqual':
      return anyItem((input) => !isEqualTo(input));
    case 'isEmpty':
      return isEmptyValue;
    case 'isNotEmpty':
      return (input) => !isEmptyValue(input);
    case 'greaterThan':
      return anyItem(
        ({ value, comparedValue }) => lodash.isNumber(value) && value > (comparedValue as number),
      );
    case 'lessThan':
      return anyItem(
        ({ value, comparedValue }) => lodash.isNumber(value) && value < (comparedValue as number),
      );
    case 'greaterThanOrEqual':
      return anyItem(
        ({ value, comparedValue }) =>
          lodash.isNumber(value) &&
          (value > (comparedValue as number) || lodash.isEqual(value, comparedValue)),
      );
    case 'lessThanOrEqual':
      return anyItem(
        ({ value, comparedValue }) =>
          lodash.isNumber(value) &&
          (value < (comparedValue as number) || lodash.isEqual(value, comparedValue)),
      );
    case 'includes':
      return anyItem(({ value, comparedValue }) => lodash.includes(value as string, comparedValue));
    case 'notIncludes':
      return anyItem(({ value, comparedValue }) => !lodash.includes(value as string, comparedValue));
    case 'startsWith':
      return anyItem(({ value, comparedValue }) =>
        lodash.startsWith(value as string, comparedValue as string),
      );
    case 'endsWith':
      return anyItem(({ value, comparedValue }) => lodash.endsWith(value as string, comparedValue as string));
    default:
      if (typeof operator === 'string' && /date/i.test(operator)) {
        throw new Unsupported(`${node.fullPath} 使用日期条件 ${operator}`);
      }
      // Unknown operators count as met, as in @formio/core.
      return undefined;
  }
}

function isEqualTo({ value, comparedValue, conditionComponent }: OperatorInput): boolean {
  if (conditionComponent?.type === 'selectboxes' && lodash.isObject(value)) {
    return !!lodash.get(value, comparedValue as string, false);
  }
  let compared = comparedValue;
  if (
    (value || value === false) &&
    compared &&
    typeof value !== typeof compared &&
    typeof compared === 'string'
  ) {
    try {
      compared = JSON.parse(compared);
    } catch {
      // keep the text
    }
  }
  return lodash.isEqual(value, compared);
}

function isEmptyValue({ value, conditionComponent, conditionComponentPath, data }: OperatorInput): boolean {
  return Utils.isComponentDataEmpty(conditionComponent, data, conditionComponentPath, value);
}

function showToBoolean(show: unknown): boolean {
  if (typeof show === 'string') {
    try {
      return !!JSON.parse(show);
    } catch {
      return !!show;
    }
  }
  return !!show;
}

/**
 * Resolves a condition's component path the way @formio/core's `getComponentFromPath` ranks matches, for
 * the cases that have one answer: a component outside any datagrid (its data path), a component in the
 * same datagrid row as the one being decided, or no component at all (the value is then null).
 */
export class TargetLookup {
  constructor(private readonly nodes: readonly FormNode[]) {}

  resolve(path: string, from: FormNode): Target {
    const byDataPath = this.nodes.filter(
      (node) => node.holdsData && !node.arrayAncestor && node.path === path,
    );
    if (byDataPath.length === 1) {
      if (isSelectResourceWithObjectValue(byDataPath[0]!.component)) {
        throw new Unsupported(`条件路径 ${path} 指向资源下拉框`);
      }
      const segments = byDataPath[0]!.path.split('.');
      return { component: byDataPath[0]!.component, read: (_frame, data) => getDeep(data, segments) };
    }
    if (byDataPath.length > 1) throw new Unsupported(`条件路径 ${path} 对应多个组件`);
    const byPath = this.nodes.filter(
      (node) => node.fullPath === path || (node.holdsData && node.path === path),
    );
    const byKey = this.nodes.filter((node) => node.key === path);
    if (byPath.length === 0 && byKey.length === 0)
      return { component: undefined, read: () => null, unresolved: true };
    const target = byPath[0];
    if (byPath.length !== 1 || !target || !target.holdsData) {
      throw new Unsupported(`条件路径 ${path} 不能唯一确定组件`);
    }
    if (isSelectResourceWithObjectValue(target.component))
      throw new Unsupported(`条件路径 ${path} 指向资源下拉框`);
    const array = target.arrayAncestor;
    if (!array || nearestArray(from) !== array || array.arrayAncestor) {
      throw new Unsupported(`条件路径 ${path} 引用了其他数据表格中的组件`);
    }
    const segments = target.path.slice(array.path.length + 1).split('.');
    return {
      component: target.component,
      read: (frame) => (frame.arrayRow ? getDeep(frame.arrayRow, segments) : undefined),
    };
  }
}

function nearestArray(node: FormNode): FormNode | undefined {
  return node.arrayAncestor;
}

function isSelectResourceWithObjectValue(component: FormComponent): boolean {
  const { reference, dataSrc, valueProperty } = component;
  return !!reference || (dataSrc === 'resource' && (!valueProperty || valueProperty === 'data'));
}
