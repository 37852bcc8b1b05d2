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

export interface ServiceTaskMeta {
  kind: 'serviceTask';
  id: string;
  name: string;
  taskType: string | null;
  retries: string | null;
  inputs: IoParameter[];
  outputs: IoParameter[];
}

export interface IoParameter {
  source: string;
  target: string;
}

export type ElementMeta = UserTaskMeta | ServiceTaskMeta;

interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  [key: string]: unknown;
}

export function readElementMeta(element: ModdleElement): ElementMeta | null {
  const values = ((element.extensionElements as { values?: ModdleElement[] } | undefined)?.values ??
    []) as ModdleElement[];
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
  if (element.$type === 'bpmn:ServiceTask' || element.$type === 'bpmn:SendTask') {
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
  return null;
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
