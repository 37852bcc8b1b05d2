import {
  type FormComponent,
  type FormDefinition,
  optionValues,
  topLevelFields,
  walkComponents,
} from '@ddt/definitions-linter';
import { comparisonsOf } from '../analysis/comparisons.js';
import type { ProgramAnalysis } from '../analysis/program-analysis.js';
import { numberWithin } from './valid-submission.js';

export interface SubmissionVariant {
  /** What the variant chose, for the trail (`reviewResult=onsite`, `评分=最差`). */
  label: string;
  data: Record<string, unknown>;
}

const MAX_COMBINATIONS = 48;

/**
 * The submissions of a task's form worth trying: every combination of the values that can flip a
 * condition downstream — each option of a radio or select a condition reads, true and false of a
 * checkbox, numbers just below, at and above each threshold the condition compares with (literals and
 * launch parameters), and, when a condition reads `score`, every indicator rated at its best and at its
 * worst. Too many combinations: one field changed at a time from the base submission.
 */
export function submissionVariants(args: {
  taskId: string;
  form: FormDefinition;
  base: Record<string, unknown>;
  analysis: ProgramAnalysis;
  params: Record<string, unknown>;
  scored: boolean;
  /** Whether varying these process variables can still matter (a flow not yet taken reads one). */
  relevant?: (variables: string[]) => boolean;
}): SubmissionVariant[] {
  const relevant = args.relevant ?? (() => true);
  const { analysis, form, base } = args;
  const fields = topLevelFields(form);
  const targets = analysis.formKeyTargets.get(args.taskId);
  const dimensions: {
    label: string;
    values: { label: string; apply(data: Record<string, unknown>): void }[];
  }[] = [];
  for (const [key, component] of fields) {
    if (component.disabled === true) continue;
    const written = targets ? [...(targets.get(key) ?? [])] : [key];
    const read = written.filter((name) => analysis.decisionVariables.has(name));
    if (read.length === 0 || !relevant(read)) continue;
    const values = candidateValues(component, read, analysis, args.params);
    if (values.length < 2) continue;
    dimensions.push({
      label: key,
      values: values.map((value) => ({
        label: `${key}=${JSON.stringify(value)}`,
        apply: (data) => {
          data[key] = component.multiple && !Array.isArray(value) ? [value] : value;
        },
      })),
    });
  }
  if (args.scored && analysis.decisionVariables.has('score') && relevant(['score'])) {
    dimensions.push({
      label: '评分',
      values: [
        { label: '评分=最好', apply: (data) => rateIndicators(form, data, true) },
        { label: '评分=最差', apply: (data) => rateIndicators(form, data, false) },
      ],
    });
  }
  const combinations = dimensions.reduce((count, dimension) => count * dimension.values.length, 1);
  const variants: SubmissionVariant[] = [];
  const make = (choices: { label: string; apply(data: Record<string, unknown>): void }[]) => {
    const data = structuredClone(base);
    for (const choice of choices) choice.apply(data);
    variants.push({ label: choices.map((choice) => choice.label).join(', ') || '填写', data });
  };
  if (combinations <= MAX_COMBINATIONS) {
    const walk = (index: number, chosen: { label: string; apply(data: Record<string, unknown>): void }[]) => {
      const dimension = dimensions[index];
      if (!dimension) return make(chosen);
      for (const value of dimension.values) walk(index + 1, [...chosen, value]);
    };
    walk(0, []);
  } else {
    make([]);
    for (const dimension of dimensions) for (const value of dimension.values) make([value]);
  }
  return variants;
}

function candidateValues(
  component: FormComponent,
  variables: string[],
  analysis: ProgramAnalysis,
  params: Record<string, unknown>,
): unknown[] {
  switch (component.type) {
    case 'radio':
    case 'select':
      return optionValues(component);
    case 'checkbox':
      return [true, false];
    case 'number':
    case 'currency': {
      const validate = component.validate ?? {};
      const min = Number(validate.min ?? Number.NEGATIVE_INFINITY);
      const max = Number(validate.max ?? Number.POSITIVE_INFINITY);
      const thresholds = new Set<number>();
      for (const name of variables) {
        for (const condition of analysis.conditionsReading.get(name) ?? []) {
          for (const comparison of comparisonsOf(condition)) {
            if (comparison.variable !== name) continue;
            const value = comparison.param ? params[comparison.param] : comparison.number;
            if (typeof value === 'number') thresholds.add(value);
          }
        }
      }
      const values = new Set<number>([numberWithin(component)]);
      for (const threshold of thresholds) {
        for (const value of [threshold - 1, threshold, threshold + 1]) {
          const rounded = Math.round(value);
          if (rounded >= min && rounded <= max) values.add(rounded);
        }
      }
      return [...values].sort((a, b) => a - b);
    }
    default:
      return [];
  }
}

/** Rates every indicator component of the form at its best (max, first option) or worst (0, last option). */
function rateIndicators(form: FormDefinition, data: Record<string, unknown>, best: boolean): void {
  walkComponents(form.components, (component, insideGrid) => {
    if (insideGrid || component.properties?.indicator === undefined || !component.key) return;
    if (component.type === 'number' || component.type === 'currency') {
      const max = Number(component.validate?.max ?? 0);
      data[component.key] = best ? max : Number(component.validate?.min ?? 0);
    } else {
      const options = optionValues(component);
      const value = best ? options[0] : options.at(-1);
      if (value !== undefined) data[component.key] = value;
    }
  });
}
