import * as formioCore from '@formio/core';

/**
 * @formio/core is CommonJS: under native ESM its exports are on `default`, under a CommonJS transpile they
 * are the namespace itself. Everything this package uses from it goes through here.
 */
const core = ((formioCore as { default?: unknown }).default ?? formioCore) as {
  processSync: (context: Record<string, unknown>) => { errors: CoreFieldError[] };
  Processors: unknown[];
  rules: unknown[];
  Evaluator: { noeval: boolean };
  jsonLogic: { apply: (logic: unknown, data: unknown) => unknown };
  Utils: {
    isComponentDataEmpty: (component: unknown, data: unknown, path: string, value: unknown) => boolean;
  };
  componentHasValue: (component: unknown, value: unknown) => boolean;
};

export interface CoreFieldError {
  errorKeyOrMessage: string;
  ruleName: string;
  level?: string;
  context: Record<string, unknown> & { path: string; component: Record<string, unknown> };
}

export const { processSync, Processors, rules, jsonLogic, Utils, componentHasValue } = core;

/**
 * Switches off every `new Function` in @formio/core's evaluator (JavaScript conditions, calculations,
 * custom validation, `{{ f() }}` in messages). Forms with JavaScript are refused before they get here; this
 * is the second lock. Called on each server-side validation rather than at import, because the browser
 * bundle imports this package for its dictionary and must keep its own evaluator as it is.
 */
export function forbidJavaScriptEvaluation(): void {
  if (!core.Evaluator.noeval) core.Evaluator.noeval = true;
}
