import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { campaignApi } from '../api/campaignApi.js';
import { ApiError, errorMessage } from '../api/client.js';
import { organisationApi } from '../api/organisationApi.js';
import { programApi } from '../api/programApi.js';
import type { ProgramSummary, School } from '../api/types.js';
import { readRecentCampaigns, rememberCampaign } from '../campaigns/recentCampaigns.js';
import { formatDateTime } from '../format/dates.js';
import { Link, navigate } from '../routing/router.js';

// The store's school type codes, in the order offices list them.
const SCHOOL_TYPE_LABELS: Record<string, string> = {
  kindergarten: '幼儿园',
  primary: '小学',
  junior: '初中',
  nine_year: '九年一贯制',
  senior: '普通高中',
  training: '校外培训机构',
};
const schoolTypeLabel = (type: string) => SCHOOL_TYPE_LABELS[type] ?? type;
const schoolTypeOrder = (type: string) => {
  const index = Object.keys(SCHOOL_TYPE_LABELS).indexOf(type);
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
};

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; programs: ProgramSummary[]; schools: School[] };

/** Office page: start an inspection program for a set of schools. */
export function LaunchPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    Promise.all([programApi.list(), organisationApi.schools()]).then(
      ([programs, schools]) => setLoad({ status: 'ready', programs: programs.items, schools: schools.items }),
      (error: unknown) => setLoad({ status: 'error', message: errorMessage(error) }),
    );
  }, []);

  return (
    <>
      <h1 className="h4 mb-3">发起督导</h1>
      {load.status === 'loading' && (
        <p className="text-secondary" role="status">
          正在加载…
        </p>
      )}
      {load.status === 'error' && (
        <div className="alert alert-danger" role="alert">
          {load.message}
        </div>
      )}
      {load.status === 'ready' && <LaunchForm programs={load.programs} schools={load.schools} />}
      <RecentCampaigns />
    </>
  );
}

function LaunchForm({ programs, schools }: { programs: ProgramSummary[]; schools: School[] }) {
  const [programKey, setProgramKey] = useState(programs.length === 1 ? (programs[0]?.key ?? '') : '');
  const [title, setTitle] = useState('');
  const [deadline, setDeadline] = useState('');
  const [filter, setFilter] = useState('');
  const [schoolType, setSchoolType] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const schoolTypes = useMemo(
    () =>
      [...new Set(schools.map((school) => school.type))].sort(
        (a, b) => schoolTypeOrder(a) - schoolTypeOrder(b),
      ),
    [schools],
  );
  const visible = schools.filter(
    (school) => (!schoolType || school.type === schoolType) && school.name.includes(filter.trim()),
  );

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const selectVisible = () =>
    setSelected((current) => new Set([...current, ...visible.map((school) => school.id)]));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = [
      !programKey && '请选择督导项目。',
      !title.trim() && '请填写督导名称。',
      selected.size === 0 && '请至少选择一所学校。',
    ].filter((message): message is string => Boolean(message));
    setProblems(missing);
    if (missing.length > 0) return;
    setBusy(true);
    try {
      const request = {
        title: title.trim(),
        schoolIds: [...selected],
        ...(deadline ? { deadline: new Date(deadline).toISOString() } : {}),
      };
      const result = await campaignApi.launch({
        programKey,
        title: request.title,
        targets: { schoolIds: request.schoolIds },
        ...(request.deadline ? { deadline: request.deadline } : {}),
      });
      rememberCampaign({ id: result.campaignId, title: request.title, launchedAt: new Date().toISOString() });
      navigate(`/campaigns/${encodeURIComponent(result.campaignId)}`, {
        notice: `已向 ${result.launched} 所学校发起督导。`,
      });
    } catch (error) {
      const fieldMessages = error instanceof ApiError ? error.fieldErrors.map((item) => item.message) : [];
      setProblems([errorMessage(error), ...fieldMessages]);
      setBusy(false);
    }
  };

  return (
    <form className="card card-body mb-4" onSubmit={submit} noValidate>
      <div className="mb-3">
        <label htmlFor="launch-program" className="form-label">
          督导项目
        </label>
        <select
          id="launch-program"
          className="form-select"
          value={programKey}
          onChange={(event) => setProgramKey(event.target.value)}
        >
          <option value="">请选择…</option>
          {programs.map((program) => (
            <option key={program.key} value={program.key}>
              {program.name}（第 {program.version} 版）
            </option>
          ))}
        </select>
        {programs.find((program) => program.key === programKey)?.description && (
          <div className="form-text">
            {programs.find((program) => program.key === programKey)?.description}
          </div>
        )}
      </div>
      <div className="mb-3">
        <label htmlFor="launch-title" className="form-label">
          督导名称
        </label>
        <input
          id="launch-title"
          className="form-control"
          placeholder="例如：2025 年秋季开学督导"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="mb-3">
        <label htmlFor="launch-deadline" className="form-label">
          截止时间（可选）
        </label>
        <input
          id="launch-deadline"
          type="datetime-local"
          className="form-control"
          value={deadline}
          onChange={(event) => setDeadline(event.target.value)}
        />
      </div>
      <fieldset className="mb-3">
        <legend className="form-label fs-6">
          督导对象 <span className="text-secondary small">已选 {selected.size} 所</span>
        </legend>
        <div className="d-flex flex-wrap gap-2 mb-2">
          <input
            className="form-control form-control-sm flex-grow-1 w-auto"
            placeholder="按校名筛选"
            aria-label="按校名筛选"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
          <select
            className="form-select form-select-sm w-auto"
            aria-label="学校类型"
            value={schoolType}
            onChange={(event) => setSchoolType(event.target.value)}
          >
            <option value="">全部类型</option>
            {schoolTypes.map((type) => (
              <option key={type} value={type}>
                {schoolTypeLabel(type)}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-sm btn-outline-secondary" onClick={selectVisible}>
            全选列表
          </button>
          <button
            type="button"
            className="btn btn-sm btn-outline-secondary"
            onClick={() => setSelected(new Set())}
          >
            清空
          </button>
        </div>
        <div className="list-group school-picker">
          {visible.map((school) => (
            <label key={school.id} className="list-group-item d-flex gap-2 align-items-center">
              <input
                type="checkbox"
                className="form-check-input m-0"
                checked={selected.has(school.id)}
                onChange={() => toggle(school.id)}
              />
              <span className="me-auto">{school.name}</span>
              <span className="badge text-bg-light border fw-normal">{schoolTypeLabel(school.type)}</span>
            </label>
          ))}
          {visible.length === 0 && <div className="list-group-item text-secondary">没有符合条件的学校。</div>}
        </div>
      </fieldset>
      {problems.length > 0 && (
        <div className="alert alert-danger" role="alert">
          <ul className="mb-0 ps-3">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? '正在发起…' : `发起督导（${selected.size} 所学校）`}
      </button>
    </form>
  );
}

function RecentCampaigns() {
  const [recent] = useState(readRecentCampaigns);
  if (recent.length === 0) return null;
  return (
    <section aria-labelledby="recent-campaigns">
      <h2 id="recent-campaigns" className="h5">
        本机最近发起的督导
      </h2>
      <ul className="list-group">
        {recent.map((campaign) => (
          <li key={campaign.id} className="list-group-item d-flex flex-wrap justify-content-between gap-2">
            <Link to={`/campaigns/${encodeURIComponent(campaign.id)}`}>{campaign.title}</Link>
            <span className="small text-secondary">{formatDateTime(campaign.launchedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
