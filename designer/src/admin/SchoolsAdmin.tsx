import { type FormEvent, useMemo, useState } from 'react';
import { errorMessage } from '../api/client.js';
import { organisationApi } from '../api/organisationApi.js';
import type { Ownership, School, SchoolType } from '../api/types.js';
import {
  OWNERSHIP_LABELS,
  SCHOOL_TYPE_LABELS,
  SCHOOL_TYPES,
  schoolTypeLabel,
} from '../organisation/labels.js';
import { type Organisation, useOrganisation } from '../organisation/useOrganisation.js';

/** Schools of the office's subtree: edit their details and 挂牌 inspector, or add one. */
export function SchoolsAdmin() {
  const [organisation, reload] = useOrganisation();
  const [editing, setEditing] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const org = organisation.status === 'ready' ? organisation.data : null;
  const schools = useMemo(
    () =>
      org
        ? [...org.schools.values()]
            .filter((school) => school.name.includes(filter.trim()) || school.id.includes(filter.trim()))
            .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
        : [],
    [org, filter],
  );
  if (organisation.status === 'loading') {
    return (
      <p className="text-secondary" role="status">
        正在加载…
      </p>
    );
  }
  if (organisation.status === 'error' || !org) {
    return (
      <div className="alert alert-danger" role="alert">
        {organisation.status === 'error' ? organisation.message : ''}
      </div>
    );
  }
  const saved = (text: string) => {
    setEditing(null);
    setNotice({ tone: 'success', text });
    reload();
  };
  const failed = (error: unknown) => setNotice({ tone: 'danger', text: errorMessage(error) });
  return (
    <>
      {notice && (
        <div className={`alert alert-${notice.tone}`} role={notice.tone === 'danger' ? 'alert' : 'status'}>
          {notice.text}
        </div>
      )}
      <input
        className="form-control mb-2"
        placeholder="按校名或学校标识码筛选"
        aria-label="按校名或学校标识码筛选"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <ul className="list-group mb-3" aria-label="学校列表">
        {schools.map((school) => (
          <li key={school.id} className="list-group-item">
            <div className="d-flex flex-wrap align-items-center gap-2">
              <span className="me-auto">
                {school.name} <span className="small text-secondary">{school.id}</span>
              </span>
              <span className="small text-secondary">
                {schoolTypeLabel(school.type)} · {org.districtName(school.districtId)} · 责任督学{' '}
                {org.inspectorName(school.inspectorId)}
              </span>
              <button
                type="button"
                className="btn btn-sm btn-outline-secondary"
                onClick={() => setEditing(editing === school.id ? null : school.id)}
              >
                {editing === school.id ? '收起' : '编辑'}
              </button>
            </div>
            {editing === school.id && (
              <SchoolForm school={school} organisation={org} onSaved={saved} onFailed={failed} />
            )}
          </li>
        ))}
      </ul>
      <div className="card card-body">
        <h2 className="h6">新建学校</h2>
        <SchoolForm school={null} organisation={org} onSaved={saved} onFailed={failed} />
      </div>
    </>
  );
}

function SchoolForm({
  school,
  organisation,
  onSaved,
  onFailed,
}: {
  school: School | null;
  organisation: Organisation;
  onSaved: (text: string) => void;
  onFailed: (error: unknown) => void;
}) {
  const prefix = school ? `school-${school.id}` : 'new-school';
  const [id, setId] = useState('');
  const [name, setName] = useState(school?.name ?? '');
  const [type, setType] = useState<SchoolType>((school?.type as SchoolType) ?? 'primary');
  const [ownership, setOwnership] = useState<Ownership>((school?.ownership as Ownership) ?? 'public');
  const [districtId, setDistrictId] = useState(school?.districtId ?? organisation.districts[0]?.id ?? '');
  const [inspectorId, setInspectorId] = useState(school?.inspectorId ?? '');
  const [address, setAddress] = useState(school?.address ?? '');
  const [contact, setContact] = useState(school?.contact ?? '');
  const [busy, setBusy] = useState(false);
  const district = organisation.districts.find((entry) => entry.id === districtId);
  const inspectors = [...organisation.inspectors.values()].filter(
    (inspector) => !district || inspector.officeId === district.officeId,
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = {
      name: name.trim(),
      type,
      ownership,
      officeId: district?.officeId ?? school?.officeId ?? '',
      districtId,
      inspectorId: inspectorId || null,
      address: address.trim(),
      contact: contact.trim(),
    };
    setBusy(true);
    const call = school
      ? organisationApi.updateSchool(school.id, fields)
      : organisationApi.createSchool({ id: id.trim(), ...fields });
    call.then(
      ({ school: result }) => {
        setBusy(false);
        onSaved(school ? `已保存「${result.name}」。` : `已新建「${result.name}」。`);
      },
      (error: unknown) => {
        setBusy(false);
        onFailed(error);
      },
    );
  };

  return (
    <form className="row g-2 mt-1" onSubmit={submit} noValidate>
      {!school && (
        <div className="col-sm-6">
          <label htmlFor={`${prefix}-id`} className="form-label small">
            学校标识码
          </label>
          <input
            id={`${prefix}-id`}
            className="form-control form-control-sm"
            value={id}
            onChange={(event) => setId(event.target.value)}
          />
        </div>
      )}
      <div className="col-sm-6">
        <label htmlFor={`${prefix}-name`} className="form-label small">
          学校名称
        </label>
        <input
          id={`${prefix}-name`}
          className="form-control form-control-sm"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="col-6 col-sm-3">
        <label htmlFor={`${prefix}-type`} className="form-label small">
          学校类型
        </label>
        <select
          id={`${prefix}-type`}
          className="form-select form-select-sm"
          value={type}
          onChange={(event) => setType(event.target.value as SchoolType)}
        >
          {SCHOOL_TYPES.map((entry) => (
            <option key={entry} value={entry}>
              {SCHOOL_TYPE_LABELS[entry]}
            </option>
          ))}
        </select>
      </div>
      <div className="col-6 col-sm-3">
        <label htmlFor={`${prefix}-ownership`} className="form-label small">
          办学性质
        </label>
        <select
          id={`${prefix}-ownership`}
          className="form-select form-select-sm"
          value={ownership}
          onChange={(event) => setOwnership(event.target.value as Ownership)}
        >
          {Object.entries(OWNERSHIP_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="col-sm-6">
        <label htmlFor={`${prefix}-district`} className="form-label small">
          责任区
        </label>
        <select
          id={`${prefix}-district`}
          className="form-select form-select-sm"
          value={districtId}
          onChange={(event) => setDistrictId(event.target.value)}
        >
          {organisation.districts.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </select>
      </div>
      <div className="col-sm-6">
        <label htmlFor={`${prefix}-inspector`} className="form-label small">
          挂牌责任督学
        </label>
        <select
          id={`${prefix}-inspector`}
          className="form-select form-select-sm"
          value={inspectorId}
          onChange={(event) => setInspectorId(event.target.value)}
        >
          <option value="">（无）</option>
          {inspectors.map((inspector) => (
            <option key={inspector.id} value={inspector.id}>
              {inspector.displayName}
            </option>
          ))}
        </select>
      </div>
      <div className="col-sm-6">
        <label htmlFor={`${prefix}-address`} className="form-label small">
          地址
        </label>
        <input
          id={`${prefix}-address`}
          className="form-control form-control-sm"
          maxLength={500}
          value={address}
          onChange={(event) => setAddress(event.target.value)}
        />
      </div>
      <div className="col-sm-6">
        <label htmlFor={`${prefix}-contact`} className="form-label small">
          联系方式
        </label>
        <input
          id={`${prefix}-contact`}
          className="form-control form-control-sm"
          maxLength={200}
          value={contact}
          onChange={(event) => setContact(event.target.value)}
        />
      </div>
      <div className="col-12">
        <button
          type="submit"
          className="btn btn-sm btn-primary"
          disabled={busy || !name.trim() || (!school && !id.trim())}
        >
          {busy ? '正在保存…' : school ? '保存' : '新建'}
        </button>
      </div>
    </form>
  );
}
