import { useCallback } from 'react';
import { organisationApi } from '../api/organisationApi.js';
import type { SchoolProfile } from '../api/types.js';
import { useApiData } from '../api/useApiData.js';
import { INSTANCE_STATUS_LABELS } from '../campaigns/statusLabels.js';
import { formatDateTime } from '../format/dates.js';
import { DueBadge } from '../layout/DueBadge.js';
import { LoadStatus } from '../layout/LoadStatus.js';
import { ownershipLabel, schoolTypeLabel } from '../organisation/labels.js';
import { Link } from '../routing/router.js';
import { useUser } from '../session/SessionContext.js';

type CampaignRecord = SchoolProfile['campaigns'][number];

/** The year a campaign belongs to (its 学期 when it has one), newest first in the profile. */
function periodOf(campaign: CampaignRecord): string {
  return campaign.semester ?? `${new Date(campaign.launchedAt).getFullYear()} 年`;
}

/** A school's record (督导档案) across programs and years: campaigns, steps, submissions and scores. */
export function SchoolProfilePage({ schoolId }: { schoolId: string }) {
  const user = useUser();
  const [profile] = useApiData(useCallback(() => organisationApi.schoolHistory(schoolId), [schoolId]));
  if (profile.status !== 'ready') return <LoadStatus state={profile} />;
  const { school, campaigns } = profile.data;
  const periods = new Map<string, CampaignRecord[]>();
  for (const campaign of [...campaigns].sort((a, b) => b.launchedAt.localeCompare(a.launchedAt))) {
    const period = periodOf(campaign);
    periods.set(period, [...(periods.get(period) ?? []), campaign]);
  }
  return (
    <>
      {user.role !== 'school' && (
        <nav aria-label="返回" className="mb-2">
          <Link to="/schools" className="small">
            ← 学校
          </Link>
        </nav>
      )}
      <header className="mb-3">
        <h1 className="h4 mb-1">{school.name}</h1>
        <div className="small text-secondary">
          {schoolTypeLabel(school.type)} · {ownershipLabel(school.ownership)} · 学校标识码 {school.id}
        </div>
        {(school.address || school.contact) && (
          <div className="small text-secondary">
            {[school.address, school.contact].filter(Boolean).join(' · ')}
          </div>
        )}
      </header>
      <h2 className="h5">督导档案</h2>
      {campaigns.length === 0 && <p className="text-secondary">这所学校还没有参加过督导。</p>}
      {[...periods].map(([period, list]) => (
        <section key={period} className="mb-3" aria-label={period}>
          <h3 className="h6 text-secondary">{period}</h3>
          {list.map((campaign) => (
            <CampaignCard key={campaign.campaignId} campaign={campaign} />
          ))}
        </section>
      ))}
    </>
  );
}

function CampaignCard({ campaign }: { campaign: CampaignRecord }) {
  const scores = campaign.submissions.filter((submission) => submission.score);
  return (
    <article className="card mb-2" data-campaign={campaign.campaignId}>
      <div className="card-header d-flex flex-wrap gap-2 align-items-center">
        <span className="fw-semibold me-auto">{campaign.title}</span>
        <span className="badge text-bg-light border fw-normal">
          {INSTANCE_STATUS_LABELS[campaign.status] ?? campaign.status}
        </span>
      </div>
      <div className="card-body">
        <div className="small text-secondary mb-2">
          {campaign.programName}（第 {campaign.programVersion} 版）· 下发于{' '}
          {formatDateTime(campaign.launchedAt)}
        </div>
        {scores.map(({ id, score }) => (
          <p key={id} className="mb-2">
            <span className={`badge ${score?.passed ? 'text-bg-success' : 'text-bg-danger'}`}>
              得分 {score?.total} / {score?.maxTotal} · {score?.grade}
            </span>
          </p>
        ))}
        <ol className="list-unstyled mb-0 small">
          {campaign.completedTasks.map((task) => (
            <li key={task.taskId} className="d-flex flex-wrap gap-2 py-1 border-bottom">
              <span className="me-auto">✓ {task.name}</span>
              <span className="text-secondary">{formatDateTime(task.completedAt)}</span>
              {task.submissionId && (
                <Link to={`/submissions/${encodeURIComponent(task.submissionId)}`}>查看提交</Link>
              )}
            </li>
          ))}
          {campaign.openTasks.map((task) => (
            <li key={task.id} className="d-flex flex-wrap gap-2 py-1 border-bottom">
              <span className="me-auto">○ {task.name}</span>
              <DueBadge dueAt={task.dueAt} />
            </li>
          ))}
        </ol>
      </div>
    </article>
  );
}
