import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import Modeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import CamundaCloudBehaviors from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import { type Ref, useEffect, useImperativeHandle, useRef, useState } from 'react';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { type ProgramFormsHolder, taskSettingsModule } from './taskSettingsProvider.js';
import { translateModule } from './translateModule.js';

export interface BpmnEditorHandle {
  /** The diagram as BPMN XML, formatted. */
  saveXml(): Promise<string>;
  /** Selects and shows an element (a problem's `elementId`); false if the diagram has none with that id. */
  select(elementId: string): boolean;
}

interface BpmnEditorProps {
  xml: string;
  forms: { id: string; title: string }[];
  /** The user changed the diagram. */
  onChange: () => void;
  ref?: Ref<BpmnEditorHandle>;
}

interface ElementRegistry {
  get(id: string): unknown;
}
interface Selection {
  select(element: unknown): void;
}
interface Canvas {
  scrollToElement(element: unknown): void;
  zoom(level: string): void;
}

/**
 * The BPMN modeler (bpmn-js) with the properties panel beside the canvas, in Chinese, editing the Zeebe
 * dialect our runtime reads (form, assignment, due date, task type, mappings). The bpmn.io watermark stays
 * visible in the canvas corner: its licence requires it, so nothing is laid over the canvas.
 */
export default function BpmnEditor({ xml, forms, onChange, ref }: BpmnEditorProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<Modeler | null>(null);
  const formsHolder = useRef<ProgramFormsHolder>({ current: forms });
  formsHolder.current.current = forms;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const panel = panelRef.current;
    if (!canvas || !panel) return;
    const modeler = new Modeler({
      container: canvas,
      propertiesPanel: { parent: panel },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        ZeebePropertiesProviderModule,
        CamundaCloudBehaviors,
        translateModule,
        taskSettingsModule(formsHolder.current),
      ],
      moddleExtensions: { zeebe: zeebeModdle },
    });
    modelerRef.current = modeler;
    let disposed = false;
    modeler.importXML(xml).then(
      () => {
        if (disposed) return;
        (modeler.get('canvas') as Canvas).zoom('fit-viewport');
        modeler.on('commandStack.changed', () => onChangeRef.current());
      },
      (failure: unknown) => {
        if (!disposed)
          setError(`流程图无法打开：${failure instanceof Error ? failure.message : String(failure)}`);
      },
    );
    return () => {
      // A StrictMode remount must not let the first modeler's pending import touch a destroyed canvas.
      disposed = true;
      modeler.destroy();
      modelerRef.current = null;
    };
  }, [xml]);

  useImperativeHandle(
    ref,
    () => ({
      async saveXml() {
        const modeler = modelerRef.current;
        if (!modeler) throw new Error('流程图尚未加载');
        const { xml: saved } = await modeler.saveXML({ format: true });
        return saved ?? '';
      },
      select(elementId: string) {
        const modeler = modelerRef.current;
        const element = modeler ? (modeler.get('elementRegistry') as ElementRegistry).get(elementId) : null;
        if (!modeler || !element) return false;
        (modeler.get('selection') as Selection).select(element);
        (modeler.get('canvas') as Canvas).scrollToElement(element);
        return true;
      },
    }),
    [],
  );

  return (
    <div className="bpmn-editor" lang="zh-CN">
      {error && (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      )}
      <div className="bpmn-editor-body">
        <div ref={canvasRef} className="bpmn-canvas" data-testid="bpmn-canvas" />
        <aside ref={panelRef} className="bpmn-properties" aria-label="属性" />
      </div>
    </div>
  );
}
