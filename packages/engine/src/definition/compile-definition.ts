import Serializer from 'moddle-context-serializer';
import { typeResolver } from '../engine/element-types.js';
import { WorkflowError } from '../errors.js';
import { type ElementMeta, extensionValues, type ModdleElement, readElementMeta } from './element-meta.js';
import { type ParsedBpmn, parseBpmn } from './parse-bpmn.js';

export type ProcessScope = 'school' | 'campaign';

export interface ProcessMeta {
  id: string;
  name: string;
  /** `school` unless the process has `<zeebe:property name="scope" value="campaign"/>`. */
  scope: ProcessScope;
  /**
   * A timer start event with a cycle (`R/P1D`): the platform fires it on schedule and every firing
   * starts a new run of the process inside the same instance (see definitions/README.md).
   */
  recurringStart: { elementId: string; cycle: string } | null;
}

/** A BPMN definition parsed once per program version and shared, read-only, by every instance. */
export interface CompiledDefinition {
  definitionId: string;
  /** moddle-context-serializer context handed to each run, so no instance re-parses the XML. */
  sourceContext: ReturnType<typeof Serializer>;
  /** Platform metadata of user tasks, service tasks and message catches, by element id. */
  elements: Map<string, ElementMeta>;
  /** The BPMN type of every flow element (including boundary events and sub-process content). */
  elementTypes: Map<string, string>;
  /** The sub-process or process directly containing each flow element. */
  parentOf: Map<string, string>;
  /** For each activity with error boundary events: the error codes they catch (null catches any). */
  errorCatches: Map<string, (string | null)[]>;
  /** Executable processes. */
  processes: ProcessMeta[];
}

export async function compileDefinition(xml: string): Promise<CompiledDefinition> {
  return compileParsed(await parseBpmn(xml));
}

export function compileParsed(parsed: ParsedBpmn): CompiledDefinition {
  if (parsed.warnings.length > 0) {
    throw new WorkflowError('WF_ERR_DEFINITION', `BPMN 含有无法识别的内容：${parsed.warnings[0]}`, {
      warnings: parsed.warnings,
    });
  }
  const sourceContext = Serializer(parsed.moddleContext, typeResolver);
  // State is stored without the definition; every run gets this context instead.
  sourceContext.serialize = () => undefined as unknown as string;

  const compiled: CompiledDefinition = {
    definitionId: parsed.root.id ?? '',
    sourceContext,
    elements: new Map(),
    elementTypes: new Map(),
    parentOf: new Map(),
    errorCatches: new Map(),
    processes: [],
  };
  for (const process of parsed.processes) {
    if (process.isExecutable) {
      compiled.processes.push({
        id: process.id ?? '',
        name: process.name ?? process.id ?? '',
        scope: processScope(process),
        recurringStart: recurringStartOf(process),
      });
    }
    collectElements(process, compiled);
  }
  if (compiled.processes.length === 0)
    throw new WorkflowError('WF_ERR_DEFINITION', 'BPMN 中没有可执行的流程（isExecutable）');
  return compiled;
}

/** The executable process of this scope; a definition has at most one per scope (`checkDefinition`). */
export function processOfScope(definition: CompiledDefinition, scope: ProcessScope): ProcessMeta | null {
  return definition.processes.find((process) => process.scope === scope) ?? null;
}

function collectElements(container: ModdleElement, into: CompiledDefinition): void {
  for (const element of (container.flowElements as ModdleElement[] | undefined) ?? []) {
    const id = element.id ?? '';
    into.elementTypes.set(id, element.$type);
    into.parentOf.set(id, container.id ?? '');
    const meta = readElementMeta(element);
    if (meta) into.elements.set(id, meta);
    if (element.$type === 'bpmn:BoundaryEvent') collectErrorCatch(element, into);
    if (element.flowElements) collectElements(element, into);
  }
}

function collectErrorCatch(boundary: ModdleElement, into: CompiledDefinition): void {
  const definitions = (boundary.eventDefinitions as ModdleElement[] | undefined) ?? [];
  const errorDefinition = definitions.find((definition) => definition.$type === 'bpmn:ErrorEventDefinition');
  const attachedTo = (boundary.attachedToRef as ModdleElement | undefined)?.id;
  if (!errorDefinition || !attachedTo) return;
  const code = (errorDefinition.errorRef as { errorCode?: string } | undefined)?.errorCode ?? null;
  const codes = into.errorCatches.get(attachedTo) ?? [];
  codes.push(code);
  into.errorCatches.set(attachedTo, codes);
}

function processScope(process: ModdleElement): ProcessScope {
  for (const value of extensionValues(process)) {
    if (value.$type !== 'zeebe:Properties') continue;
    const properties = (value.properties as { name?: string; value?: string }[] | undefined) ?? [];
    if (properties.find((property) => property.name === 'scope')?.value === 'campaign') return 'campaign';
  }
  return 'school';
}

function recurringStartOf(process: ModdleElement): ProcessMeta['recurringStart'] {
  for (const element of (process.flowElements as ModdleElement[] | undefined) ?? []) {
    if (element.$type !== 'bpmn:StartEvent') continue;
    for (const definition of (element.eventDefinitions as ModdleElement[] | undefined) ?? []) {
      const cycle = (definition.timeCycle as { body?: string } | undefined)?.body?.trim();
      if (definition.$type === 'bpmn:TimerEventDefinition' && cycle)
        return { elementId: element.id ?? '', cycle };
    }
  }
  return null;
}

/** Whether a BPMN error with this code thrown at `elementId` is caught by an error boundary around it. */
export function catchesError(definition: CompiledDefinition, elementId: string, code: string): boolean {
  let current: string | undefined = elementId;
  while (current) {
    const codes = definition.errorCatches.get(current);
    if (codes?.some((caught) => caught === null || caught === code)) return true;
    current = definition.parentOf.get(current);
  }
  return false;
}
