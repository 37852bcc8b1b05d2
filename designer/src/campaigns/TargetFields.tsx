import { useMemo, useState } from 'react';
import type { Ownership, School, SchoolType } from '../api/types.js';
import {
  OWNERSHIP_LABELS,
  SCHOOL_TYPE_LABELS,
  SCHOOL_TYPES,
  schoolTypeLabel,
} from '../organisation/labels.js';
import type { Organisation } from '../organisation/useOrganisation.js';

/** Which schools a launch targets: by 责任区, school type and 公办/民办, or an explicit list. */
export interface Targets {
  mode: 'filter' | 'list';
  districtIds: string[];
  schoolTypes: SchoolType[];
  ownership: Ownership | '';
  schoolIds: string[];
}

export const NO_TARGETS: Targets = {
  mode: 'filter',
  districtIds: [],
  schoolTypes: [],
  ownership: '',
  schoolIds: [],
};

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

interface TargetFieldsProps {
  targets: Targets;
  onChange: (targets: Targets) => void;
  organisation: Organisation;
  /** The program's target school types; others cannot be chosen. */
  allowedTypes: readonly string[];
}

export function TargetFields({ targets, onChange, organisation, allowedTypes }: TargetFieldsProps) {
  const set = (patch: Partial<Targets>) => onChange({ ...targets, ...patch });
  return (
    <fieldset className="mb-3">
      <legend className="form-label fs-6">督导对象</legend>
      <div className="btn-group btn-group-sm mb-2">
        {(
          [
            ['filter', '按条件选择'],
            ['list', '指定学校'],
          ] as const
        ).map(([mode, label]) => (
          <span key={mode} className="d-contents">
            <input
              type="radio"
              className="btn-check"
              name="target-mode"
              id={`target-mode-${mode}`}
              checked={targets.mode === mode}
              onChange={() => set({ mode })}
            />
            <label className="btn btn-outline-primary" htmlFor={`target-mode-${mode}`}>
              {label}
            </label>
          </span>
        ))}
      </div>
      {targets.mode === 'filter' ? (
        <FilterFields targets={targets} set={set} organisation={organisation} allowedTypes={allowedTypes} />
      ) : (
        <SchoolPicker
          schools={[...organisation.schools.values()].filter((school) => allowedTypes.includes(school.type))}
          selected={targets.schoolIds}
          onChange={(schoolIds) => set({ schoolIds })}
          districtName={organisation.districtName}
        />
      )}
    </fieldset>
  );
}

function FilterFields({
  targets,
  set,
  organisation,
  allowedTypes,
}: {
  targets: Targets;
  set: (patch: Partial<Targets>) => void;
  organisation: Organisation;
  allowedTypes: readonly string[];
}) {
  return (
    <div className="card card-body">
      <div className="mb-2">
        <div className="small text-secondary mb-1">责任区（不选为全部）</div>
        <div className="d-flex flex-wrap gap-3">
          {organisation.districts.map((district) => (
            <label key={district.id} className="form-check">
              <input
                type="checkbox"
                className="form-check-input"
                checked={targets.districtIds.includes(district.id)}
                onChange={() => set({ districtIds: toggle(targets.districtIds, district.id) })}
              />
              <span className="form-check-label">{district.name}</span>
            </label>
          ))}
        </div>
      </div>
      <div className="mb-2">
        <div className="small text-secondary mb-1">学校类型（不选为本项目适用的全部类型）</div>
        <div className="d-flex flex-wrap gap-3">
          {SCHOOL_TYPES.map((type) => {
            const allowed = allowedTypes.includes(type);
            return (
              <label key={type} className={`form-check${allowed ? '' : ' text-secondary'}`}>
                <input
                  type="checkbox"
                  className="form-check-input"
                  disabled={!allowed}
                  checked={targets.schoolTypes.includes(type)}
                  onChange={() => set({ schoolTypes: toggle(targets.schoolTypes, type) })}
                />
                <span className="form-check-label">
                  {SCHOOL_TYPE_LABELS[type]}
                  {allowed ? '' : '（不适用）'}
                </span>
              </label>
            );
          })}
        </div>
      </div>
      <div>
        <label htmlFor="launch-ownership" className="small text-secondary mb-1 d-block">
          办学性质
        </label>
        <select
          id="launch-ownership"
          className="form-select form-select-sm w-auto"
          value={targets.ownership}
          onChange={(event) => set({ ownership: event.target.value as Ownership | '' })}
        >
          <option value="">公办和民办</option>
          {Object.entries(OWNERSHIP_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function SchoolPicker({
  schools,
  selected,
  onChange,
  districtName,
}: {
  schools: School[];
  selected: string[];
  onChange: (ids: string[]) => void;
  districtName: (id: string) => string;
}) {
  const [filter, setFilter] = useState('');
  const visible = useMemo(
    () =>
      schools
        .filter((school) => school.name.includes(filter.trim()))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    [schools, filter],
  );
  const chosen = new Set(selected);
  return (
    <div className="card card-body">
      <div className="d-flex flex-wrap gap-2 mb-2">
        <input
          className="form-control form-control-sm flex-grow-1 w-auto"
          placeholder="按校名筛选"
          aria-label="按校名筛选"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <button
          type="button"
          className="btn btn-sm btn-outline-secondary"
          onClick={() => onChange([...new Set([...selected, ...visible.map((school) => school.id)])])}
        >
          全选列表
        </button>
        <button type="button" className="btn btn-sm btn-outline-secondary" onClick={() => onChange([])}>
          清空
        </button>
      </div>
      <div className="small text-secondary mb-1">已选 {selected.length} 所</div>
      <div className="list-group school-picker">
        {visible.map((school) => (
          <label key={school.id} className="list-group-item d-flex gap-2 align-items-center">
            <input
              type="checkbox"
              className="form-check-input m-0"
              checked={chosen.has(school.id)}
              onChange={() => onChange(toggle(selected, school.id))}
            />
            <span className="me-auto">{school.name}</span>
            <span className="small text-secondary">{districtName(school.districtId)}</span>
            <span className="badge text-bg-light border fw-normal">{schoolTypeLabel(school.type)}</span>
          </label>
        ))}
        {visible.length === 0 && <div className="list-group-item text-secondary">没有符合条件的学校。</div>}
      </div>
    </div>
  );
}
