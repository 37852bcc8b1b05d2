import { type ReactNode, useEffect, useRef } from 'react';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** `danger` for what cannot be undone (撤销). */
  tone?: 'primary' | 'danger';
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question on the native <dialog> (focus kept inside, Esc cancels), for actions that need a second look. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog border-0 rounded-3 shadow p-0"
      aria-labelledby="confirm-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      {/* Not a <form>: the dialog may sit inside a page's form, and forms must not nest. */}
      <div className="p-3">
        <h2 id="confirm-dialog-title" className="h5">
          {props.title}
        </h2>
        <div className="mb-3">{props.children}</div>
        <div className="d-flex justify-content-end gap-2">
          <button
            type="button"
            className="btn btn-outline-secondary"
            onClick={props.onCancel}
            disabled={props.busy}
          >
            取消
          </button>
          <button
            type="button"
            className={`btn btn-${props.tone ?? 'primary'}`}
            disabled={props.busy}
            onClick={props.onConfirm}
          >
            {props.busy ? '正在处理…' : props.confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
