import type { FormNode } from '../compile/form-node.js';
import { isPlainObject } from '../components/form-component.js';
import { toFileRef } from '../evidence/file-ref.js';
import type { FieldError } from '../schemas/field-error.js';
import { renderMessage } from './render-message.js';

export interface ShapeCheckResult {
  errors: FieldError[];
  /** Paths whose value was rejected and removed from the data. */
  rejected: Set<string>;
}

/**
 * Server-only checks that Form.io leaves out, run on the submitted data before Form.io sees it:
 * - every value has the JSON type its component produces (text in a number, an object in a text field, a
 *   row that is not an object … are errors, where Form.io would drop or ignore them);
 * - a radio/select/selectboxes value is one of the component's options. Form.io's own check skips numbers
 *   and booleans (`lodash.isEmpty(5)` is true) and runs after `"4"` has become `4`, so `"4"` passed.
 * A rejected value is removed, so the engines treat it as absent; file references are reduced to their
 * five fields. The browser never sends such values, so the browser and the server still agree.
 */
export function checkValueShapes(
  nodes: readonly FormNode[],
  data: Record<string, unknown>,
): ShapeCheckResult {
  const result: ShapeCheckResult = { errors: [], rejected: new Set() };
  visit(nodes, data, '', data, result);
  return result;
}

function visit(
  nodes: readonly FormNode[],
  row: Record<string, unknown> | undefined,
  prefix: string,
  root: Record<string, unknown>,
  result: ShapeCheckResult,
) {
  for (const node of nodes) {
    if (!node.holdsData) {
      visit(node.children, row, prefix, root, result);
      continue;
    }
    if (!row || !Object.hasOwn(row, node.key)) continue;
    const value = row[node.key];
    if (value === undefined) continue;
    const path = prefix ? `${prefix}.${node.key}` : node.key;
    const problem = shapeProblem(node, value);
    if (problem) {
      delete row[node.key];
      result.rejected.add(path);
      const params = { path, value, field: node.field, hasLabel: true, data: root, row };
      result.errors.push({
        path,
        key: node.key,
        rule: problem.rule,
        message: renderMessage(node.component, problem.messageKey, params),
      });
      continue;
    }
    if (node.valueKind === 'rows' && Array.isArray(value)) {
      for (const [index, item] of value.entries())
        visit(node.children, item, `${path}[${index}]`, root, result);
    } else if (node.valueKind === 'object' && isPlainObject(value)) {
      visit(node.children, value, path, root, result);
    } else if (node.valueKind === 'files' && Array.isArray(value)) {
      row[node.key] = value.map((entry) => toFileRef(entry));
    }
  }
}

interface Problem {
  rule: 'type' | 'onlyAvailableItems';
  messageKey: string;
}

const WRONG_TYPE: Problem = { rule: 'type', messageKey: 'invalidType' };
const NOT_AN_OPTION: Problem = { rule: 'onlyAvailableItems', messageKey: 'invalidOption' };

function shapeProblem(node: FormNode, value: unknown): Problem | undefined {
  switch (node.valueKind) {
    case 'text':
      return value === null || typeof value === 'string' ? undefined : WRONG_TYPE;
    case 'number':
      return isNumberLike(value) ? undefined : { rule: 'type', messageKey: 'number' };
    case 'currency':
      return value === null || value === '' || isFiniteNumber(value)
        ? undefined
        : { rule: 'type', messageKey: 'number' };
    case 'boolean':
      return value === null || typeof value === 'boolean' ? undefined : WRONG_TYPE;
    case 'choice':
      if (value === null || value === '') return undefined;
      if (!isScalar(value)) return WRONG_TYPE;
      return isOption(node, value) ? undefined : NOT_AN_OPTION;
    case 'choices':
      if (value === null || value === '') return undefined;
      if (!Array.isArray(value) || !value.every(isScalar)) return WRONG_TYPE;
      return value.every((item) => isOption(node, item)) ? undefined : NOT_AN_OPTION;
    case 'selectboxes': {
      if (value === null) return undefined;
      if (!isPlainObject(value) || !Object.values(value).every((item) => typeof item === 'boolean'))
        return WRONG_TYPE;
      const options = new Set((node.options ?? []).map(String));
      return Object.keys(value).every((key) => options.has(key)) ? undefined : NOT_AN_OPTION;
    }
    case 'rows':
      if (value === null) return undefined;
      return Array.isArray(value) && value.every(isPlainObject) ? undefined : WRONG_TYPE;
    case 'object':
      return value === null || isPlainObject(value) ? undefined : WRONG_TYPE;
    case 'files':
      if (value === null) return undefined;
      return Array.isArray(value) && value.every((entry) => toFileRef(entry) !== undefined)
        ? undefined
        : { rule: 'type', messageKey: 'invalidFile' };
    default:
      return undefined;
  }
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || isFiniteNumber(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** What Form.io's normalize turns into a number (`5`, `"5"`, `" 5 "`), or an empty value. */
function isNumberLike(value: unknown): boolean {
  if (value === null || value === '') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'string') return false;
  return !Number.isNaN(Number.parseFloat(value)) && Number.isFinite(Number(value));
}

/**
 * A value matches an option when it is the option's value, or the same text: the browser and Form.io's
 * normalize turn `"1"` into `1` and `"true"` into `true`, so the type may differ from the option's.
 */
function isOption(node: FormNode, value: unknown): boolean {
  const options = node.options ?? [];
  return options.some((option) => option === value || String(option) === String(value));
}
