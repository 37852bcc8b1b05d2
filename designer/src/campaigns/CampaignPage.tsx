import { useCallback, useMemo, useState } from 'react';
import type { CampaignProgress } from '../api/types.js';
import { useApiData } from '../api/useApiData.js';
import { formatDateTime } from '../format/dates.js';
import { LoadStatus } from '../layout/LoadStatus.js';
import { useOrganisation } from '../organisation/useOrganisation.js';
import { Link, takeNotice, useSearchParams } from '../routing/router.js';
import { CampaignActions } from './CampaignActions.js';
import { CampaignLists, type ListView } from './CampaignLists.js';
import { loadCampaignMonitor, progressLines } from './campaignMonitor.js';
import { ProgressTable } from './ProgressTable.js';
import { describeParameterValue } from './parameterValues.js';
import { CAMPAIGN_STATUS_LABELS } from './statusLabels.js';

const COUNTS: { key: keyof CampaignProgress; label: string; className: string }[] = [
  { key: 'completed', label: '已完成', className: 'bg-success' },
  { key: 'running', label: '进行中', className: 'bg-primary' },
  { key: 'failed', label: '出错', className: 'bg-danger' },
  { key: 'cancelled', label: '已撤销', className: 'bg-secondary' },
];

/** Office page: how far one campaign has come, who has not submitted, what is overdue; remind or cancel. */
export function CampaignPage({ campaignId }: { campaignId: string }) {
  const search = useSearchParams();
  const view: ListView = search.get('view') === 'overdue' ? 'overdue' : 'not-submitted';
  const [monitor, reload] = useApiData(useCallback(() => loadCampaignMonitor(campaignId), [campaignId]));
  const [organisation] = useOrganisation();
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger'; text: string } | null>(() => {
    const text = takeNotice();
    return text ? { tone: 'success', text } : null;
  });

  const org = organisation.status === 'ready' ? organisation.data : null;
  const schoolTypeOf = useCallback(
    (id: string | null) => (id ? org?.schools.get(id)?.type : undefined),
    [org],
  );
  const districtName = useCallback((id: string | null) => org?.districtName(id) ?? id ?? '—', [org]);
  const lines = useMemo(
    () => (monitor.status === 'ready' ? progressLines(monitor.data, schoolTypeOf) : []),
    [monitor, schoolTypeOf],
  );

  if (monitor.status !== 'ready') return <LoadStatus state={monitor} />;
  const { campaign, progress } = monitor.data.detail;
  const percent = (count: number) => (progress.total > 0 ? (count / progress.total) * 100 : 0);
  const params = Object.entries(campaign.params).filter(([key]) => key !== 'semester');
  return (
    <>
      <nav aria-label="返回" className="mb-2">
        <Link to="/campaigns" className="small">
          ← 督导批次
        </Link>
      </nav>
      {notice && (
        <div className={`alert alert-${notice.tone}`} role="status">
          {notice.text}
        </div>
      )}
      <div className="d-flex flex-wrap align-items-start gap-2 mb-3">
        <div className="me-auto">
          <h1 className="h4 mb-1">{campaign.title}</h1>
          <div className="small text-secondary">
            {monitor.data.manifest?.name ?? campaign.programKey} 第 {campaign.programVersion} 版
            {campaign.semester ? ` · ${campaign.semester}` : ''} · 发起于 {formatDateTime(campaign.createdAt)}{' '}
            · 截止 {formatDateTime(campaign.deadline)}
          </div>
          {params.length > 0 && (
            <div className="small text-secondary">
              下发参数：
              {params
                .map(([key, value]) => {
                  const parameter = monitor.data.manifest?.parameters.find((entry) => entry.key === key);
                  return `${parameter?.label ?? key} ${describeParameterValue(parameter, value)}`;
                })
                .join('；')}
            </div>
          )}
        </div>
        <span className="badge text-bg-info">
          {CAMPAIGN_STATUS_LABELS[campaign.status] ?? campaign.status}
        </span>
      </div>
      <div className="mb-3">
        <CampaignActions
          campaignId={campaignId}
          active={campaign.status === 'active'}
          notSubmittedCount={monitor.data.notSubmitted.length}
          onDone={(text) => {
            setNotice({ tone: 'success', text });
            reload();
          }}
          onFailed={(text) => setNotice({ tone: 'danger', text })}
        />
      </div>
      <section className="card card-body mb-3" aria-labelledby="campaign-progress">
        <h2 id="campaign-progress" className="h6">
          进度：{progress.completed} / {progress.total} 所学校已完成
        </h2>
        <div
          className="progress-stacked mb-3"
          role="img"
          aria-label={`已完成 ${progress.completed} 所，共 ${progress.total} 所`}
        >
          {COUNTS.map(({ key, className }) => (
            <div key={key} className="progress" style={{ width: `${percent(progress[key])}%` }}>
              <div className={`progress-bar ${className}`} />
            </div>
          ))}
        </div>
        <dl className="row mb-3">
          {COUNTS.map(({ key, label }) => (
            <div key={key} className="col-6 col-sm-3">
              <dt className="small text-secondary fw-normal">{label}</dt>
              <dd className="fs-5 mb-0" data-count={key}>
                {progress[key]}
              </dd>
            </div>
          ))}
        </dl>
        <ProgressTable campaignId={campaignId} lines={lines} districtName={districtName} />
        <button
          type="button"
          className="btn btn-sm btn-outline-primary mt-3 align-self-start"
          onClick={reload}
        >
          刷新
        </button>
      </section>
      <CampaignLists
        campaignId={campaignId}
        view={view}
        districtId={search.get('districtId')}
        schoolType={search.get('schoolType')}
        notSubmitted={monitor.data.notSubmitted}
        overdue={monitor.data.overdue}
        districtName={districtName}
        schoolTypeOf={schoolTypeOf}
      />
    </>
  );
}
