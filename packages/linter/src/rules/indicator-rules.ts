import { type CompiledForm, checkIndicatorMapping, compileForm } from '@ddt/forms';
import type { IndicatorNode } from '@ddt/program';
import { formFile, type LintContext, MANIFEST_FILE, report } from '../lint-context.js';
import { type FormDefinition, walkComponents } from '../model/form-model.js';

function codesOf(nodes: IndicatorNode[]): string[] {
  return nodes.flatMap((node) => [node.code, ...codesOf(node.children ?? [])]);
}

function leavesOf(nodes: IndicatorNode[]): IndicatorNode[] {
  return nodes.flatMap((node) => (node.children?.length ? leavesOf(node.children) : [node]));
}

/**
 * Indicator trees (评估标准): codes unique, leaves with a rule, grade bands from highest to 0, the forms
 * of each set exist and rate every leaf exactly once with values that express its rule (the forms
 * package's `checkIndicatorMapping`), and no form outside a set names an indicator.
 */
export function checkIndicators(ctx: LintContext): void {
  const sets = Object.entries(ctx.bundle.manifest.indicators ?? {});
  const scored = new Set(sets.flatMap(([, set]) => set.forms));
  for (const [formId, form] of Object.entries(ctx.bundle.forms)) {
    if (scored.has(formId)) continue;
    walkComponents((form as FormDefinition).components, (component) => {
      const code = component.properties?.indicator;
      if (code === undefined) return;
      report(
        ctx,
        'LINT_ERR_INDICATOR_OUTSIDE_SET',
        { file: formFile(formId), componentKey: component.key ?? null },
        `表单 ${formId} 的组件 ${component.key} 对应指标 ${String(code)}，但该表单不属于任何指标体系；请把表单加入 program.json indicators 的 forms，或删除 properties.indicator。`,
        `${formId}.${component.key}`,
      );
    });
  }

  for (const [setId, set] of sets) {
    const where = { file: MANIFEST_FILE, elementId: setId };
    const codes = codesOf(set.tree);
    for (const code of new Set(codes.filter((c, i) => codes.indexOf(c) !== i))) {
      report(
        ctx,
        'LINT_ERR_INDICATOR_DUPLICATE',
        { file: MANIFEST_FILE, elementId: code },
        `指标体系 ${setId} 中指标编号 ${code} 重复；请改为唯一编号。`,
        code,
      );
    }
    for (const leaf of leavesOf(set.tree)) {
      if (!leaf.rule || (leaf.rule !== 'pass' && typeof leaf.maxScore !== 'number')) {
        report(
          ctx,
          'LINT_WARN_INDICATOR_RULE',
          { file: MANIFEST_FILE, elementId: leaf.code },
          `末级指标 ${leaf.code}（${leaf.name}）应写明计分方式 rule（score / level / pass），非 pass 指标还应写明 maxScore。`,
          leaf.code,
        );
      }
    }
    const bands = set.gradeBands.map((band) => band.minPercent);
    const descending = bands.every((value, i) => i === 0 || value < (bands[i - 1] as number));
    if (!descending || bands.at(-1) !== 0) {
      report(
        ctx,
        'LINT_ERR_GRADE_BANDS',
        where,
        `指标体系 ${setId} 的等级（gradeBands）须按 minPercent 从高到低排列，最后一级为 0。`,
        setId,
      );
    }

    const compiled: Record<string, CompiledForm> = {};
    for (const formId of set.forms) {
      const form = ctx.bundle.forms[formId];
      if (!form) {
        report(
          ctx,
          'LINT_ERR_INDICATOR_FORM',
          where,
          `指标体系 ${setId} 引用的表单 ${formId} 不存在；请改为本方案的表单编号。`,
          formId,
        );
        continue;
      }
      try {
        compiled[formId] = compileForm(form);
      } catch {
        // The form rules report why it does not compile.
        return;
      }
      const rated = new Map<string, string>();
      walkComponents((form as FormDefinition).components, (component) => {
        const code = component.properties?.indicator;
        if (code === undefined) return;
        if (rated.has(String(code))) {
          report(
            ctx,
            'LINT_ERR_INDICATOR_TWICE',
            { file: formFile(formId), componentKey: component.key ?? null },
            `表单 ${formId} 的组件 ${rated.get(String(code))} 和 ${component.key} 都评定指标 ${String(code)}；每个指标只能由一个组件评定。`,
            String(code),
          );
        }
        rated.set(String(code), String(component.key));
      });
    }
    for (const problem of checkIndicatorMapping(set, compiled)) {
      const code =
        problem.code === 'FORM_ERR_INDICATOR_UNKNOWN'
          ? 'LINT_ERR_INDICATOR_UNKNOWN'
          : problem.code === 'FORM_ERR_INDICATOR_UNMAPPED'
            ? 'LINT_ERR_INDICATOR_UNMAPPED'
            : 'LINT_ERR_INDICATOR_VALUES';
      const file = problem.formId ? formFile(problem.formId) : MANIFEST_FILE;
      const fix =
        code === 'LINT_ERR_INDICATOR_UNMAPPED'
          ? `请在 ${set.forms.join('、')} 中加入 properties.indicator = "${problem.indicator}" 的评定组件。`
          : code === 'LINT_ERR_INDICATOR_UNKNOWN'
            ? '请改为指标体系中的末级指标编号。'
            : '请调整组件的类型或选项。';
      report(
        ctx,
        code,
        { file, elementId: problem.indicator, componentKey: problem.componentKey ?? null },
        `${problem.message}${fix}`,
        problem.indicator,
      );
    }
  }
}
