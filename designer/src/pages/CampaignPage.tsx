import { useCallback, useEffect, useState } from 'react';
import { campaignApi } from '../api/campaignApi.js';
import { errorMessage } from '../api/client.js';
import type { CampaignDetail, CampaignProgress } from '../api/types.js';
import { formatDateTime } from '../format/dates.js';
import { takeNotice } from '../routing/router.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; detail: CampaignDetail };

const STATUS_LABELS: Record<string, string> = {
  running: '进行中',
  completed: '已完成',
  cancelled: '已撤销',
  failed: '出错',
};

const COUNTS: { key: keyof CampaignProgress; label: string; className: string }[] = [
  { key: 'completed', label: '已完成', className: 'bg-success' },
  { key: 'running', label: '进行中', className: 'bg-primary' },
  { key: 'failed', label: '出错', className: 'bg-danger' },
  { key: 'cancelled', label: '已撤销', className: 'bg-secondary' },
];

/** Office page: how far one launched inspection has come. */
export function CampaignPage({ campaignId }: { campaignId: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [notice] = useState(takeNotice);

  const refresh = useCallback(() => {
    campaignApi.get(campaignId).then(
      (detail) => setLoad({ status: 'ready', detail }),
      (error: unknown) => setLoad({ status: 'error', message: errorMessage(error) }),
    );
  }, [campaignId]);
  useEffect(refresh, [refresh]);

  if (load.status === 'loading') {
    return (
      <p className="text-secondary" role="status">
        正在加载…
      </p>
    );
  }
  if (load.status === 'error') {
    return (
      <div className="alert alert-danger" role="alert">
        {load.message}
      </div>
    );
  }
  const { campaign, progress } = load.detail;
  const percent = (count: number) => (progress.total > 0 ? (count / progress.total) * 100 : 0);
  return (
    <>
      {notice && (
        <div className="alert alert-success" role="status">
          {notice}
        </div>
      )}
      <div className="d-flex flex-wrap align-items-start gap-2 mb-3">
        <div className="me-auto">
          <h1 className="h4 mb-1">{campaign.title}</h1>
          <div className="small text-secondary">
            {campaign.programKey} 第 {campaign.programVersion} 版 · 发起于{' '}
            {formatDateTime(campaign.createdAt)} · 截止 {formatDateTime(campaign.deadline)}
          </div>
        </div>
        <span className="badge text-bg-info">{STATUS_LABELS[campaign.status] ?? campaign.status}</span>
      </div>
      <section className="card card-body" aria-labelledby="campaign-progress">
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
        <dl className="row mb-0">
          {COUNTS.map(({ key, label }) => (
            <div key={key} className="col-6 col-sm-3">
              <dt className="small text-secondary fw-normal">{label}</dt>
              <dd className="fs-5 mb-0" data-count={key}>
                {progress[key]}
              </dd>
            </div>
          ))}
        </dl>
        <button
          type="button"
          className="btn btn-sm btn-outline-primary mt-3 align-self-start"
          onClick={refresh}
        >
          刷新
        </button>
      </section>
    </>
  );
}
