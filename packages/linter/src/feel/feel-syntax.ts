import { analyseFeel } from './feel-references.js';

/** Whether a FEEL expression has syntax errors (the engine check reports them with its own message). */
export function feelSyntaxProblem(expression: string): boolean {
  try {
    return analyseFeel(expression).syntaxErrors > 0;
  } catch {
    return true;
  }
}
