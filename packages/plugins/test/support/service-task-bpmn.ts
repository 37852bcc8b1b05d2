export interface ServiceTaskProcess {
  /** `zeebe:taskDefinition type`. */
  type: string;
  retries?: number;
  /** `zeebe:input` mappings, target → FEEL source. */
  inputs: Record<string, string>;
  /** `zeebe:output` mappings, target → FEEL source; none: the whole output is merged. */
  outputs?: Record<string, string>;
  /** An error boundary on the service task catching this code, leading to user task `handleError`. */
  catches?: string;
}

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * start → service task `job` (→ `handleError` on the caught BPMN error) → user task `after` → end.
 * The job is due as soon as the instance starts.
 */
export function serviceTaskBpmn(process: ServiceTaskProcess): string {
  const mapping = (kind: 'input' | 'output', entries: Record<string, string> = {}) =>
    Object.entries(entries)
      .map(([target, source]) => `<zeebe:${kind} source="${escapeXml(source)}" target="${target}" />`)
      .join('');
  const boundary = process.catches
    ? `<bpmn:boundaryEvent id="caught" attachedToRef="job"><bpmn:errorEventDefinition errorRef="error" /></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f4" sourceRef="caught" targetRef="handleError" />
    <bpmn:userTask id="handleError" name="处理业务错误"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="school" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f5" sourceRef="handleError" targetRef="end" />`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="plugins-test" targetNamespace="https://duodaotong.example/test">
  ${process.catches ? `<bpmn:error id="error" errorCode="${process.catches}" />` : ''}
  <bpmn:process id="main" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="job" />
    <bpmn:serviceTask id="job" name="服务任务">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="${process.type}" retries="${process.retries ?? 3}" />
        <zeebe:ioMapping>${mapping('input', process.inputs)}${mapping('output', process.outputs)}</zeebe:ioMapping>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    ${boundary}
    <bpmn:sequenceFlow id="f2" sourceRef="job" targetRef="after" />
    <bpmn:userTask id="after" name="后续任务"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="school" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}
