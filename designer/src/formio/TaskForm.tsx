import type { Webform } from '@formio/js/form';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.js';
import { api } from '../api/endpoints.js';
import type { FieldError, FormioFormJson } from '../api/types.js';
import { Formio, formioI18nOptions } from './formioRuntime.js';

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
function clearServerErrorOnEdit(
  _value: unknown,
  flags?: { changed?: { instance?: ChangedComponent } },
): void {
  const instance = flags?.changed?.instance;
  if (!instance?.serverErrors?.length) return;
  instance.serverErrors = [];
  instance.checkValidity(null, true);
}

type Next = (error?: FormioServerError | FormioServerError[]) => void;

function hasSubmitButton(components: unknown): boolean {
  if (!Array.isArray(components)) return false;
  return components.some((item) => {
    if (!item || typeof item !== 'object') return false;
    const component = item as Record<string, unknown>;
    if (component.type === 'button' && (component.action ?? 'submit') === 'submit') return true;
    const nested = [component.components, ...(Array.isArray(component.columns) ? component.columns : [])];
    return nested.some((child) =>
      hasSubmitButton(Array.isArray(child) ? child : (child as Record<string, unknown> | null)?.components),
    );
  });
}

interface TaskFormProps {
  taskId: string;
  form: FormioFormJson;
  draft: Record<string, unknown> | null;
  /** The server accepted the submission. */
  onCompleted: () => void;
  /** The server refused for a reason that is not a field error (task closed, conflict, network…). */
  onRefused: (error: unknown) => void;
}

/**
 * Renders a task's Form.io form in Chinese. Form.io validates in the browser first; the submission then goes
 * to the server from Form.io's `customValidation` hook, so the server's field errors come back through
 * Form.io's own error display: next to each field and in the list above the submit button.
 */
export function TaskForm({ taskId, form, draft, onCompleted, onRefused }: TaskFormProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<Webform | null>(null);
  const callbacks = useRef({ onCompleted, onRefused });
  callbacks.current = { onCompleted, onRefused };
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
      api.completeTask(taskId, submission.data).then(
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
    const options = { ...formioI18nOptions, hooks: { customValidation: sendToServer } };
    Formio.createForm(mount, structuredClone(form), options).then((created: Webform) => {
      if (disposed) {
        created.destroy(true);
        return;
      }
      formRef.current = created;
      if (draft) created.submission = { data: structuredClone(draft) };
      created.on('submit', () => callbacks.current.onCompleted());
      created.on('change', clearServerErrorOnEdit);
      setReady(true);
    });
    return () => {
      disposed = true;
      formRef.current?.destroy(true);
      formRef.current = null;
      mount.remove();
    };
  }, [taskId, form, draft]);

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

  return (
    <>
      <div ref={hostRef} lang="zh-CN" />
      {!ready && (
        <p className="text-secondary" role="status">
          正在加载表单…
        </p>
      )}
      {ready && ownSubmitButton && (
        <button type="button" className="btn btn-primary w-100 mt-2" onClick={submit} disabled={busy}>
          {busy ? '正在提交…' : '提交'}
        </button>
      )}
    </>
  );
}
