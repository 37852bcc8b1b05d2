import type { InputHTMLAttributes, ReactNode } from 'react';

interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'className'> {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** The wrapping element's class: its spacing or grid column. */
  className?: string;
  /** Help under the input, read out with it. */
  hint?: ReactNode;
}

/** A labelled text input (Bootstrap `form-control`), the label tied to it by id. */
export function TextField({ id, label, value, onChange, className, hint, ...input }: TextFieldProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <input
        id={id}
        className="form-control"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...input}
      />
      {hint && (
        <div id={`${id}-hint`} className="form-text">
          {hint}
        </div>
      )}
    </div>
  );
}
