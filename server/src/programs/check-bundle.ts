import { lintProgram } from '@ddt/definitions-linter';
import type { ProgramBundle } from '@ddt/program';
import type { Static } from '@sinclair/typebox';
import type { BundleProblemSchema } from '../schemas/programs.js';

/** One reason a bundle cannot be published (`error`) or should be looked at (`warning`). */
export type BundleProblem = Static<typeof BundleProblemSchema>;

export interface CheckBundleOptions {
  /** Registered task handler types; given, a service task naming another type is an error. */
  handlerTypes?: string[] | undefined;
}

/**
 * Every check a program must pass before it is published is the definitions linter's (the same rules
 * as `npm run lint:definitions`): problems come back located in their file and element or component.
 */
export async function checkBundle(
  bundle: ProgramBundle,
  options: CheckBundleOptions = {},
): Promise<BundleProblem[]> {
  const problems = await lintProgram(
    bundle,
    options.handlerTypes ? { handlerTypes: options.handlerTypes } : {},
  );
  return problems.map((problem) => ({
    path: problem.file,
    code: problem.code,
    elementId: problem.elementId ?? problem.componentKey,
    message: problem.message,
    severity: problem.severity,
  }));
}
