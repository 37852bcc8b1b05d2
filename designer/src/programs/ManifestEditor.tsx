import { useState } from 'react';
import type { ProgramManifest, ProgramParameter, SchoolType } from '../api/types.js';
import { SCHOOL_TYPE_LABELS, SCHOOL_TYPES } from '../organisation/labels.js';

type FormEntry = ProgramManifest['forms'][string];

const FILLED_BY: Record<FormEntry['filledBy'], string> = {
  school: '学校',
  inspector: '督学',
  office: '督导室',
};
const PARAMETER_TYPES: Record<ProgramParameter['type'], string> = {
  duration: '时长',
  integer: '整数',
  number: '数字',
  string: '文本',
  boolean: '是/否',
  date: '日期',
};

interface ManifestEditorProps {
  manifest: ProgramManifest;
  /** The program key may change only for a new program. */
  keyEditable: boolean;
  onChange: (manifest: ProgramManifest) => void;
  /** A form was added to the program (its empty Form.io definition must be created). */
  onAddForm: (id: string, entry: FormEntry) => void;
}

/** program.json: names, target school types, launch parameters and the list of forms. */
export function ManifestEditor({ manifest, keyEditable, onChange, onAddForm }: ManifestEditorProps) {
  const set = (patch: Partial<ProgramManifest>) => onChange({ ...manifest, ...patch });
  const setParameter = (index: number, patch: Partial<ProgramParameter>) =>
    set({
      parameters: manifest.parameters.map((parameter, at) =>
        at === index ? ({ ...parameter, ...patch } as ProgramParameter) : parameter,
      ),
    });
  const toggleType = (type: SchoolType) =>
    set({
      targetSchoolTypes: manifest.targetSchoolTypes.includes(type)
        ? manifest.targetSchoolTypes.filter((entry) => entry !== type)
        : [...manifest.targetSchoolTypes, type],
    });

  return (
    <div className="card card-body">
      <div className="row g-2 mb-3">
        <div className="col-sm-4">
          <label htmlFor="manifest-key" className="form-label">
            项目编号（key）
          </label>
          <input
            id="manifest-key"
            className="form-control font-monospace"
            value={manifest.key}
            disabled={!keyEditable}
            onChange={(event) => set({ key: event.target.value.trim() })}
          />
        </div>
        <div className="col-sm-8">
          <label htmlFor="manifest-name" className="form-label">
            项目名称
          </label>
          <input
            id="manifest-name"
            className="form-control"
            maxLength={100}
            value={manifest.name}
            onChange={(event) => set({ name: event.target.value })}
          />
        </div>
        <div className="col-12">
          <label htmlFor="manifest-description" className="form-label">
            说明
          </label>
          <textarea
            id="manifest-description"
            className="form-control"
            rows={2}
            value={manifest.description}
            onChange={(event) => set({ description: event.target.value })}
          />
        </div>
      </div>
      <fieldset className="mb-3">
        <legend className="form-label fs-6">适用的学校类型</legend>
        <div className="d-flex flex-wrap gap-3">
          {SCHOOL_TYPES.map((type) => (
            <label key={type} className="form-check">
              <input
                type="checkbox"
                className="form-check-input"
                checked={manifest.targetSchoolTypes.includes(type)}
                onChange={() => toggleType(type)}
              />
              <span className="form-check-label">{SCHOOL_TYPE_LABELS[type]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <h3 className="h6">下发参数（流程中写作 params.参数键）</h3>
      <div className="table-scroll mb-3">
        <table className="table table-sm align-middle" aria-label="下发参数">
          <thead>
            <tr>
              <th scope="col">参数键</th>
              <th scope="col">名称</th>
              <th scope="col">类型</th>
              <th scope="col">默认值</th>
              <th scope="col">最小</th>
              <th scope="col">最大</th>
            </tr>
          </thead>
          <tbody>
            {manifest.parameters.map((parameter, index) => (
              <tr key={parameter.key}>
                <td className="font-monospace small">{parameter.key}</td>
                <td>
                  <input
                    className="form-control form-control-sm"
                    aria-label={`${parameter.key} 的名称`}
                    value={parameter.label}
                    onChange={(event) => setParameter(index, { label: event.target.value })}
                  />
                </td>
                <td className="small">{PARAMETER_TYPES[parameter.type]}</td>
                <td>
                  <input
                    className="form-control form-control-sm"
                    aria-label={`${parameter.key} 的默认值`}
                    value={String(parameter.default)}
                    onChange={(event) =>
                      setParameter(index, { default: parseDefault(parameter, event.target.value) })
                    }
                  />
                </td>
                <td>
                  <NumberCell
                    label={`${parameter.key} 的最小值`}
                    value={parameter.minimum}
                    onChange={(minimum) => setParameter(index, { minimum })}
                  />
                </td>
                <td>
                  <NumberCell
                    label={`${parameter.key} 的最大值`}
                    value={parameter.maximum}
                    onChange={(maximum) => setParameter(index, { maximum })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="h6">表单</h3>
      <ul className="list-group mb-2">
        {Object.entries(manifest.forms).map(([id, entry]) => (
          <li key={id} className="list-group-item d-flex flex-wrap gap-2 align-items-center">
            <span className="font-monospace small">{id}</span>
            <input
              className="form-control form-control-sm w-auto flex-grow-1"
              aria-label={`${id} 的标题`}
              value={entry.title}
              onChange={(event) =>
                set({ forms: { ...manifest.forms, [id]: { ...entry, title: event.target.value } } })
              }
            />
            <select
              className="form-select form-select-sm w-auto"
              aria-label={`${id} 的填写人`}
              value={entry.filledBy}
              onChange={(event) =>
                set({
                  forms: {
                    ...manifest.forms,
                    [id]: { ...entry, filledBy: event.target.value as FormEntry['filledBy'] },
                  },
                })
              }
            >
              {Object.entries(FILLED_BY).map(([value, label]) => (
                <option key={value} value={value}>
                  由{label}填写
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <NewFormRow existing={Object.keys(manifest.forms)} onAdd={onAddForm} />
    </div>
  );
}

function parseDefault(parameter: ProgramParameter, text: string): ProgramParameter['default'] {
  if (parameter.type === 'integer' || parameter.type === 'number') {
    const number = Number(text);
    return text.trim() !== '' && Number.isFinite(number) ? number : text;
  }
  if (parameter.type === 'boolean') return text === 'true' || text === '是';
  return text;
}

function NumberCell({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}) {
  return (
    <input
      type="number"
      className="form-control form-control-sm"
      aria-label={label}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
    />
  );
}

function NewFormRow({
  existing,
  onAdd,
}: {
  existing: string[];
  onAdd: (id: string, entry: FormEntry) => void;
}) {
  const [id, setId] = useState('');
  const [title, setTitle] = useState('');
  const [filledBy, setFilledBy] = useState<FormEntry['filledBy']>('school');
  const valid = /^[a-z][a-z0-9-]{0,63}$/.test(id) && !existing.includes(id) && title.trim() !== '';
  return (
    <div className="d-flex flex-wrap gap-2 align-items-center">
      <input
        className="form-control form-control-sm w-auto font-monospace"
        placeholder="表单编号，如 rectify"
        aria-label="新表单编号"
        value={id}
        onChange={(event) => setId(event.target.value.trim())}
      />
      <input
        className="form-control form-control-sm w-auto"
        placeholder="表单标题"
        aria-label="新表单标题"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <select
        className="form-select form-select-sm w-auto"
        aria-label="新表单填写人"
        value={filledBy}
        onChange={(event) => setFilledBy(event.target.value as FormEntry['filledBy'])}
      >
        {Object.entries(FILLED_BY).map(([value, label]) => (
          <option key={value} value={value}>
            由{label}填写
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn-sm btn-outline-primary"
        disabled={!valid}
        onClick={() => {
          onAdd(id, { title: title.trim(), filledBy });
          setId('');
          setTitle('');
        }}
      >
        添加表单
      </button>
      <span className="small text-secondary">编号用小写字母、数字和连字符。</span>
    </div>
  );
}
