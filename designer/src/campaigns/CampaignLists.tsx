import { formatDateTime } from '../format/dates.js';
import { schoolTypeLabel } from '../organisation/labels.js';
import { Link, navigate } from '../routing/router.js';
import type { NotSubmittedItem, OverdueItem } from './campaignMonitor.js';

export type ListView = 'not-submitted' | 'overdue';

interface CampaignListsProps {
  campaignId: string;
  view: ListView;
  districtId: string | null;
  schoolType: string | null;
  notSubmitted: NotSubmittedItem[];
  overdue: OverdueItem[];
  districtName: (id: string | null) => string;
  schoolTypeOf: (schoolId: string | null) => string | undefined;
}

/** 未提交名单 and 逾期任务, narrowed to the 责任区 and school type of the table cell that opened them. */
export function CampaignLists(props: CampaignListsProps) {
  const { campaignId, view, districtId, schoolType } = props;
  const keep = (item: { districtId: string | null; schoolId: string | null }) =>
    (!districtId || item.districtId === districtId) &&
    (!schoolType || props.schoolTypeOf(item.schoolId) === schoolType);
  const notSubmitted = props.notSubmitted.filter(keep);
  const overdue = props.overdue.filter(keep);
  const show = (next: ListView) => {
    const query = new URLSearchParams({ view: next });
    if (districtId) query.set('districtId', districtId);
    if (schoolType) query.set('schoolType', schoolType);
    navigate(`/campaigns/${encodeURIComponent(campaignId)}?${query}`, { replace: true });
  };
  const narrowed = [districtId && props.districtName(districtId), schoolType && schoolTypeLabel(schoolType)]
    .filter(Boolean)
    .join(' · ');
  const schoolLink = (id: string | null, name: string | null) =>
    id ? <Link to={`/schools/${encodeURIComponent(id)}`}>{name || id}</Link> : (name ?? '—');

  return (
    <section className="card" aria-labelledby="campaign-lists">
      <div className="card-header d-flex flex-wrap align-items-center gap-2">
        <h2 id="campaign-lists" className="visually-hidden">
          名单
        </h2>
        <ul className="nav nav-tabs card-header-tabs me-auto">
          <li className="nav-item">
            <button
              type="button"
              className={`nav-link${view === 'not-submitted' ? ' active' : ''}`}
              aria-current={view === 'not-submitted' ? 'true' : undefined}
              onClick={() => show('not-submitted')}
            >
              未提交名单（{notSubmitted.length}）
            </button>
          </li>
          <li className="nav-item">
            <button
              type="button"
              className={`nav-link${view === 'overdue' ? ' active' : ''}`}
              aria-current={view === 'overdue' ? 'true' : undefined}
              onClick={() => show('overdue')}
            >
              逾期任务（{overdue.length}）
            </button>
          </li>
        </ul>
        {narrowed && (
          <span className="small">
            {narrowed}{' '}
            <Link to={`/campaigns/${encodeURIComponent(campaignId)}?view=${view}`} className="ms-1">
              显示全部
            </Link>
          </span>
        )}
      </div>
      <div className="table-scroll">
        {view === 'not-submitted' ? (
          <table className="table table-sm mb-0" aria-label="未提交名单">
            <thead>
              <tr>
                <th scope="col">学校</th>
                <th scope="col">责任区</th>
                <th scope="col">待办</th>
                <th scope="col">截止</th>
              </tr>
            </thead>
            <tbody>
              {notSubmitted.map((item) => (
                <tr key={item.schoolId}>
                  <td>{schoolLink(item.schoolId, item.schoolName)}</td>
                  <td>{props.districtName(item.districtId)}</td>
                  <td>{item.taskName}</td>
                  <td>{formatDateTime(item.dueAt)}</td>
                </tr>
              ))}
              {notSubmitted.length === 0 && (
                <tr>
                  <td colSpan={4} className="text-secondary">
                    没有未提交的学校。
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        ) : (
          <table className="table table-sm mb-0" aria-label="逾期任务">
            <thead>
              <tr>
                <th scope="col">学校</th>
                <th scope="col">任务</th>
                <th scope="col">责任区</th>
                <th scope="col" className="text-end">
                  逾期天数
                </th>
              </tr>
            </thead>
            <tbody>
              {overdue.map((item) => (
                <tr key={item.taskId}>
                  <td>{schoolLink(item.schoolId, item.schoolName)}</td>
                  <td>{item.name}</td>
                  <td>{props.districtName(item.districtId)}</td>
                  <td className="text-end text-danger">{item.overdueDays}</td>
                </tr>
              ))}
              {overdue.length === 0 && (
                <tr>
                  <td colSpan={4} className="text-secondary">
                    没有逾期任务。
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
