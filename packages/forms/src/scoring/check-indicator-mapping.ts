import type { IndicatorNode, IndicatorSet } from '@ddt/program';
import type { CompiledForm } from '../compile/compile-form.js';
import { indicatorBindings } from './indicator-bindings.js';

export interface IndicatorMappingProblem {
  /**
   * - `FORM_ERR_INDICATOR_UNKNOWN`: a component names a code that is not a leaf of the tree;
   * - `FORM_ERR_INDICATOR_UNMAPPED`: a leaf no component answers (it would always score 0 / fail);
   * - `FORM_ERR_INDICATOR_VALUES`: a component whose values cannot express the leaf's rule.
   */
  code: 'FORM_ERR_INDICATOR_UNKNOWN' | 'FORM_ERR_INDICATOR_UNMAPPED' | 'FORM_ERR_INDICATOR_VALUES';
  indicator: string;
  formId?: string;
  componentKey?: string;
  message: string;
}

const LEVEL_VALUES = ['met', 'basic', 'unmet'];
const PASS_VALUES = ['pass', 'fail', 'yes', 'no', 'true', 'false'];

/** Checks that the forms named by an indicator set answer its leaves with values scoreSubmission understands. */
export function checkIndicatorMapping(
  indicators: IndicatorSet,
  forms: Readonly<Record<string, CompiledForm>>,
): IndicatorMappingProblem[] {
  const problems: IndicatorMappingProblem[] = [];
  const leaves = new Map<string, IndicatorNode>();
  const codes = new Set<string>();
  const walk = (nodes: IndicatorNode[]) => {
    for (const node of nodes) {
      codes.add(node.code);
      if (node.children?.length) walk(node.children);
      else leaves.set(node.code, node);
    }
  };
  walk(indicators.tree);

  const answered = new Set<string>();
  for (const formId of indicators.forms) {
    const form = forms[formId];
    if (!form) continue;
    for (const { code, node } of indicatorBindings(form)) {
      const where = { indicator: code, formId, componentKey: node.key };
      const leaf = leaves.get(code);
      if (!leaf) {
        const why = codes.has(code) ? '不是末级指标（只有末级指标按组件计分）' : '不在指标体系中';
        problems.push({
          code: 'FORM_ERR_INDICATOR_UNKNOWN',
          ...where,
          message: `表单 ${formId} 的组件“${node.field}”对应的指标 ${code} ${why}。`,
        });
        continue;
      }
      answered.add(code);
      const rule = leaf.rule ?? 'score';
      const options = (node.options ?? []).map(String);
      const fits =
        rule === 'score'
          ? ['number', 'currency'].includes(node.type) ||
            (options.length > 0 && options.every((option) => Number.isFinite(Number(option))))
          : rule === 'level'
            ? options.length > 0 && options.every((option) => LEVEL_VALUES.includes(option))
            : node.type === 'checkbox' ||
              (options.length > 0 && options.every((option) => PASS_VALUES.includes(option)));
      if (!fits) {
        const expected = {
          score: '数字',
          level: 'met / basic / unmet 选项',
          pass: 'pass / fail 选项或复选框',
        }[rule];
        problems.push({
          code: 'FORM_ERR_INDICATOR_VALUES',
          ...where,
          message: `表单 ${formId} 的组件“${node.field}”不能表示指标 ${code}（${leaf.name}）的结果，应为${expected}。`,
        });
      }
    }
  }
  for (const [code, leaf] of leaves) {
    if (!answered.has(code)) {
      problems.push({
        code: 'FORM_ERR_INDICATOR_UNMAPPED',
        indicator: code,
        message: `指标 ${code}（${leaf.name}）没有对应的表单组件。`,
      });
    }
  }
  return problems;
}
