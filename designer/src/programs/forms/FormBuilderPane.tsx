import '@formio/js/dist/formio.full.min.css';
import { Formio } from '@formio/js';
import { useEffect, useRef, useState } from 'react';
import type { FormioFormJson } from '../../api/types.js';
import { FORMIO_LANGUAGE, formioI18nOptions } from '../../formio/formioRuntime.js';
import { builderZh } from './builderZh.js';

interface FormBuilderPaneProps {
  /** The form when the pane mounts; later edits stay in the builder (remount with a `key` to switch forms). */
  form: FormioFormJson;
  /** The builder changed the form; `schema` is the whole form JSON. */
  onChange: (schema: FormioFormJson) => void;
}

interface Builder {
  schema: FormioFormJson;
  updateComponentKey(data: Record<string, unknown>): string;
  on(event: string, listener: (...args: unknown[]) => void): void;
  destroy(all?: boolean): void;
}

/**
 * Tabs hidden in every component's edit dialog: Logic holds JavaScript actions and is not needed for
 * JSONLogic conditions (those stay on the Conditional tab). JavaScript panels elsewhere are hidden by
 * Form.io itself because the designer runs with `Evaluator.noeval`; publishing refuses JavaScript anyway.
 */
function editFormOverrides(): Record<string, { key: string; ignore: boolean }[]> {
  const types = Object.keys(
    (Formio as unknown as { Components: { components: Record<string, unknown> } }).Components.components,
  );
  return Object.fromEntries(types.map((type) => [type, [{ key: 'logic', ignore: true }]]));
}

/** The Form.io builder for one form of the program, in Chinese, without the premium group. */
export default function FormBuilderPane({ form, onChange }: FormBuilderPaneProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // The builder owns the form once it runs: a new `form` object from a re-render must not rebuild it.
  const initialForm = useRef(form);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const mount = document.createElement('div');
    host.append(mount);
    let disposed = false;
    let builder: Builder | null = null;
    const options = {
      ...formioI18nOptions,
      i18n: {
        [FORMIO_LANGUAGE]: { ...formioI18nOptions.i18n[FORMIO_LANGUAGE], ...builderZh },
      },
      noDefaultSubmitButton: true,
      // Edit grids render rows through lodash templates with loops, which noeval cannot run; data grids
      // cover the same need.
      builder: { premium: false, data: { components: { editgrid: false } } },
      editForm: editFormOverrides(),
    };
    Formio.builder(mount, structuredClone(initialForm.current), options).then((created: unknown) => {
      if (disposed) {
        (created as Builder).destroy(true);
        return;
      }
      builder = created as Builder;
      // Form.io derives a new field's key from its label (lodash camelCase): a Chinese label gives a key of
      // Chinese characters, which Form.io itself then refuses. Such fields take their type as key instead
      // (textfield, textfield1…, made unique by Form.io); the 接口 tab can rename it.
      const labelKey = builder.updateComponentKey.bind(builder);
      builder.updateComponentKey = (data) => {
        const key = labelKey(data);
        return /^[A-Za-z][A-Za-z0-9_-]*$/.test(key) ? key : String(data.type ?? 'field');
      };
      builder.on('change', () => {
        if (builder) onChangeRef.current(structuredClone(builder.schema));
      });
      setReady(true);
    });
    return () => {
      disposed = true;
      builder?.destroy(true);
      mount.remove();
    };
  }, []);

  return (
    <div className="form-builder-pane" lang="zh-CN">
      {!ready && (
        <p className="text-secondary" role="status">
          正在加载表单设计器…
        </p>
      )}
      <div ref={hostRef} />
    </div>
  );
}
