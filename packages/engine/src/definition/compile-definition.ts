/// <reference path="../types/bpmn-moddle.d.ts" />

import * as Elements from 'bpmn-elements';
import { BpmnModdle } from 'bpmn-moddle';
import Serializer, { TypeResolver } from 'moddle-context-serializer';
import { WorkflowError } from '../errors.js';
import { type ElementMeta, readElementMeta } from './element-meta.js';
import { zeebeDescriptor } from './zeebe-descriptor.js';

const typeResolver = TypeResolver(Elements);
const moddle = new BpmnModdle({ zeebe: zeebeDescriptor });

/** A BPMN definition parsed once per program version and shared, read-only, by every instance. */
export interface CompiledDefinition {
  definitionId: string;
  /** moddle-context-serializer context handed to each Engine, so no instance re-parses the XML. */
  sourceContext: ReturnType<typeof Serializer>;
  elements: Map<string, ElementMeta>;
  /** Executable processes, with their `scope` property (`school` unless marked `campaign`). */
  processes: { id: string; scope: 'school' | 'campaign' }[];
}

interface ModdleNode {
  $type: string;
  id?: string;
  isExecutable?: boolean;
  flowElements?: ModdleNode[];
  rootElements?: ModdleNode[];
  extensionElements?: { values?: { $type: string; properties?: { name?: string; value?: string }[] }[] };
  [key: string]: unknown;
}

export async function compileDefinition(xml: string): Promise<CompiledDefinition> {
  let parsed: Awaited<ReturnType<typeof moddle.fromXML>>;
  try {
    parsed = await moddle.fromXML(xml);
  } catch (error) {
    throw new WorkflowError('WF_ERR_DEFINITION', `BPMN 无法解析：${(error as Error).message}`);
  }
  const warnings = parsed.warnings ?? [];
  if (warnings.length > 0) {
    throw new WorkflowError('WF_ERR_DEFINITION', `BPMN 含有无法识别的内容：${warnings[0]?.message}`, {
      warnings: warnings.map((warning) => warning.message),
    });
  }
  const root = parsed.rootElement as unknown as ModdleNode;
  const sourceContext = Serializer(parsed, typeResolver);
  // State is stored without the definition; every Engine gets this context instead.
  sourceContext.serialize = () => undefined as unknown as string;

  const elements = new Map<string, ElementMeta>();
  const processes: CompiledDefinition['processes'] = [];
  for (const rootElement of root.rootElements ?? []) {
    if (rootElement.$type !== 'bpmn:Process') continue;
    if (rootElement.isExecutable)
      processes.push({ id: rootElement.id ?? '', scope: processScope(rootElement) });
    collectElements(rootElement, elements);
  }
  if (processes.length === 0)
    throw new WorkflowError('WF_ERR_DEFINITION', 'BPMN 中没有可执行的流程（isExecutable）');
  return { definitionId: root.id ?? '', sourceContext, elements, processes };
}

function collectElements(container: ModdleNode, into: Map<string, ElementMeta>): void {
  for (const element of container.flowElements ?? []) {
    const meta = readElementMeta(element as Parameters<typeof readElementMeta>[0]);
    if (meta) into.set(meta.id, meta);
    if (element.flowElements) collectElements(element, into);
  }
}

function processScope(process: ModdleNode): 'school' | 'campaign' {
  for (const value of process.extensionElements?.values ?? []) {
    if (value.$type !== 'zeebe:Properties') continue;
    const scope = value.properties?.find((property) => property.name === 'scope')?.value;
    if (scope === 'campaign') return 'campaign';
  }
  return 'school';
}
