import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { campaignApi } from '../api/campaignApi.js';
import { ApiError, errorMessage } from '../api/client.js';
import { programApi } from '../api/programApi.js';
import type {
  CampaignLaunchRequest,
  LaunchPreview,
  LaunchResult,
  ProgramManifest,
  ProgramSummary,
} from '../api/types.js';
import { useApiData } from '../api/useApiData.js';
import { formatDateTime } from '../format/dates.js';
import { ConfirmDialog } from '../layout/ConfirmDialog.js';
import { schoolTypeLabel } from '../organisation/labels.js';
import { type Organisation, useOrganisation } from '../organisation/useOrganisation.js';
import { Link } from '../routing/router.js';
import { AssignmentReportList } from './AssignmentReportList.js';
import { ParameterField } from './ParameterField.js';
import { describeParameterValue, parameterProblem } from './parameterValues.js';
import { NO_TARGETS, TargetFields, type Targets } from './TargetFields.js';

/** Office page: launch a program (督导批次) for schools chosen by filter or by list, after a preview. */
export function LaunchPage() {
  const [programs] = useApiData(useCallback(() => programApi.list(), []));
  const [organisation] = useOrganisation();
  return (
    <>
      <h1 className="h4 mb-3">发起督导</h1>
      {(programs.status === 'loading' || organisation.status === 'loading') && (
        <p className="text-secondary" role="status">
          正在加载…
        </p>
      )}
      {programs.status === 'error' && (
        <div className="alert alert-danger" role="alert">
          {programs.message}
        </div>
      )}
      {organisation.status === 'error' && (
        <div className="alert alert-danger" role="alert">
          {organisation.message}
        </div>
      )}
      {programs.status === 'ready' && organisation.status === 'ready' && (
        <LaunchForm programs={programs.data.items} organisation={organisation.data} />
      )}
    </>
  );
}

function LaunchForm({ programs, organisation }: { programs: ProgramSummary[]; organisation: Organisation }) {
  const [programKey, setProgramKey] = useState(programs.length === 1 ? (programs[0]?.key ?? '') : '');
  const program = programs.find((entry) => entry.key === programKey);
  const [manifest, setManifest] = useState<ProgramManifest | null>(null);
  const [title, setTitle] = useState('');
  const [semester, setSemester] = useState('');
  const [deadline, setDeadline] = useState('');
  const [params, setParams] = useState<Record<string, unknown>>({});
  const [targets, setTargets] = useState<Targets>(NO_TARGETS);
  const [problems, setProblems] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ request: CampaignLaunchRequest; result: LaunchPreview } | null>(
    null,
  );
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [launched, setLaunched] = useState<{ result: LaunchResult; title: string } | null>(null);

  // The launch parameters and target types come with the program version (program.json).
  useEffect(() => {
    setManifest(null);
    if (!program) return;
    let current = true;
    programApi.version(program.key, program.version).then(
      (detail) => {
        if (!current) return;
        const loaded = detail.manifest as unknown as ProgramManifest;
        setManifest(loaded);
        setParams(
          Object.fromEntries(loaded.parameters.map((parameter) => [parameter.key, parameter.default])),
        );
      },
      (error: unknown) => current && setProblems([errorMessage(error)]),
    );
    return () => {
      current = false;
    };
  }, [program]);

  const parameterProblems = useMemo(
    () =>
      Object.fromEntries(
        (manifest?.parameters ?? []).map((parameter) => [
          parameter.key,
          parameterProblem(parameter, params[parameter.key]),
        ]),
      ),
    [manifest, params],
  );

  const request = (): CampaignLaunchRequest | null => {
    const missing = [
      !programKey && '请选择督导项目。',
      !title.trim() && '请填写督导名称。',
      targets.mode === 'list' && targets.schoolIds.length === 0 && '请至少选择一所学校。',
      Object.values(parameterProblems).some(Boolean) && '请按提示修改下发参数。',
    ].filter((message): message is string => Boolean(message));
    setProblems(missing);
    if (missing.length > 0 || !manifest) return null;
    const changedParams = Object.fromEntries(
      manifest.parameters
        .filter((parameter) => params[parameter.key] !== parameter.default)
        .map((parameter) => [parameter.key, params[parameter.key] as string | number | boolean]),
    );
    return {
      programKey,
      title: title.trim(),
      ...(semester.trim() ? { semester: semester.trim() } : {}),
      ...(deadline ? { deadline: new Date(deadline).toISOString() } : {}),
      ...(Object.keys(changedParams).length > 0 ? { params: changedParams } : {}),
      targets:
        targets.mode === 'list'
          ? { schoolIds: targets.schoolIds }
          : {
              ...(targets.districtIds.length > 0 ? { districtIds: targets.districtIds } : {}),
              ...(targets.schoolTypes.length > 0 ? { schoolTypes: targets.schoolTypes } : {}),
              ...(targets.ownership ? { ownership: targets.ownership } : {}),
            },
    };
  };

  const showError = (error: unknown) => {
    const fieldMessages = error instanceof ApiError ? error.fieldErrors.map((item) => item.message) : [];
    setProblems([errorMessage(error), ...fieldMessages]);
  };

  const runPreview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = request();
    if (!body) return;
    setBusy(true);
    campaignApi.preview(body).then(
      (result) => {
        setBusy(false);
        setPreview({ request: body, result });
      },
      (error: unknown) => {
        setBusy(false);
        setPreview(null);
        showError(error);
      },
    );
  };

  const launch = () => {
    if (!preview) return;
    setBusy(true);
    campaignApi.launch(preview.request).then(
      (result) => {
        setBusy(false);
        setConfirming(false);
        setLaunched({ result, title: preview.request.title });
      },
      (error: unknown) => {
        setBusy(false);
        setConfirming(false);
        showError(error);
      },
    );
  };

  // Any change after a preview makes it stale: the office must preview again before launching.
  const edit =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      setPreview(null);
    };

  if (launched) return <LaunchReport launched={launched} organisation={organisation} />;

  return (
    <form className="card card-body mb-4" onSubmit={runPreview} noValidate>
      <div className="mb-3">
        <label htmlFor="launch-program" className="form-label">
          督导项目
        </label>
        <select
          id="launch-program"
          className="form-select"
          value={programKey}
          onChange={(event) => edit(setProgramKey)(event.target.value)}
        >
          <option value="">请选择…</option>
          {programs.map((entry) => (
            <option key={entry.key} value={entry.key}>
              {entry.name}（第 {entry.version} 版）
            </option>
          ))}
        </select>
        {program?.description && <div className="form-text">{program.description}</div>}
      </div>
      <div className="mb-3">
        <label htmlFor="launch-title" className="form-label">
          督导名称
        </label>
        <input
          id="launch-title"
          className="form-control"
          placeholder="例如：2026 年春季开学督导"
          maxLength={200}
          value={title}
          onChange={(event) => edit(setTitle)(event.target.value)}
        />
      </div>
      <div className="row g-2 mb-3">
        <div className="col-sm-6">
          <label htmlFor="launch-semester" className="form-label">
            学期（可选）
          </label>
          <input
            id="launch-semester"
            className="form-control"
            placeholder="例如：2026年春季学期"
            maxLength={50}
            value={semester}
            onChange={(event) => edit(setSemester)(event.target.value)}
          />
        </div>
        <div className="col-sm-6">
          <label htmlFor="launch-deadline" className="form-label">
            截止时间（可选）
          </label>
          <input
            id="launch-deadline"
            type="datetime-local"
            className="form-control"
            value={deadline}
            onChange={(event) => edit(setDeadline)(event.target.value)}
          />
        </div>
      </div>
      {manifest && manifest.parameters.length > 0 && (
        <fieldset className="mb-3">
          <legend className="form-label fs-6">下发参数</legend>
          {manifest.parameters.map((parameter) => (
            <ParameterField
              key={parameter.key}
              parameter={parameter}
              value={params[parameter.key]}
              problem={parameterProblems[parameter.key] ?? null}
              onChange={(value) => edit(setParams)({ ...params, [parameter.key]: value })}
            />
          ))}
        </fieldset>
      )}
      {manifest && (
        <TargetFields
          targets={targets}
          onChange={edit(setTargets)}
          organisation={organisation}
          allowedTypes={manifest.targetSchoolTypes}
        />
      )}
      {problems.length > 0 && (
        <div className="alert alert-danger" role="alert">
          <ul className="mb-0 ps-3">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {preview ? (
        <PreviewPanel preview={preview.result} organisation={organisation} manifest={manifest} />
      ) : (
        <button type="submit" className="btn btn-outline-primary" disabled={busy || !manifest}>
          {busy ? '正在预览…' : '预览督导对象'}
        </button>
      )}
      {preview && (
        <button
          type="button"
          className="btn btn-primary mt-3"
          disabled={busy || preview.result.count === 0}
          onClick={() => setConfirming(true)}
        >
          发起督导（{preview.result.count} 所学校）
        </button>
      )}
      <ConfirmDialog
        open={confirming}
        title="确认发起督导"
        confirmLabel="确认发起"
        busy={busy}
        onConfirm={launch}
        onCancel={() => setConfirming(false)}
      >
        <p className="mb-0">
          将向 {preview?.result.count ?? 0} 所学校下发「{preview?.request.title}
          」，各校和责任督学会收到待办。发起后只能整批撤销。
        </p>
      </ConfirmDialog>
    </form>
  );
}

function PreviewPanel({
  preview,
  organisation,
  manifest,
}: {
  preview: LaunchPreview;
  organisation: Organisation;
  manifest: ProgramManifest | null;
}) {
  return (
    <section
      className="border rounded p-3 bg-light"
      aria-labelledby="launch-preview"
      data-preview-count={preview.count}
    >
      <h2 id="launch-preview" className="h6">
        预览：共 {preview.count} 所学校
      </h2>
      {preview.excludedByType > 0 && (
        <p className="small text-secondary mb-1">
          另有 {preview.excludedByType} 所学校的类型不适用本项目，已排除。
        </p>
      )}
      <p className="small mb-1">
        按类型：
        {preview.byType.map((entry) => `${schoolTypeLabel(entry.type)} ${entry.count}`).join('，') || '—'}
      </p>
      <p className="small mb-1">
        按责任区：
        {preview.byDistrict
          .map((entry) => `${organisation.districtName(entry.districtId)} ${entry.count}`)
          .join('，') || '—'}
      </p>
      <p className="small mb-1">
        参数：
        {Object.entries(preview.params)
          .map(([key, value]) => {
            const parameter = manifest?.parameters.find((entry) => entry.key === key);
            return `${parameter?.label ?? key} ${describeParameterValue(parameter, value)}`;
          })
          .join('；') || '—'}
      </p>
      <p className="small mb-2">截止：{formatDateTime(preview.deadline)}</p>
      <AssignmentReportList report={preview.assignments} inspectorName={organisation.inspectorName} />
    </section>
  );
}

function LaunchReport({
  launched,
  organisation,
}: {
  launched: { result: LaunchResult; title: string };
  organisation: Organisation;
}) {
  const { result, title } = launched;
  return (
    <section className="card card-body" aria-labelledby="launch-report">
      <h2 id="launch-report" className="h5">
        已发起「{title}」
      </h2>
      <p className="mb-2" role="status">
        已向 {result.launched} 所学校下发督导任务{result.failed > 0 ? `，${result.failed} 所下发失败` : ''}。
      </p>
      <AssignmentReportList report={result.assignments} inspectorName={organisation.inspectorName} />
      <div className="d-flex flex-wrap gap-2 mt-3">
        <Link to={`/campaigns/${encodeURIComponent(result.campaignId)}`} className="btn btn-primary">
          查看督导进度
        </Link>
        <Link to="/campaigns" className="btn btn-outline-secondary">
          督导批次列表
        </Link>
      </div>
    </section>
  );
}
