import { useCallback, useEffect, useState } from 'react';
import { campaignApi } from '../api/campaignApi.js';
import { programApi } from '../api/programApi.js';
import type { CampaignSummary, ProgramSummary } from '../api/types.js';
import { usePagedList } from '../api/usePagedList.js';
import { formatDateTime } from '../format/dates.js';
import { PagedListFooter } from '../layout/PagedListFooter.js';
import { Link, navigate, useSearchParams } from '../routing/router.js';
import { CAMPAIGN_STATUS_LABELS } from './statusLabels.js';

/** Office page: the campaigns launched by this office and the offices below it, newest first. */
export function CampaignListPage() {
  const search = useSearchParams();
  const status = search.get('status') ?? '';
  const programKey = search.get('programKey') ?? '';
  const [programs, setPrograms] = useState<ProgramSummary[]>([]);

  useEffect(() => {
    programApi.list().then(
      (list) => setPrograms(list.items),
      () => setPrograms([]),
    );
  }, []);

  const { items, nextCursor, load, fetchPage } = usePagedList<CampaignSummary>(
    useCallback(
      (cursor) =>
        campaignApi.list({ status: status || undefined, programKey: programKey || undefined, cursor }),
      [status, programKey],
    ),
  );

  const filter = (next: { status?: string; programKey?: string }) => {
    const query = new URLSearchParams();
    const merged = { status, programKey, ...next };
    if (merged.status) query.set('status', merged.status);
    if (merged.programKey) query.set('programKey', merged.programKey);
    navigate(query.size > 0 ? `/campaigns?${query}` : '/campaigns', { replace: true });
  };
  const programName = (key: string) => programs.find((program) => program.key === key)?.name ?? key;

  return (
    <>
      <div className="d-flex flex-wrap align-items-center gap-2 mb-3">
        <h1 className="h4 mb-0 me-auto">督导批次</h1>
        <Link to="/launch" className="btn btn-primary btn-sm">
          发起督导
        </Link>
      </div>
      <div className="d-flex flex-wrap gap-2 mb-3">
        <select
          className="form-select form-select-sm w-auto"
          aria-label="按状态筛选"
          value={status}
          onChange={(event) => filter({ status: event.target.value })}
        >
          <option value="">全部状态</option>
          {Object.entries(CAMPAIGN_STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <select
          className="form-select form-select-sm w-auto"
          aria-label="按督导项目筛选"
          value={programKey}
          onChange={(event) => filter({ programKey: event.target.value })}
        >
          <option value="">全部督导项目</option>
          {programs.map((program) => (
            <option key={program.key} value={program.key}>
              {program.name}
            </option>
          ))}
        </select>
      </div>
      {load.status === 'ready' && items.length === 0 && (
        <p className="text-secondary">没有符合条件的督导批次。</p>
      )}
      {items.length > 0 && (
        <ul className="list-group mb-3" aria-label="督导批次列表">
          {items.map((campaign) => (
            <li key={campaign.id} className="list-group-item list-group-item-action p-0">
              <Link
                to={`/campaigns/${encodeURIComponent(campaign.id)}`}
                className="d-block p-3 text-reset text-decoration-none"
              >
                <div className="d-flex flex-wrap justify-content-between gap-2">
                  <span className="fw-semibold">{campaign.title}</span>
                  <span className="badge text-bg-light border fw-normal">
                    {CAMPAIGN_STATUS_LABELS[campaign.status] ?? campaign.status}
                  </span>
                </div>
                <div className="small text-secondary mt-1">
                  {programName(campaign.programKey)}（第 {campaign.programVersion} 版）·{' '}
                  {campaign.targetCount} 所学校
                  {campaign.semester ? ` · ${campaign.semester}` : ''}
                </div>
                <div className="small text-secondary">
                  发起于 {formatDateTime(campaign.createdAt)} · 截止 {formatDateTime(campaign.deadline)}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <PagedListFooter list={{ load, nextCursor, fetchPage }} />
    </>
  );
}
