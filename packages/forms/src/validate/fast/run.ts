import lodash from 'lodash';
import type { FieldError } from '../../schemas/field-error.js';
import type { EngineResult } from '../reference-engine.js';
import { renderMessage } from '../render-message.js';
import { applyJsonLogic } from './conditions.js';
import { childSlot, type Frame, getDeep, rootSlot, setDeep } from './frame.js';
import type { FastNode, FastPlan } from './plan.js';
import { type CoreRuleError, passesWithoutCalling, type RuleContext } from './rules.js';

/** Error context fields @formio/core keeps (`cleanupValidationError`) and messages may use. */
// biome-ignore format: a compact list
const MESSAGE_PARAMS = [
  'component', 'path', 'index', 'value', 'field', 'hasLabel', 'processor', 'setting', 'pattern', 'length',
  'min', 'max', 'maxDate', 'minDate', 'maxYear', 'minYear', 'minCount', 'maxCount', 'regex',
];

interface Run {
  readonly data: Record<string, unknown>;
  readonly output: Record<string, unknown>;
  readonly errors: FieldError[];
  readonly reported: Set<string>;
  readonly form: Readonly<Record<string, unknown>>;
  readonly scope: Record<string, unknown>;
}

/**
 * Runs @formio/core 2.8's server pipeline for a planned form without its generic machinery: for each
 * component, in the same order, defaultValue → calculate → conditions → normalize → clearHidden, then the
 * children, then filter and validate. Validation calls @formio/core's own rule functions. Kept identical to
 * processSync by the differential tests (tests/forms-parity), which compare errors and cleaned data.
 */
export function runFastEngine(
  plan: FastPlan,
  form: Readonly<Record<string, unknown>>,
  data: Record<string, unknown>,
): EngineResult {
  const output: Record<string, unknown> = {};
  const run: Run = { data, output, errors: [], reported: new Set(), form, scope: { errors: [] } };
  const frame: Frame = {
    row: data,
    rowSegments: [],
    prefix: '',
    arrayRow: null,
    slot: rootSlot(output),
    parentConditionallyHidden: false,
    parentIntentionallyHidden: false,
  };
  for (const node of plan.roots) visit(node, frame, run);
  return { data: output, errors: run.errors };
}

function visit(node: FastNode, frame: Frame, run: Run): void {
  const { key, component } = node;
  const path = node.holdsData ? (frame.prefix ? `${frame.prefix}.${key}` : key) : '';
  // The row as @formio/core sees it when the visit starts; values are read fresh, like its `value` getter.
  const row = currentRow(frame, run);
  let value = read(node, frame, run);
  let keep = value !== undefined;

  if (node.defaultValue !== undefined && !(row && Object.hasOwn(row, key))) {
    write(node, frame, run, structuredClone(node.defaultValue));
    value = read(node, frame, run);
    keep = true;
  }

  if (node.calculate !== undefined && !(value === undefined && node.calculateOnlyWhenPresent)) {
    const calculated = applyJsonLogic(node.calculate, {
      data: run.data,
      row,
      value: value || null,
      input: value,
      component,
    });
    if (calculated !== null) {
      write(node, frame, run, calculated);
      value = read(node, frame, run);
      keep = true;
    }
  }

  const ownHidden = node.hiddenTest ? node.hiddenTest({ ...frame, row }, value, run.data) : false;

  if (node.holdsData) {
    let normalized = node.normalize(value);
    if (node.wrapMultiple && !Array.isArray(value)) normalized = value ? [value] : [];
    if (normalized === null || normalized === undefined) keep = false;
    else if (value !== normalized) {
      write(node, frame, run, normalized);
      value = read(node, frame, run);
      keep = true;
    }
  }

  const conditionallyHidden = frame.parentConditionallyHidden || ownHidden;
  const intentionallyHidden = frame.parentIntentionallyHidden || node.hidden;
  if (value !== undefined && node.holdsData && node.clearOnHide && conditionallyHidden) {
    const holder = currentRow(frame, run);
    if (holder) delete holder[key];
    value = undefined;
    keep = false;
  }

  if (node.childMode !== 'none')
    visitChildren(node, frame, run, path, conditionallyHidden, intentionallyHidden);

  // Post-processing, after the children: filter, then validate.
  value = read(node, frame, run);
  if (node.holdsData) {
    if (value === undefined || !keep) {
      if (node.nullWhenDropped) write(node, frame, run, null);
    } else if (!node.emptyOutput) {
      frame.slot.ensure()[key] = value;
    } else {
      const holder = frame.slot.peek();
      if (!holder || !Object.hasOwn(holder, key)) frame.slot.ensure()[key] = node.emptyOutput();
      else write(node, frame, run, holder[key]);
    }
  }

  if (node.neverValidated || (!node.validateWhenHidden && (conditionallyHidden || intentionallyHidden)))
    return;
  validate(node, row, run, node.holdsData ? path : node.node.fullPath, read(node, frame, run));
}

function read(node: FastNode, frame: Frame, run: Run): unknown {
  return node.holdsData ? currentRow(frame, run)?.[node.key] : undefined;
}

function write(node: FastNode, frame: Frame, run: Run, value: unknown): void {
  const holder = currentRow(frame, run);
  if (holder) holder[node.key] = value;
  else setDeep(run.data, [...frame.rowSegments, node.key], value);
}

function visitChildren(
  node: FastNode,
  frame: Frame,
  run: Run,
  path: string,
  conditionallyHidden: boolean,
  intentionallyHidden: boolean,
) {
  const inherited = {
    parentConditionallyHidden: conditionallyHidden,
    parentIntentionallyHidden: intentionallyHidden,
  };
  if (node.childMode === 'same') {
    const child: Frame = { ...frame, ...inherited };
    for (const item of node.children) visit(item, child, run);
    return;
  }
  const value = currentRow(frame, run)?.[node.key];
  const segments = [...frame.rowSegments, node.key];
  if (node.childMode === 'object') {
    const row = value === null || value === undefined ? null : (value as Record<string, unknown>);
    const child: Frame = {
      ...frame,
      ...inherited,
      row,
      rowSegments: segments,
      prefix: path,
      slot: childSlot(frame.slot, node.key),
    };
    for (const item of node.children) visit(item, child, run);
    return;
  }
  // Rows: each present row; a missing grid is visited once as row 0 with no index, as @formio/core does.
  if (Array.isArray(value) && value.length > 0) {
    for (let index = 0; index < value.length; index++) {
      const row = value[index] as Record<string, unknown> | null;
      if (!row) continue;
      const child: Frame = {
        ...frame,
        ...inherited,
        row,
        rowSegments: [...segments, String(index)],
        prefix: `${path}[${index}]`,
        arrayRow: row,
        slot: childSlot(frame.slot, node.key, index),
      };
      for (const item of node.children) visit(item, child, run);
    }
  } else if (value === undefined) {
    const child: Frame = {
      ...frame,
      ...inherited,
      row: null,
      rowSegments: [...segments, '0'],
      prefix: `${path}[0]`,
      arrayRow: null,
      slot: childSlot(frame.slot, node.key, 0),
    };
    for (const item of node.children) visit(item, child, run);
  }
}

/** The object holding the frame's values now: its row, or the object that has appeared at its path since. */
function currentRow(frame: Frame, run: Run): Record<string, unknown> | null {
  if (frame.row) return frame.row;
  const found = frame.rowSegments.length > 0 ? getDeep(run.data, frame.rowSegments) : run.data;
  return found !== null && typeof found === 'object' ? (found as Record<string, unknown>) : null;
}

function validate(
  node: FastNode,
  row: Record<string, unknown> | null,
  run: Run,
  path: string,
  value: unknown,
) {
  const { component } = node;
  const context: RuleContext = {
    component,
    value,
    data: run.data,
    row,
    path,
    form: run.form,
    config: { server: true },
    scope: run.scope,
  };
  if (node.multiple && Array.isArray(value) && value.length > 0) {
    const perItem = node.rules.filter((rule) => !rule.fullValue && rule.shouldProcess(context));
    for (let index = 0; index < value.length; index++) {
      const item = lodash.get(run.data, `${path}[${index}]`) ?? value[index];
      for (const rule of perItem) {
        report(
          rule.processSync({ ...context, value: item, index, path: `${path}[${index}]` }),
          node,
          row,
          run,
          path,
        );
      }
    }
    for (const rule of node.rules) {
      if (rule.fullValue) report(rule.processSync(context), node, row, run, path);
    }
    return;
  }
  for (const rule of node.rules) {
    if (passesWithoutCalling(rule, component, value)) continue;
    try {
      if (rule.shouldProcess(context)) report(rule.processSync(context), node, row, run, path);
    } catch {
      // @formio/core logs and ignores a rule that throws on a single value (e.g. `max` on an unparsable value).
    }
  }
}

function report(error: CoreRuleError | null, node: FastNode, row: unknown, run: Run, path: string) {
  if (!error) return;
  const id = `${error.errorKeyOrMessage}\u0000${path}`;
  if (run.reported.has(id)) return;
  run.reported.add(id);
  const params: Record<string, unknown> = { data: run.data, row };
  for (const name of MESSAGE_PARAMS) {
    if (Object.hasOwn(error.context, name)) params[name] = error.context[name];
  }
  params.path = path;
  run.errors.push({
    path,
    key: node.key,
    rule: error.ruleName,
    message: renderMessage(node.component, error.errorKeyOrMessage, params),
  });
}
