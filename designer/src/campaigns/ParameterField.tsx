import type { ReactNode } from 'react';
import type { ProgramParameter } from '../api/types.js';
import {
  BASIS_LABELS,
  DURATION_UNITS,
  type DurationUnit,
  describeParameterValue,
  formatDuration,
  parseDuration,
} from './parameterValues.js';

interface ParameterFieldProps {
  parameter: ProgramParameter;
  value: unknown;
  problem: string | null;
  onChange: (value: unknown) => void;
}

/** One launch parameter from program.json, edited with the control its type calls for, within its limits. */
export function ParameterField({ parameter, value, problem, onChange }: ParameterFieldProps) {
  const id = `param-${parameter.key}`;
  const changed = value !== parameter.default;
  const invalid = problem ? ' is-invalid' : '';
  let control: ReactNode;
  switch (parameter.type) {
    case 'integer':
    case 'number':
      control = (
        <input
          id={id}
          type="number"
          inputMode={parameter.type === 'integer' ? 'numeric' : 'decimal'}
          className={`form-control${invalid}`}
          min={parameter.minimum}
          max={parameter.maximum}
          step={parameter.type === 'integer' ? 1 : 'any'}
          value={typeof value === 'number' && Number.isFinite(value) ? value : ''}
          onChange={(event) => onChange(event.target.value === '' ? Number.NaN : Number(event.target.value))}
        />
      );
      break;
    case 'boolean':
      control = (
        <div className="form-check form-switch">
          <input
            id={id}
            type="checkbox"
            className="form-check-input"
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
          />
        </div>
      );
      break;
    case 'date':
      control = (
        <input
          id={id}
          type="date"
          className={`form-control${invalid}`}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
        />
      );
      break;
    case 'duration': {
      const duration = typeof value === 'string' ? parseDuration(value) : null;
      control = duration ? (
        <div className="input-group">
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            className={`form-control${invalid}`}
            value={duration.amount}
            onChange={(event) =>
              onChange(formatDuration(Math.max(0, Math.trunc(Number(event.target.value))), duration.unit))
            }
          />
          <select
            className="form-select flex-grow-0 w-auto"
            aria-label={`${parameter.label}的单位`}
            value={duration.unit}
            onChange={(event) =>
              onChange(formatDuration(duration.amount, event.target.value as DurationUnit))
            }
          >
            {DURATION_UNITS.map((entry) => (
              <option key={entry.unit} value={entry.unit}>
                {entry.label}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input
          id={id}
          className={`form-control${invalid}`}
          value={typeof value === 'string' ? value : ''}
          placeholder="如 P7D"
          onChange={(event) => onChange(event.target.value.trim().toUpperCase())}
        />
      );
      break;
    }
    default:
      control = (
        <input
          id={id}
          className={`form-control${invalid}`}
          maxLength={2000}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
  const limits = [
    parameter.minimum !== undefined && `最小 ${parameter.minimum}`,
    parameter.maximum !== undefined && `最大 ${parameter.maximum}`,
  ].filter(Boolean);
  return (
    <div className="mb-3" data-parameter={parameter.key}>
      <div className="d-flex flex-wrap gap-2 align-items-center mb-2">
        <label htmlFor={id} className="form-label mb-0">
          {parameter.label}
        </label>
        {parameter.basis && (
          <span className="badge text-bg-light border fw-normal">
            {BASIS_LABELS[parameter.basis] ?? parameter.basis}
          </span>
        )}
      </div>
      {control}
      {problem && <div className="invalid-feedback d-block">{problem}</div>}
      <div className="form-text">
        {parameter.description}
        {parameter.description ? ' ' : ''}
        默认 {describeParameterValue(parameter, parameter.default)}
        {limits.length > 0 ? `（${limits.join('，')}）` : ''}
        {changed && (
          <button
            type="button"
            className="btn btn-link btn-sm p-0 ms-2 align-baseline"
            onClick={() => onChange(parameter.default)}
          >
            恢复默认
          </button>
        )}
      </div>
    </div>
  );
}
