import type { IndicatorNode, IndicatorSet } from '@ddt/program';
import type { CompiledForm } from '../compile/compile-form.js';
import { indicatorBindings } from './indicator-bindings.js';
import type { AreaScore, IndicatorScore, ScoreSheet } from './score-sheet.js';

export type SchoolType = NonNullable<IndicatorNode['appliesTo']>[number];
type Level = 'met' | 'basic' | 'unmet';

export interface ScoreInput {
  indicators: IndicatorSet;
  /** Compiled forms by form id; only those named in `indicators.forms` are read. */
  forms: Readonly<Record<string, CompiledForm>>;
  /** Cleaned data (validateSubmission's `data`) by form id; a form not submitted yet may be missing. */
  data: Readonly<Record<string, Record<string, unknown> | undefined>>;
  schoolType: SchoolType;
}

/** 达标 counts fully, 不达标 not at all; 基本达标 at 60% unless the indicator set says otherwise. */
export const DEFAULT_LEVEL_FACTORS: Readonly<Record<Level, number>> = { met: 1, basic: 0.6, unmet: 0 };

const LEVEL_ORDER: Record<Level, number> = { unmet: 0, basic: 1, met: 2 };
const PASS_VALUES = new Set<unknown>([true, 'pass', 'yes', 'met', '是', '通过']);
const FAIL_VALUES = new Set<unknown>([false, 'fail', 'no', 'unmet', '否', '不通过']);

/**
 * Scores the cleaned data of one evaluation against an indicator tree (评估标准和计分方法).
 *
 * - A leaf takes the values of the components mapped to it (`properties.indicator`), one per datagrid row
 *   when the component repeats. `score`: the number, clamped to 0…maxScore, averaged over several values.
 *   `level`: `met` / `basic` / `unmet`, worth maxScore × levelFactors; the worst value counts. `pass`:
 *   true/`pass`/`yes` or false/`fail`/`no`; every value must pass; worth maxScore when passed, if it has one.
 * - A node with children adds up its applicable children; when it has its own maxScore (a weight such as
 *   K1 = 25) their sum is scaled to it.
 * - A key indicator (关键指标) fails when its pass leaf fails, its level is `unmet`, its score is 0, or it is
 *   not answered; for a parent, when any leaf under it fails so. `keyScope: 'total'` fails the whole
 *   evaluation (一票否决: last grade band, not passed); `'area'` (the default) fails its 一级 area.
 * - `appliesTo` removes a node (and its children) for other school types: it counts for nothing.
 */
export function scoreSubmission(input: ScoreInput): ScoreSheet {
  const { indicators, schoolType } = input;
  const values = collectValues(input);
  const factors = indicators.levelFactors ?? DEFAULT_LEVEL_FACTORS;
  const rows: IndicatorScore[] = [];
  const failedKeys: { code: string; area: string; scope: 'area' | 'total' }[] = [];

  interface Scored {
    applicable: boolean;
    score: number;
    max: number;
    answered: boolean;
    /** Some leaf under this node fails the key-indicator test. */
    failing: boolean;
  }

  const scoreNode = (
    node: IndicatorNode,
    depth: number,
    parent: string | null,
    area: string,
    applicableAbove: boolean,
  ): Scored => {
    const applicable = applicableAbove && (!node.appliesTo || node.appliesTo.includes(schoolType));
    const row: IndicatorScore = {
      code: node.code,
      name: node.name,
      depth,
      parent,
      rule: null,
      key: node.key === true,
      keyScope: node.key ? (node.keyScope ?? 'area') : null,
      applicable,
      answered: false,
      score: 0,
      max: 0,
      level: null,
      passed: null,
    };
    rows.push(row);
    let result: Scored;
    const children = node.children ?? [];
    if (children.length > 0) {
      let score = 0;
      let max = 0;
      let answered = false;
      let failing = false;
      for (const child of children) {
        const scored = scoreNode(child, depth + 1, node.code, area, applicable);
        if (!scored.applicable) continue;
        score += scored.score;
        max += scored.max;
        answered ||= scored.answered;
        failing ||= scored.failing;
      }
      if (node.maxScore !== undefined && applicable) {
        score = max > 0 ? (score / max) * node.maxScore : 0;
        max = max > 0 ? node.maxScore : 0;
      }
      result = { applicable, score, max, answered, failing };
    } else {
      const rule = node.rule ?? 'score';
      row.rule = rule;
      result = { applicable, ...scoreLeaf(node, rule, values.get(node.code) ?? [], factors, row) };
    }
    if (!applicable) result = { applicable, score: 0, max: 0, answered: result.answered, failing: false };
    row.answered = result.answered;
    row.score = round(result.score);
    row.max = round(result.max);
    if (row.key && applicable) {
      row.passed = !result.failing;
      if (result.failing) failedKeys.push({ code: node.code, area, scope: row.keyScope ?? 'area' });
    }
    return result;
  };

  const areas: AreaScore[] = [];
  let total = 0;
  let maxTotal = 0;
  for (const node of indicators.tree) {
    const scored = scoreNode(node, 1, null, node.code, true);
    total += scored.score;
    maxTotal += scored.max;
    const failedHere = failedKeys.filter((failed) => failed.area === node.code);
    areas.push({
      code: node.code,
      name: node.name,
      applicable: scored.applicable,
      score: round(scored.score),
      max: round(scored.max),
      percent: percentOf(scored.score, scored.max),
      passed: !scored.applicable || !failedHere.some((failed) => failed.scope === 'area'),
      failedKeyIndicators: failedHere.map((failed) => failed.code),
    });
  }

  const percent = percentOf(total, maxTotal);
  const bands = [...indicators.gradeBands].sort((a, b) => b.minPercent - a.minPercent);
  const lowest = bands[bands.length - 1]!;
  const vetoed = failedKeys.some((failed) => failed.scope === 'total');
  const band = vetoed ? lowest : (bands.find((candidate) => percent >= candidate.minPercent) ?? lowest);
  const passed = !vetoed && areas.every((area) => area.passed) && (bands.length < 2 || band !== lowest);
  return {
    schoolType,
    total: round(total),
    maxTotal: round(maxTotal),
    percent,
    grade: band.label,
    passed,
    failedKeyIndicators: failedKeys.map((failed) => failed.code),
    failedKeyCount: failedKeys.length,
    areas,
    indicators: rows,
  };
}

function scoreLeaf(
  node: IndicatorNode,
  rule: 'score' | 'level' | 'pass',
  values: unknown[],
  factors: Readonly<Record<Level, number>>,
  row: IndicatorScore,
): { score: number; max: number; answered: boolean; failing: boolean } {
  const maxScore = node.maxScore ?? 0;
  if (rule === 'score') {
    const numbers = values.map(toNumber).filter((value): value is number => value !== undefined);
    if (numbers.length === 0) return { score: 0, max: maxScore, answered: false, failing: true };
    const mean =
      numbers.reduce((sum, value) => sum + Math.min(Math.max(value, 0), maxScore), 0) / numbers.length;
    return { score: mean, max: maxScore, answered: true, failing: mean <= 0 };
  }
  if (rule === 'level') {
    const levels = values.filter(
      (value): value is Level => value === 'met' || value === 'basic' || value === 'unmet',
    );
    if (levels.length === 0) return { score: 0, max: maxScore, answered: false, failing: true };
    const worst = levels.reduce((low, level) => (LEVEL_ORDER[level] < LEVEL_ORDER[low] ? level : low));
    row.level = worst;
    return { score: maxScore * factors[worst], max: maxScore, answered: true, failing: worst === 'unmet' };
  }
  const outcomes = values.filter((value) => PASS_VALUES.has(value) || FAIL_VALUES.has(value));
  if (outcomes.length === 0) {
    row.passed = false;
    return { score: 0, max: maxScore, answered: false, failing: true };
  }
  const passed = outcomes.every((value) => PASS_VALUES.has(value));
  row.passed = passed;
  return { score: passed ? maxScore : 0, max: maxScore, answered: true, failing: !passed };
}

function collectValues(input: ScoreInput): Map<string, unknown[]> {
  const values = new Map<string, unknown[]>();
  for (const formId of input.indicators.forms) {
    const form = input.forms[formId];
    const data = input.data[formId];
    if (!form || !data) continue;
    for (const binding of indicatorBindings(form)) {
      const found = binding.read(data);
      if (found.length === 0) continue;
      const list = values.get(binding.code);
      if (list) list.push(...found);
      else values.set(binding.code, [...found]);
    }
  }
  return values;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

function percentOf(score: number, max: number): number {
  return max > 0 ? round((score / max) * 100) : 100;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
