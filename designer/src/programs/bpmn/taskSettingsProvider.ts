import { isSelectEntryEdited, SelectEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { useService } from 'bpmn-js-properties-panel';

/** The program's forms, kept current by the editor page (the modeler lives longer than one list). */
export interface ProgramFormsHolder {
  current: { id: string; title: string }[];
}

// Roles a candidate group names, resolved per instance by the runtime (definitions/README.md).
const ROLES = [
  { value: 'school', label: '学校（本校用户）' },
  { value: 'inspector', label: '责任督学（本校挂牌督学）' },
  { value: 'office', label: '督导室（下发批次的督导室）' },
];

interface ModdleElement {
  $type: string;
  get(name: string): unknown;
}
interface DiagramElement {
  businessObject: ModdleElement;
}
interface Modeling {
  updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
  updateModdleProperties(
    element: DiagramElement,
    target: ModdleElement,
    properties: Record<string, unknown>,
  ): void;
}
interface BpmnFactory {
  create(type: string, properties?: Record<string, unknown>): ModdleElement;
}

function extension(element: DiagramElement, type: string): ModdleElement | undefined {
  const extensionElements = element.businessObject.get('extensionElements') as ModdleElement | undefined;
  const values = (extensionElements?.get('values') as ModdleElement[] | undefined) ?? [];
  return values.find((value) => is(value, type));
}

/** Sets properties on the task's `zeebe:*` extension element of `type`, creating it (and its container) if needed. */
function setExtension(
  element: DiagramElement,
  type: string,
  properties: Record<string, unknown>,
  modeling: Modeling,
  bpmnFactory: BpmnFactory,
): void {
  const existing = extension(element, type);
  if (existing) {
    modeling.updateModdleProperties(element, existing, properties);
    return;
  }
  let container = element.businessObject.get('extensionElements') as ModdleElement | undefined;
  if (!container) {
    container = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    modeling.updateProperties(element, { extensionElements: container });
  }
  const created = bpmnFactory.create(type, properties);
  const values = (container.get('values') as ModdleElement[]) ?? [];
  modeling.updateModdleProperties(element, container, { values: [...values, created] });
}

function FormEntry({ element, id }: { element: DiagramElement; id: string }) {
  const modeling = useService<Modeling>('modeling');
  const bpmnFactory = useService<BpmnFactory>('bpmnFactory');
  const forms = useService<ProgramFormsHolder>('programForms');
  return h(SelectEntry, {
    id,
    element,
    label: '填写的表单',
    getValue: () => String(extension(element, 'zeebe:FormDefinition')?.get('formId') ?? ''),
    setValue: (value: string) =>
      setExtension(element, 'zeebe:FormDefinition', { formId: value || undefined }, modeling, bpmnFactory),
    getOptions: () => [
      { value: '', label: '<无表单>' },
      ...forms.current.map((form) => ({ value: form.id, label: `${form.title}（${form.id}）` })),
    ],
  });
}

function RoleEntry({ element, id }: { element: DiagramElement; id: string }) {
  const modeling = useService<Modeling>('modeling');
  const bpmnFactory = useService<BpmnFactory>('bpmnFactory');
  const current = () => {
    const assignment = extension(element, 'zeebe:AssignmentDefinition');
    const groups = String(assignment?.get('candidateGroups') ?? '');
    return !assignment?.get('assignee') && ROLES.some((role) => role.value === groups) ? groups : '';
  };
  return h(SelectEntry, {
    id,
    element,
    label: '办理角色',
    description: '其他办理人（如 =school.inspectorId）在下方「办理人」中填写。',
    getValue: current,
    setValue: (value: string) =>
      value &&
      setExtension(
        element,
        'zeebe:AssignmentDefinition',
        { candidateGroups: value, assignee: undefined },
        modeling,
        bpmnFactory,
      ),
    getOptions: () => [{ value: '', label: '<其他，见办理人>' }, ...ROLES],
  });
}

// Groups of the Zeebe provider that our runtime does not use: editing them would only confuse.
const UNUSED_GROUPS = new Set([
  'Zeebe__ExecutionListeners',
  'Zeebe__TaskListeners',
  'userTaskImplementation',
  'headers',
]);

interface PanelGroup {
  id: string;
  label: string;
  entries: unknown[];
}

/**
 * A 督导通 group at the top of a user task's properties: the program's forms as a list and the three
 * roles, written as the Zeebe extension elements the runtime reads (`zeebe:formDefinition formId`,
 * `zeebe:assignmentDefinition candidateGroups`).
 */
class TaskSettingsProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: { registerProvider(priority: number, provider: unknown): void }) {
    propertiesPanel.registerProvider(400, this);
  }

  getGroups(element: DiagramElement) {
    return (groups: PanelGroup[]) => {
      const kept = groups.filter((group) => !UNUSED_GROUPS.has(group.id));
      if (!is(element, 'bpmn:UserTask')) return kept;
      const settings: PanelGroup = {
        id: 'ddt-task',
        label: '督导通：表单与办理角色',
        entries: [
          { id: 'ddt-form', element, component: FormEntry, isEdited: isSelectEntryEdited },
          { id: 'ddt-role', element, component: RoleEntry, isEdited: isSelectEntryEdited },
        ],
      };
      const general = kept.findIndex((group) => group.id === 'general');
      kept.splice(general + 1, 0, settings);
      return kept;
    };
  }
}

/** The module for bpmn-js `additionalModules`; `programForms` is the holder the page keeps current. */
export function taskSettingsModule(forms: ProgramFormsHolder) {
  return {
    __init__: ['ddtTaskSettings'],
    ddtTaskSettings: ['type', TaskSettingsProvider],
    programForms: ['value', forms],
  };
}
