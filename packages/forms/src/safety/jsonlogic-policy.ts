/**
 * What JSONLogic a form may use. json-logic-js as configured by @formio/core also exposes ~200 lodash
 * functions as `_name` operations; some of them call functions they are given or reach them by path
 * (`_invoke`, `_result`, `_get`, `_map` with a path iteratee, dotted names like `_partial.placeholder.template`).
 * With a `var` that reaches `constructor` they execute code. So only data-in/data-out operations are
 * allowed, `var` takes a literal path under a known root, and no path may name a prototype.
 */
// biome-ignore format: a compact list reads better than one operation per line
const CORE_OPERATIONS = [
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=', 'max', 'min', '+', '-', '*', '/', '%', 'map', 'reduce', 'filter', 'all', 'none',
  'some', 'merge', 'in', 'cat', 'substr', 'getDate',
];

// Lodash functions that neither call a function argument nor follow a property path.
// biome-ignore format: a compact list reads better than one function per line
const LODASH_OPERATIONS = [
  'chunk', 'compact', 'concat', 'difference', 'drop', 'dropRight', 'first', 'flatten', 'flattenDeep',
  'flattenDepth', 'fromPairs', 'head', 'indexOf', 'initial', 'intersection', 'join', 'last', 'lastIndexOf',
  'nth', 'slice', 'sortedIndex', 'sortedIndexOf', 'sortedLastIndex', 'sortedLastIndexOf', 'sortedUniq',
  'tail', 'take', 'takeRight', 'union', 'uniq', 'unzip', 'without', 'xor', 'zip', 'zipObject', 'includes',
  'size', 'castArray', 'eq', 'gt', 'gte', 'lt', 'lte', 'isArray', 'isBoolean', 'isEmpty', 'isEqual',
  'isFinite', 'isInteger', 'isNaN', 'isNil', 'isNull', 'isNumber', 'isObject', 'isPlainObject',
  'isSafeInteger', 'isString', 'isUndefined', 'toArray', 'toFinite', 'toInteger', 'toLength', 'toNumber',
  'toSafeInteger', 'toString', 'add', 'ceil', 'divide', 'floor', 'max', 'mean', 'min', 'multiply', 'round',
  'subtract', 'sum', 'clamp', 'inRange', 'keys', 'values', 'camelCase', 'capitalize', 'deburr', 'endsWith',
  'escape', 'kebabCase', 'lowerCase', 'lowerFirst', 'pad', 'padEnd', 'padStart', 'parseInt', 'repeat',
  'snakeCase', 'split', 'startCase', 'startsWith', 'toLower', 'toUpper', 'trim', 'trimEnd', 'trimStart',
  'truncate', 'unescape', 'upperCase', 'upperFirst', 'defaultTo', 'range', 'rangeRight',
].map((name) => `_${name}`);

export const ALLOWED_JSONLOGIC_OPERATIONS: ReadonlySet<string> = new Set([
  ...CORE_OPERATIONS,
  ...LODASH_OPERATIONS,
]);

/** The roots a `var` may start from: what Form.io puts in every evaluation context and means data. */
export const ALLOWED_VAR_ROOTS: ReadonlySet<string> = new Set([
  'data',
  'row',
  'value',
  'input',
  'component',
  'rowIndex',
]);

export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface JsonLogicFinding {
  /** Where inside the expression, e.g. `{"_invoke"}` or `var "instance.root"`. */
  where: string;
  reason: 'operation' | 'var';
}

/** Operations whose second argument is evaluated once per item, with the item (or accumulator) as data. */
const SCOPING_OPERATIONS: ReadonlySet<string> = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);

/** Lists what is not allowed in one JSONLogic expression; an empty list means it is safe to evaluate. */
export function inspectJsonLogic(logic: unknown): JsonLogicFinding[] {
  const findings: JsonLogicFinding[] = [];
  const visit = (node: unknown, scoped: boolean): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, scoped);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const keys = Object.keys(node);
    // json-logic-js treats only one-key objects as operations; anything else is a literal it returns as is.
    if (keys.length !== 1) {
      for (const key of keys) visit((node as Record<string, unknown>)[key], scoped);
      return;
    }
    const operation = keys[0]!;
    const argument = (node as Record<string, unknown>)[operation];
    if (!ALLOWED_JSONLOGIC_OPERATIONS.has(operation)) {
      findings.push({ where: `{"${operation}"}`, reason: 'operation' });
      return;
    }
    if (operation === 'var') {
      const path = Array.isArray(argument) ? argument[0] : argument;
      if (!isSafeVarPath(path, scoped))
        findings.push({ where: `var ${JSON.stringify(path)}`, reason: 'var' });
      if (Array.isArray(argument)) visit(argument.slice(1), scoped);
      return;
    }
    if (operation === 'missing' || operation === 'missing_some') {
      const names = operation === 'missing_some' && Array.isArray(argument) ? argument[1] : argument;
      for (const name of Array.isArray(names) ? names : [names]) {
        if (!isSafeVarPath(name, scoped)) {
          findings.push({ where: `${operation} ${JSON.stringify(name)}`, reason: 'var' });
        }
      }
      return;
    }
    if (SCOPING_OPERATIONS.has(operation) && Array.isArray(argument)) {
      for (const [index, item] of argument.entries()) visit(item, index === 1 ? true : scoped);
      return;
    }
    visit(argument, scoped);
  };
  visit(logic, false);
  return findings;
}

/**
 * A literal dotted path that names no prototype property. At the top level it must start from an allowed
 * root; inside map/filter/reduce it reads the current item, so any property (or `""`, the item itself) is fine.
 */
export function isSafeVarPath(path: unknown, scoped = false): boolean {
  if (typeof path === 'number') return scoped && Number.isInteger(path) && path >= 0;
  if (typeof path !== 'string') return false;
  if (path === '') return scoped;
  const segments = path.split('.');
  if (!scoped && !ALLOWED_VAR_ROOTS.has(segments[0]!)) return false;
  return segments.every((segment) => segment !== '' && !PROTOTYPE_NAMES.has(segment));
}
