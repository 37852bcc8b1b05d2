import {
  type BpmnElement,
  eventDefinitions,
  extension,
  ioParameters,
  type ProcessInfo,
  text,
  timerBodies,
} from './bpmn-model.js';

export type FeelSiteKind =
  | 'condition'
  | 'timer'
  | 'assignee'
  | 'candidateGroups'
  | 'dueDate'
  | 'input'
  | 'output'
  | 'retries'
  | 'correlationKey';

/** One FEEL expression of a process, with the element it belongs to. */
export interface FeelSite {
  elementId: string;
  element: BpmnElement;
  kind: FeelSiteKind;
  /** The mapping target, for inputs and outputs. */
  target?: string;
  expression: string;
}

const KIND_NAMES: Record<FeelSiteKind, string> = {
  condition: '条件',
  timer: '定时',
  assignee: '处理人',
  candidateGroups: '候选组',
  dueDate: '截止时间',
  input: '输入映射',
  output: '输出映射',
  retries: '重试次数',
  correlationKey: '消息关联键',
};

export function describeSite(site: FeelSite): string {
  return `${site.elementId} 的${KIND_NAMES[site.kind]}${site.target ? ` ${site.target}` : ''}`;
}

/** Every FEEL expression (`=…`) of a process: conditions, timers, task metadata, mappings, correlation keys. */
export function feelSites(process: ProcessInfo): FeelSite[] {
  const sites: FeelSite[] = [];
  for (const element of process.elements) {
    const elementId = String(element.id);
    const add = (kind: FeelSiteKind, value: unknown, target?: string) => {
      const expression = text(value);
      if (expression?.startsWith('='))
        sites.push({ elementId, element, kind, expression, ...(target ? { target } : {}) });
    };
    add('condition', (element.conditionExpression as BpmnElement | undefined)?.body);
    for (const definition of eventDefinitions(element)) {
      for (const { body } of timerBodies(definition)) add('timer', body);
      const message = definition.messageRef as BpmnElement | undefined;
      if (message) add('correlationKey', extension(message, 'zeebe:Subscription')?.correlationKey);
    }
    const assignment = extension(element, 'zeebe:AssignmentDefinition');
    add('assignee', assignment?.assignee);
    add('candidateGroups', assignment?.candidateGroups);
    add('dueDate', extension(element, 'zeebe:TaskSchedule')?.dueDate);
    add('retries', extension(element, 'zeebe:TaskDefinition')?.retries);
    for (const input of ioParameters(element, 'inputParameters')) add('input', input.source, input.target);
    for (const output of ioParameters(element, 'outputParameters'))
      add('output', output.source, output.target);
  }
  return sites;
}
