import { checkDefinition } from '@ddt/engine';
import type { ProgramBundle } from '@ddt/program';
import { codeOfDefinitionProblem } from './lint-codes.js';
import { BPMN_FILE, type LintContext, report } from './lint-context.js';
import type { LintProblem } from './lint-problem.js';
import { readBpmn, userTaskInfo } from './model/bpmn-model.js';
import { DOCUMENTED_HANDLER_OUTPUTS } from './model/process-variables.js';
import { checkFeelVariables } from './rules/feel-variable-rules.js';
import { checkFlowsAndEvents } from './rules/flow-rules.js';
import { checkForms } from './rules/form-rules.js';
import { checkGatewayFields } from './rules/gateway-field-rules.js';
import { checkIndicators } from './rules/indicator-rules.js';
import { checkDeclaredForms, checkParameters } from './rules/manifest-rules.js';
import { checkReachability } from './rules/reachability-rules.js';
import { checkTasks } from './rules/task-rules.js';

export interface LintProgramOptions {
  /**
   * The registered task handler types (built-ins and plugins); a service task naming another type is a
   * `LINT_ERR_HANDLER_UNKNOWN`. Not given: handler types are not checked.
   */
  handlerTypes?: Iterable<string>;
  /**
   * Output variable names by handler type, for FEEL that reads what a service task returned. The
   * outputs of the handlers in definitions/HANDLERS.md are known already.
   */
  handlerOutputs?: Record<string, string[]>;
}

/**
 * Checks a program bundle (program.json, process.bpmn, forms) before it is published and returns every
 * problem found, errors first. A bundle with no `error` problem can be published. The rules and their
 * codes are listed in `lint-codes.ts`; each message says, in Chinese, where the problem is and what to
 * change.
 */
export async function lintProgram(
  bundle: ProgramBundle,
  options: LintProgramOptions = {},
): Promise<LintProblem[]> {
  const ctx: LintContext = {
    bundle,
    model: null,
    handlerTypes: options.handlerTypes ? new Set(options.handlerTypes) : null,
    handlerOutputs: new Map(Object.entries({ ...DOCUMENTED_HANDLER_OUTPUTS, ...options.handlerOutputs })),
    problems: [],
  };

  const engineProblems = await checkDefinition(bundle.bpmn, {
    formIds: Object.keys(bundle.forms),
    ...(ctx.handlerTypes ? { handlerTypes: ctx.handlerTypes } : {}),
  });
  for (const problem of engineProblems) {
    report(
      ctx,
      codeOfDefinitionProblem(problem.code),
      { file: BPMN_FILE, elementId: problem.elementId },
      problem.message,
      problem.elementId ?? undefined,
    );
  }
  if (!engineProblems.some((problem) => problem.code === 'DEF_PARSE')) {
    try {
      ctx.model = await readBpmn(bundle.bpmn);
    } catch {
      ctx.model = null;
    }
  }

  checkParameters(ctx);
  checkForms(ctx);
  checkIndicators(ctx);
  const usedForms = new Set<string>();
  if (ctx.model) {
    for (const process of ctx.model.processes) {
      for (const element of process.elements) {
        const formId = element.$type === 'bpmn:UserTask' ? userTaskInfo(element).formId : null;
        if (formId) usedForms.add(formId);
      }
      checkTasks(ctx, process);
      checkFlowsAndEvents(ctx, process);
      checkFeelVariables(ctx, process);
      checkGatewayFields(ctx, process);
      checkReachability(ctx, process);
    }
  }
  checkDeclaredForms(ctx, usedForms);
  return ctx.problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
