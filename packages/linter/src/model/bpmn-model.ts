// bpmn-moddle's typings sit under a subpath its `exports` map does not point "." to; the engine declares the entry.
/// <reference path="../../../engine/src/types/bpmn-moddle.d.ts" />
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const zeebeDescriptor = require('zeebe-bpmn-moddle/resources/zeebe.json') as Record<string, unknown>;

/** A moddle element: its `$type`, attributes and children, read loosely. */
export interface BpmnElement {
  $type: string;
  $parent?: BpmnElement;
  id?: string;
  name?: string;
  [key: string]: unknown;
}

export type ProcessScope = 'school' | 'campaign';

export interface ProcessInfo {
  id: string;
  name: string;
  scope: ProcessScope;
  element: BpmnElement;
  /** Every flow element, including those inside sub-processes. */
  elements: BpmnElement[];
}

export interface BpmnModel {
  definitions: BpmnElement;
  processes: ProcessInfo[];
  warnings: string[];
  byId: Map<string, BpmnElement>;
}

/** Reads a BPMN with the Zeebe descriptor (the dialect of our definitions). Throws if it does not parse. */
export async function readBpmn(xml: string): Promise<BpmnModel> {
  const moddle = new BpmnModdle({ zeebe: zeebeDescriptor });
  const { rootElement, warnings, elementsById } = await moddle.fromXML(xml);
  const definitions = rootElement as BpmnElement;
  const processes = list(definitions.rootElements)
    .filter((element) => element.$type === 'bpmn:Process')
    .map((element) => ({
      id: String(element.id),
      name: String(element.name ?? element.id),
      scope: processScope(element),
      element,
      elements: flowElements(element),
    }));
  return {
    definitions,
    processes,
    warnings: warnings.map((warning) => warning.message),
    byId: new Map(Object.entries(elementsById as Record<string, BpmnElement>)),
  };
}

export const list = (value: unknown): BpmnElement[] => (Array.isArray(value) ? (value as BpmnElement[]) : []);

/** Every flow element of a container, depth first, including those inside sub-processes. */
export function flowElements(container: BpmnElement): BpmnElement[] {
  const out: BpmnElement[] = [];
  for (const element of list(container.flowElements)) {
    out.push(element);
    if (element.flowElements) out.push(...flowElements(element));
  }
  return out;
}

export function extensions(element: BpmnElement, type: string): BpmnElement[] {
  const values = (element.extensionElements as BpmnElement | undefined)?.values;
  return list(values).filter((value) => value.$type === type);
}

export function extension(element: BpmnElement, type: string): BpmnElement | undefined {
  return extensions(element, type)[0];
}

export function eventDefinitions(element: BpmnElement): BpmnElement[] {
  return list(element.eventDefinitions);
}

/** `school` unless the process has `<zeebe:property name="scope" value="campaign"/>`. */
export function processScope(process: BpmnElement): ProcessScope {
  for (const properties of extensions(process, 'zeebe:Properties')) {
    for (const property of list(properties.properties)) {
      if (property.name === 'scope' && property.value === 'campaign') return 'campaign';
    }
  }
  return 'school';
}

/** The string attribute of an element, or null when absent or blank. */
export function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function isSequenceFlow(element: BpmnElement): boolean {
  return element.$type === 'bpmn:SequenceFlow';
}

export function sourceOf(flow: BpmnElement): BpmnElement {
  return flow.sourceRef as BpmnElement;
}

export function targetOf(flow: BpmnElement): BpmnElement {
  return flow.targetRef as BpmnElement;
}

/** The body of a sequence flow's condition, or null. */
export function conditionOf(flow: BpmnElement): string | null {
  return text((flow.conditionExpression as BpmnElement | undefined)?.body);
}

export interface UserTaskInfo {
  formId: string | null;
  assignee: string | null;
  candidateGroups: string | null;
  dueDate: string | null;
  outputs: { source: string; target: string }[];
}

export function userTaskInfo(task: BpmnElement): UserTaskInfo {
  const form = extension(task, 'zeebe:FormDefinition');
  const assignment = extension(task, 'zeebe:AssignmentDefinition');
  return {
    formId: text(form?.formId) ?? text(form?.formKey),
    assignee: text(assignment?.assignee),
    candidateGroups: text(assignment?.candidateGroups),
    dueDate: text(extension(task, 'zeebe:TaskSchedule')?.dueDate),
    outputs: ioParameters(task, 'outputParameters'),
  };
}

export function ioParameters(
  element: BpmnElement,
  kind: 'inputParameters' | 'outputParameters',
): { source: string; target: string }[] {
  const io = extension(element, 'zeebe:IoMapping');
  return list(io?.[kind]).map((parameter) => ({
    source: String(parameter.source ?? ''),
    target: String(parameter.target ?? ''),
  }));
}

export const SERVICE_TYPES = new Set(['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask']);

/** The timer bodies of a timer event definition, by kind. */
export function timerBodies(definition: BpmnElement): { kind: string; body: string }[] {
  const out: { kind: string; body: string }[] = [];
  for (const kind of ['timeDate', 'timeDuration', 'timeCycle']) {
    const body = text((definition[kind] as BpmnElement | undefined)?.body);
    if (body) out.push({ kind, body });
  }
  return out;
}
