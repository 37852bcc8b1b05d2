/**
 * What the platform reads from an element's Zeebe extension elements, once per definition version.
 * Expressions are kept as written (FEEL with a leading `=`, or a literal) and evaluated at run time.
 */
export interface UserTaskMeta {
  kind: 'userTask';
  id: string;
  name: string;
  formId: string | null;
  assignee: string | null;
  candidateGroups: string | null;
  dueDate: string | null;
  outputs: IoParameter[];
}

/** A service, send or business-rule task: a job for the handler registered under `taskType`. */
export interface ServiceTaskMeta {
  kind: 'serviceTask';
  id: string;
  name: string;
  taskType: string | null;
  retries: string | null;
  inputs: IoParameter[];
  outputs: IoParameter[];
}

/** An element that waits for a message: catch event, boundary event, receive task or message start. */
export interface MessageCatchMeta {
  kind: 'messageCatch';
  id: string;
  name: string;
  /** The `bpmn:message` name (FEEL or literal); null when the element names no message. */
  messageName: string | null;
  /** `zeebe:subscription correlationKey` of the message (FEEL or literal); null for none. */
  correlationKey: string | null;
}

export interface IoParameter {
  source: string;
  target: string;
}

export type ElementMeta = UserTaskMeta | ServiceTaskMeta | MessageCatchMeta;

export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  [key: string]: unknown;
}

export function readElementMeta(element: ModdleElement): ElementMeta | null {
  const values = extensionValues(element);
  const find = (type: string) => values.find((value) => value.$type === type);
  const id = element.id ?? '';
  const name = element.name ?? id;
  const io = find('zeebe:IoMapping');
  if (element.$type === 'bpmn:UserTask') {
    const form = find('zeebe:FormDefinition');
    const assignment = find('zeebe:AssignmentDefinition');
    const schedule = find('zeebe:TaskSchedule');
    return {
      kind: 'userTask',
      id,
      name,
      formId: stringOrNull(form?.formId ?? form?.formKey),
      assignee: stringOrNull(assignment?.assignee),
      candidateGroups: stringOrNull(assignment?.candidateGroups),
      dueDate: stringOrNull(schedule?.dueDate),
      outputs: parameters(io?.outputParameters),
    };
  }
  if (
    element.$type === 'bpmn:ServiceTask' ||
    element.$type === 'bpmn:SendTask' ||
    element.$type === 'bpmn:BusinessRuleTask'
  ) {
    const definition = find('zeebe:TaskDefinition');
    return {
      kind: 'serviceTask',
      id,
      name,
      taskType: stringOrNull(definition?.type),
      retries: stringOrNull(definition?.retries),
      inputs: parameters(io?.inputParameters),
      outputs: parameters(io?.outputParameters),
    };
  }
  const message = messageOf(element);
  if (message !== undefined) {
    const subscription = message
      ? extensionValues(message).find((v) => v.$type === 'zeebe:Subscription')
      : undefined;
    return {
      kind: 'messageCatch',
      id,
      name,
      messageName: stringOrNull(message?.name),
      correlationKey: stringOrNull(subscription?.correlationKey),
    };
  }
  return null;
}

/**
 * The message an element waits for: the `bpmn:message` node, null for a message event without a
 * messageRef, undefined for an element that waits for no message.
 */
function messageOf(element: ModdleElement): ModdleElement | null | undefined {
  if (element.$type === 'bpmn:ReceiveTask') return (element.messageRef as ModdleElement | undefined) ?? null;
  const isCatch =
    element.$type === 'bpmn:IntermediateCatchEvent' ||
    element.$type === 'bpmn:BoundaryEvent' ||
    element.$type === 'bpmn:StartEvent';
  if (!isCatch) return undefined;
  const definitions = (element.eventDefinitions as ModdleElement[] | undefined) ?? [];
  const definition = definitions.find((candidate) => candidate.$type === 'bpmn:MessageEventDefinition');
  if (!definition) return undefined;
  return (definition.messageRef as ModdleElement | undefined) ?? null;
}

export function extensionValues(element: ModdleElement): ModdleElement[] {
  return ((element.extensionElements as { values?: ModdleElement[] } | undefined)?.values ??
    []) as ModdleElement[];
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function parameters(list: unknown): IoParameter[] {
  if (!Array.isArray(list)) return [];
  return list.map((entry: { source?: string; target?: string }) => ({
    source: entry.source ?? '',
    target: entry.target ?? '',
  }));
}
