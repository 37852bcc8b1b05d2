/// <reference path="../types/bpmn-moddle.d.ts" />

import { BpmnModdle, type ParseResult } from 'bpmn-moddle';
import { WorkflowError } from '../errors.js';
import type { ModdleElement } from './element-meta.js';
import { zeebeDescriptor } from './zeebe-descriptor.js';

const moddle = new BpmnModdle({ zeebe: zeebeDescriptor });

/** A BPMN file read with the Zeebe descriptor: what both the compiler and the publish check work from. */
export interface ParsedBpmn {
  moddleContext: ParseResult;
  root: ModdleElement;
  /** Every `bpmn:process`, executable or not. */
  processes: ModdleElement[];
  /** What bpmn-moddle could not make sense of (unknown elements or attributes). */
  warnings: string[];
}

export async function parseBpmn(xml: string): Promise<ParsedBpmn> {
  let moddleContext: ParseResult;
  try {
    moddleContext = await moddle.fromXML(xml);
  } catch (error) {
    throw new WorkflowError('WF_ERR_DEFINITION', `BPMN 无法解析：${(error as Error).message}`);
  }
  const root = moddleContext.rootElement as ModdleElement;
  const rootElements = (root.rootElements as ModdleElement[] | undefined) ?? [];
  return {
    moddleContext,
    root,
    processes: rootElements.filter((element) => element.$type === 'bpmn:Process'),
    warnings: (moddleContext.warnings ?? []).map((warning) => warning.message),
  };
}
