import { useCallback, useState } from 'react';
import { errorMessage } from '../api/client.js';
import { programApi } from '../api/programApi.js';
import type { ProgramVersionSummary } from '../api/types.js';
import { useApiData } from '../api/useApiData.js';
import { formatDateTime } from '../format/dates.js';
import { LoadStatus } from '../layout/LoadStatus.js';
import { Link } from '../routing/router.js';

async function loadPrograms() {
  const [{ items: programs }, drafts] = await Promise.all([programApi.list(), programApi.drafts(null)]);
  const versions = await Promise.all(programs.map((program) => programApi.versions(program.key)));
  return {
    programs: programs.map((program, index) => ({ ...program, versions: versions[index]?.items ?? [] })),
    drafts: drafts.items,
  };
}

/** Office page: programs (督导项目) with their versions (retire, restore, edit) and the saved drafts. */
export function ProgramsPage() {
  const [data, reload] = useApiData(useCallback(loadPrograms, []));
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);

  const setStatus = (version: ProgramVersionSummary, action: 'retire' | 'activate') => {
    programApi[action](version.key, version.version).then(
      () => {
        setNotice({
          tone: 'success',
          text: `${version.name} 第 ${version.version} 版已${action === 'retire' ? '停用' : '恢复'}。`,
        });
        reload();
      },
      (error: unknown) => setNotice({ tone: 'danger', text: errorMessage(error) }),
    );
  };

  return (
    <>
      <div className="d-flex flex-wrap align-items-center gap-2 mb-3">
        <h1 className="h4 mb-0 me-auto">督导项目</h1>
        <Link to="/programs/new" className="btn btn-sm btn-primary">
          新建督导项目
        </Link>
      </div>
      {notice && (
        <div className={`alert alert-${notice.tone}`} role={notice.tone === 'danger' ? 'alert' : 'status'}>
          {notice.text}
        </div>
      )}
      <LoadStatus state={data} />
      {data.status === 'ready' && (
        <>
          {data.data.programs.map((program) => (
            <article key={program.key} className="card mb-3" aria-label={program.name}>
              <div className="card-header d-flex flex-wrap gap-2 align-items-baseline">
                <span className="fw-semibold me-auto">{program.name}</span>
                <span className="badge text-bg-light border fw-normal">
                  {program.ownerOfficeId === null ? '平台内置' : '督导室自定'}
                </span>
                <span className="font-monospace small text-secondary">{program.key}</span>
              </div>
              <div className="card-body">
                <p className="small text-secondary">{program.description}</p>
                <div className="table-scroll">
                  <table className="table table-sm align-middle mb-0" aria-label={`${program.name}的版本`}>
                    <thead>
                      <tr>
                        <th scope="col">版本</th>
                        <th scope="col">状态</th>
                        <th scope="col">发布时间</th>
                        <th scope="col">操作</th>
                      </tr>
                    </thead>
                    <tbody>
                      {[...program.versions]
                        .sort((a, b) => b.version - a.version)
                        .map((version) => (
                          <tr key={version.version}>
                            <td>第 {version.version} 版</td>
                            <td>
                              <span
                                className={`badge ${version.status === 'active' ? 'text-bg-success' : 'text-bg-secondary'}`}
                              >
                                {version.status === 'active' ? '在用' : '已停用'}
                              </span>
                            </td>
                            <td className="small">{formatDateTime(version.publishedAt)}</td>
                            <td className="d-flex flex-wrap gap-2">
                              <Link
                                to={`/programs/${encodeURIComponent(version.key)}/versions/${version.version}/edit`}
                                className="btn btn-sm btn-outline-primary"
                              >
                                {version.manageable ? '在设计器中打开' : '在设计器中打开（另存为本单位项目）'}
                              </Link>
                              {version.manageable && (
                                <button
                                  type="button"
                                  className="btn btn-sm btn-outline-secondary"
                                  onClick={() =>
                                    setStatus(version, version.status === 'active' ? 'retire' : 'activate')
                                  }
                                >
                                  {version.status === 'active' ? '停用' : '恢复'}
                                </button>
                              )}
                            </td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </div>
              </div>
            </article>
          ))}
          <section aria-labelledby="program-drafts">
            <h2 id="program-drafts" className="h5">
              草稿
            </h2>
            {data.data.drafts.length === 0 && <p className="text-secondary small">没有草稿。</p>}
            <ul className="list-group">
              {data.data.drafts.map((draft) => (
                <li key={draft.id} className="list-group-item d-flex flex-wrap gap-2">
                  <Link
                    to={`/programs/drafts/${encodeURIComponent(draft.id)}`}
                    className="me-auto font-monospace"
                  >
                    {draft.key}
                  </Link>
                  <span className="small text-secondary">保存于 {formatDateTime(draft.uploadedAt)}</span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
