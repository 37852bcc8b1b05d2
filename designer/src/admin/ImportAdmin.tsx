import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../api/client.js';
import { organisationApi } from '../api/organisationApi.js';
import type { ImportKind, ImportReport } from '../api/types.js';

const KINDS: { kind: ImportKind; label: string; columns: string }[] = [
  {
    kind: 'schools',
    label: '学校',
    columns: '学校标识码、学校名称、学校类型、办学性质、责任区；可选：责任督学账号、地址、联系方式',
  },
  {
    kind: 'inspectors',
    label: '督学',
    columns: '账号、姓名；可选：类型（专职/兼职）、初始密码（留空则自动生成）',
  },
  { kind: 'assignments', label: '挂牌关系', columns: '学校标识码、责任督学账号（留空为解除挂牌）' },
];

/**
 * CSV / XLSX import in two steps: a dry run reports every row's problems without writing; only a file
 * without problems can then be imported, all rows or none.
 */
export function ImportAdmin() {
  const [kind, setKind] = useState<ImportKind>('schools');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    organisationApi.importFile(kind, file, dryRun).then(
      (result) => {
        setBusy(false);
        setReport(result);
      },
      (failure: unknown) => {
        setBusy(false);
        setReport(null);
        const rows = failure instanceof ApiError ? failure.fieldErrors.map((entry) => entry.message) : [];
        setError([errorMessage(failure), ...rows].join(' '));
      },
    );
  };
  const check = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    run(true);
  };
  const description = KINDS.find((entry) => entry.kind === kind);

  return (
    <>
      <form className="card card-body mb-3" onSubmit={check} noValidate>
        <div className="mb-2">
          <label htmlFor="import-kind" className="form-label">
            导入内容
          </label>
          <select
            id="import-kind"
            className="form-select"
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as ImportKind);
              setReport(null);
            }}
          >
            {KINDS.map((entry) => (
              <option key={entry.kind} value={entry.kind}>
                {entry.label}
              </option>
            ))}
          </select>
          <div className="form-text">首行为表头，列：{description?.columns}。</div>
        </div>
        <div className="mb-3">
          <label htmlFor="import-file" className="form-label">
            CSV（UTF-8 或 GB18030）或 XLSX 文件，不超过 5 MB
          </label>
          <input
            id="import-file"
            type="file"
            className="form-control"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setReport(null);
            }}
          />
        </div>
        {error && (
          <div className="alert alert-danger" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="btn btn-outline-primary" disabled={!file || busy}>
          {busy ? '正在处理…' : '校验文件（不写入）'}
        </button>
      </form>
      {report && <ImportReportView report={report} busy={busy} onImport={() => run(false)} />}
    </>
  );
}

function ImportReportView({
  report,
  busy,
  onImport,
}: {
  report: ImportReport;
  busy: boolean;
  onImport: () => void;
}) {
  const failed = report.errors.length > 0;
  return (
    <section className="card card-body" aria-labelledby="import-report">
      <h2 id="import-report" className="h6">
        {report.dryRun ? '校验结果' : '导入结果'}：共 {report.rows} 行
        {report.dryRun
          ? failed
            ? `，${new Set(report.errors.map((entry) => entry.row)).size} 行有问题`
            : '，全部正确'
          : `，新增 ${report.created}，更新 ${report.updated}`}
      </h2>
      {failed && (
        <div className="table-scroll">
          <table className="table table-sm" aria-label="逐行问题">
            <thead>
              <tr>
                <th scope="col">行号</th>
                <th scope="col">列</th>
                <th scope="col">问题</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((entry) => (
                <tr key={`${entry.row}-${entry.column}-${entry.message}`}>
                  <td>{entry.row}</td>
                  <td>{entry.column}</td>
                  <td className="text-danger text-wrap">{entry.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.dryRun && !failed && (
        <>
          <p className="small">
            校验通过：将新增 {report.created} 条、更新 {report.updated} 条。
          </p>
          <button
            type="button"
            className="btn btn-primary align-self-start"
            disabled={busy}
            onClick={onImport}
          >
            {busy ? '正在导入…' : '正式导入'}
          </button>
        </>
      )}
      {report.dryRun && failed && (
        <p className="small mb-0">请修改文件后重新校验；有问题的文件一行也不会导入。</p>
      )}
      {report.generatedPasswords.length > 0 && (
        <div className="alert alert-warning mt-3 mb-0">
          <p className="mb-2">以下初始密码只显示这一次，请立即转交本人并提醒其登录后修改：</p>
          <ul className="mb-0 font-monospace">
            {report.generatedPasswords.map((entry) => (
              <li key={entry.username}>
                {entry.username}：{entry.password}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
