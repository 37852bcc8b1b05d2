import type { Webform } from '@formio/js/form';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.js';
import { taskApi } from '../api/taskApi.js';
import type { FieldError, FormioFormJson } from '../api/types.js';
import { Formio, formioI18nOptions } from './formioRuntime.js';
import { hasSubmitButton } from './formShape.js';

/** The error objects Form.io's `showErrors` places next to the component found at `path`. */
interface FormioServerError {
  message: string;
  path?: string;
  fromServer: true;
  level: 'error';
  /** Ends the submission without Form.io showing anything: the page shows the error itself. */
  silent?: true;
}

function toFormioErrors(fieldErrors: FieldError[]): FormioServerError[] {
  return fieldErrors.map((error) => ({
    message: error.message,
    ...(error.path ? { path: error.path } : {}),
    fromServer: true,
    level: 'error',
  }));
}

/** The part of a Form.io component instance that carries server errors. */
interface ChangedComponent {
  serverErrors?: unknown[];
  checkValidity(data: null, dirty: boolean): unknown;
}

/** A server error stays on its field until the user edits that field, then the field re-validates itself. */
function clearServerErrorOnEdit(flags?: { changed?: { instance?: ChangedComponent } }): void {
  const instance = flags?.changed?.instance;
  if (!instance?.serverErrors?.length) return;
  instance.serverErrors = [];
  instance.checkValidity(null, true);
}

type Next = (error?: FormioServerError | FormioServerError[]) => void;

export interface TaskFormProps {
  taskId: string;
  /** The task's form, prepared for this task (`prepareTaskForm`). */
  form: FormioFormJson;
  /** The values the form opens with: the saved draft, or the context taken from earlier steps. */
  initialData: Record<string, unknown> | null;
  /** Someone else claimed the task: the form is shown read-only and nothing can be sent. */
  readOnly: boolean;
  /** The server accepted the submission. */
  onCompleted: () => void;
  /** The server refused for a reason that is not a field error (task closed, conflict, network…). */
  onRefused: (error: unknown) => void;
  /** The user changed a value (to auto-save a draft). */
  onEdited: (data: Record<string, unknown>) => void;
  /** The 保存草稿 button. */
  onSaveDraft: (data: Record<string, unknown>) => void;
}

/**
 * Renders a task's Form.io form in Chinese. Form.io validates in the browser first; the submission then goes
 * to the server from Form.io's `customValidation` hook, so the server's field errors come back through
 * Form.io's own error display: next to each field and in the list above the submit button.
 */
export function TaskForm(props: TaskFormProps) {
  const { taskId, form, initialData, readOnly } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<Webform | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState(false);
  const ownSubmitButton = !hasSubmitButton(form.components);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // A fresh mount point per effect run, so a StrictMode double mount never shares an element.
    const mount = document.createElement('div');
    host.append(mount);
    let disposed = false;
    const sendToServer = (submission: { data: Record<string, unknown> }, next: Next) => {
      taskApi.complete(taskId, submission.data).then(
        () => next(),
        (error: unknown) => {
          if (error instanceof ApiError && error.fieldErrors.length > 0) {
            const formioErrors = toFormioErrors(error.fieldErrors);
            // Registered on the form as well, so Form.io clears them from the fields on the next submit.
            if (formRef.current) formRef.current.serverErrors = formioErrors;
            next(formioErrors);
            return;
          }
          callbacks.current.onRefused(error);
          next({ message: String(error), fromServer: true, level: 'error', silent: true });
        },
      );
    };
    const options = {
      ...formioI18nOptions,
      readOnly,
      hooks: { customValidation: sendToServer },
    };
    Formio.createForm(mount, structuredClone(form), options).then((created: Webform) => {
      if (disposed) {
        created.destroy(true);
        return;
      }
      formRef.current = created;
      const opened = initialData ? created.setSubmission({ data: structuredClone(initialData) }) : null;
      created.on('submit', () => callbacks.current.onCompleted());
      // A refused upload's message is shown on the file; Form.io also emits the rejected promise, which
      // nobody awaits, so it would surface as an unhandled rejection.
      created.on('fileUploadingEnd', (upload: unknown) => {
        if (upload instanceof Promise) upload.catch(() => undefined);
      });
      // Form.io emits ('change', changed, flags, modified); only the user's own edits count.
      created.on(
        'change',
        (changed: { data?: Record<string, unknown> }, flags: unknown, modified: unknown) => {
          clearServerErrorOnEdit(flags as Parameters<typeof clearServerErrorOnEdit>[0]);
          if (modified && changed?.data) callbacks.current.onEdited(structuredClone(changed.data));
        },
      );
      void Promise.resolve(opened).then(() => !disposed && setReady(true));
    });
    return () => {
      disposed = true;
      formRef.current?.destroy(true);
      formRef.current = null;
      mount.remove();
    };
  }, [taskId, form, initialData, readOnly]);

  const submit = () => {
    const instance = formRef.current;
    if (!instance) return;
    setBusy(true);
    // Rejections are already shown by Form.io's error list; only the button state is ours.
    instance.submit().then(
      () => setBusy(false),
      () => setBusy(false),
    );
  };
  const saveDraft = () => {
    const data = (formRef.current?.submission as { data?: Record<string, unknown> } | undefined)?.data;
    if (data) callbacks.current.onSaveDraft(structuredClone(data));
  };

  return (
    <>
      <div ref={hostRef} lang="zh-CN" />
      {!ready && (
        <p className="text-secondary" role="status">
          正在加载表单…
        </p>
      )}
      {ready && !readOnly && (
        <div className="d-flex flex-wrap gap-2 mt-2 task-actions">
          <button type="button" className="btn btn-outline-secondary flex-grow-1" onClick={saveDraft}>
            保存草稿
          </button>
          {ownSubmitButton && (
            <button type="button" className="btn btn-primary flex-grow-1" onClick={submit} disabled={busy}>
              {busy ? '正在提交…' : '提交'}
            </button>
          )}
        </div>
      )}
    </>
  );
}
