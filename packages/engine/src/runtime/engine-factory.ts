import { Engine } from 'bpmn-engine';
import type { CompiledDefinition } from '../definition/compile-definition.js';
import { feelExpressions } from '../expressions/feel-expressions.js';
import { feelOnlyScripts } from '../expressions/feel-only-scripts.js';

const silentLogger = () => ({ debug() {}, error() {}, warn() {} });

/** One Engine per instance per step (bpmn-engine 25 refuses to recover a running engine). */
export function newEngine(definition: CompiledDefinition): Engine {
  return new Engine({
    sourceContext: definition.sourceContext,
    expressions: feelExpressions,
    scripts: feelOnlyScripts,
    disableDummyScript: true,
    Logger: silentLogger,
  } as unknown as ConstructorParameters<typeof Engine>[0]);
}
