// bpmn-moddle's typings sit under a subpath its `exports` map does not point "." to; the engine declares the entry.
/// <reference path="../../../engine/src/types/bpmn-moddle.d.ts" />
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const zeebeDescriptor = require('zeebe-bpmn-moddle/resources/zeebe.json') as Record<string, unknown>;

/** A moddle element: its `$type`, attributes and children, read loosely by the checks. */
export interface Element {
  $type: string;
  $parent?: Element;
  id?: string;
  name?: string;
  [key: string]: unknown;
}

export interface ParsedDefinitions {
  definitions: Element;
  warnings: string[];
  elementsById: Record<string, Element>;
}

export async function parseBpmn(xml: string): Promise<ParsedDefinitions> {
  const moddle = new BpmnModdle({ zeebe: zeebeDescriptor });
  const { rootElement, warnings, elementsById } = await moddle.fromXML(xml);
  return {
    definitions: rootElement as Element,
    warnings: warnings.map((w) => w.message),
    elementsById: elementsById as Record<string, Element>,
  };
}

export const list = (value: unknown): Element[] => (Array.isArray(value) ? (value as Element[]) : []);

export function processes(definitions: Element): Element[] {
  return list(definitions.rootElements).filter((e) => e.$type === 'bpmn:Process');
}

/** Every flow element of a process, including those inside sub-processes. */
export function flowElements(container: Element): Element[] {
  const out: Element[] = [];
  for (const element of list(container.flowElements)) {
    out.push(element);
    if (element.$type === 'bpmn:SubProcess') out.push(...flowElements(element));
  }
  return out;
}

export function extensionValues(element: Element, type: string): Element[] {
  const ext = element.extensionElements as Element | undefined;
  return list(ext?.values).filter((value) => value.$type === type);
}

export function extension(element: Element, type: string): Element | undefined {
  return extensionValues(element, type)[0];
}

/** `school` unless the process is marked `<zeebe:property name="scope" value="campaign"/>`. */
export function processScope(process: Element): string {
  for (const properties of extensionValues(process, 'zeebe:Properties')) {
    for (const property of list(properties.properties)) {
      if (property.name === 'scope') return String(property.value);
    }
  }
  return 'school';
}

/** DI: ids of elements that have a shape or an edge. */
export function diagramIds(definitions: Element): Set<string> {
  const ids = new Set<string>();
  for (const diagram of list(definitions.diagrams)) {
    const plane = diagram.plane as Element;
    for (const di of list(plane.planeElement)) {
      const target = di.bpmnElement as Element | undefined;
      if (target?.id) ids.add(String(target.id));
    }
  }
  return ids;
}
