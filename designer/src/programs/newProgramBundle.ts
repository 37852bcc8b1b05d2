import type { ProgramBundle } from '../api/types.js';

/** A new program's starting point: one school self-check task between a start and an end, one empty form. */
export function newProgramBundle(key: string, name: string): ProgramBundle {
  const processId = key.replace(/[^A-Za-z0-9]/g, '_');
  const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="${processId}-definitions" targetNamespace="https://duodaotong.example/programs/${key}">
  <bpmn:process id="${processId}" name="${name}" isExecutable="true">
    <bpmn:startEvent id="start" name="下发督导任务">
      <bpmn:outgoing>toSelfCheck</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="toSelfCheck" sourceRef="start" targetRef="selfCheck" />
    <bpmn:userTask id="selfCheck" name="学校自查">
      <bpmn:extensionElements>
        <zeebe:formDefinition formId="self-check" />
        <zeebe:assignmentDefinition candidateGroups="school" />
        <zeebe:taskSchedule dueDate="=now() + duration(params.selfCheckPeriod)" />
      </bpmn:extensionElements>
      <bpmn:incoming>toSelfCheck</bpmn:incoming>
      <bpmn:outgoing>toEnd</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="toEnd" sourceRef="selfCheck" targetRef="end" />
    <bpmn:endEvent id="end" name="督导完成">
      <bpmn:incoming>toEnd</bpmn:incoming>
    </bpmn:endEvent>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram">
    <bpmndi:BPMNPlane id="plane" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="selfCheck_di" bpmnElement="selfCheck"><dc:Bounds x="240" y="80" width="120" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="422" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="toSelfCheck_di" bpmnElement="toSelfCheck"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="toEnd_di" bpmnElement="toEnd"><di:waypoint x="360" y="120" /><di:waypoint x="422" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
  return {
    manifest: {
      key,
      name,
      description: `${name}：学校对照要点自查。`,
      targetSchoolTypes: ['primary', 'junior', 'nine_year', 'complete_secondary', 'senior'],
      parameters: [
        {
          key: 'selfCheckPeriod',
          label: '学校自查期限',
          type: 'duration',
          default: 'P7D',
          basis: 'suggested',
        },
      ],
      forms: { 'self-check': { title: '学校自查表', filledBy: 'school' } },
    },
    bpmn,
    forms: { 'self-check': { title: '学校自查表', display: 'form', components: [] } },
  };
}
