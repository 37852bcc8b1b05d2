import type { Webform } from '@formio/js/form';
import { useEffect, useRef, useState } from 'react';
import type { FormioFormJson } from '../api/types.js';
import { Formio, formioI18nOptions } from './formioRuntime.js';
import { withDownloadableFiles } from './taskFormPreparation.js';

/** Buttons have no place in a read-only view. */
function withoutButtons(form: FormioFormJson): FormioFormJson {
  const strip = (components: unknown): unknown =>
    Array.isArray(components)
      ? components
          .filter((component) => (component as { type?: unknown })?.type !== 'button')
          .map((component) => {
            const copy = { ...(component as Record<string, unknown>) };
            if (Array.isArray(copy.components)) copy.components = strip(copy.components);
            if (Array.isArray(copy.columns))
              copy.columns = copy.columns.map((column: Record<string, unknown>) => ({
                ...column,
                components: strip(column.components),
              }));
            return copy;
          })
      : components;
  return { ...form, components: strip(form.components) };
}

/**
 * An earlier submission shown read-only with the form it was validated against: what a reviewer reads
 * before deciding (the school's self-check answers, its evidence files as download links).
 */
export function SubmissionView({ form, data }: { form: FormioFormJson; data: Record<string, unknown> }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const mount = document.createElement('div');
    host.append(mount);
    let disposed = false;
    let created: Webform | null = null;
    const options = { ...formioI18nOptions, readOnly: true, renderMode: 'html' };
    Formio.createForm(mount, withoutButtons(form), options).then((instance: Webform) => {
      if (disposed) {
        instance.destroy(true);
        return;
      }
      created = instance;
      void instance
        .setSubmission({ data: withDownloadableFiles(form, data) })
        .then(() => !disposed && setReady(true));
    });
    return () => {
      disposed = true;
      created?.destroy(true);
      mount.remove();
    };
  }, [form, data]);

  return (
    <div className="submission-view" lang="zh-CN">
      <div ref={hostRef} />
      {!ready && (
        <p className="text-secondary small" role="status">
          正在加载…
        </p>
      )}
    </div>
  );
}
