import type { ProgramBundle } from '@ddt/program';
import type { LintCode } from './lint-codes.js';
import { type LintProblem, lintProblem, type ProblemLocation } from './lint-problem.js';
import type { BpmnModel } from './model/bpmn-model.js';
import type { FormDefinition } from './model/form-model.js';

/** What every rule reads, and where it reports. */
export interface LintContext {
  bundle: ProgramBundle;
  /** Null when the BPMN does not parse (then only the engine's parse problem is reported for it). */
  model: BpmnModel | null;
  handlerTypes: Set<string> | null;
  /** Output variables of handler types, for FEEL that reads what a service task returns. */
  handlerOutputs: Map<string, string[]>;
  problems: LintProblem[];
}

export function report(
  ctx: LintContext,
  code: LintCode,
  where: ProblemLocation,
  message: string,
  detailEn?: string,
): void {
  ctx.problems.push(lintProblem(code, where, message, detailEn));
}

export const BPMN_FILE = 'process.bpmn';
export const MANIFEST_FILE = 'program.json';
export const formFile = (formId: string) => `forms/${formId}.json`;

export function formOf(ctx: LintContext, formId: string): FormDefinition | undefined {
  return ctx.bundle.forms[formId] as FormDefinition | undefined;
}
