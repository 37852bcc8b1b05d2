import type { ReactNode } from 'react';
import { schoolTypeLabel } from '../organisation/labels.js';
import { Link } from '../routing/router.js';
import type { ProgressLine } from './campaignMonitor.js';
import { INSTANCE_STATUS_LABELS, INSTANCE_STATUSES } from './statusLabels.js';

interface ProgressTableProps {
  campaignId: string;
  lines: ProgressLine[];
  districtName: (id: string) => string;
}

/**
 * Progress by 责任区 × school type: instance counts per status, then 未提交 and 逾期, whose numbers open the
 * matching list below the table.
 */
export function ProgressTable({ campaignId, lines, districtName }: ProgressTableProps) {
  const listLink = (view: string, line: ProgressLine | null, count: number): ReactNode => {
    if (count === 0) return <span className="text-secondary">0</span>;
    const query = new URLSearchParams({ view });
    if (line?.districtId) query.set('districtId', line.districtId);
    if (line?.schoolType) query.set('schoolType', line.schoolType);
    return <Link to={`/campaigns/${encodeURIComponent(campaignId)}?${query}`}>{count}</Link>;
  };
  const sum = (pick: (line: ProgressLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
  return (
    <div className="table-scroll">
      <table
        className="table table-sm table-hover align-middle mb-0"
        aria-label="按责任区和学校类型统计的进度"
      >
        <thead>
          <tr>
            <th scope="col">责任区</th>
            <th scope="col">学校类型</th>
            <th scope="col" className="text-end">
              学校数
            </th>
            {INSTANCE_STATUSES.map((status) => (
              <th key={status} scope="col" className="text-end">
                {INSTANCE_STATUS_LABELS[status]}
              </th>
            ))}
            <th scope="col" className="text-end">
              未提交
            </th>
            <th scope="col" className="text-end">
              逾期任务
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={`${line.districtId}|${line.schoolType}`}>
              <th scope="row" className="fw-normal">
                {line.districtName || districtName(line.districtId)}
              </th>
              <td>{schoolTypeLabel(line.schoolType)}</td>
              <td className="text-end">{line.total}</td>
              {INSTANCE_STATUSES.map((status) => (
                <td
                  key={status}
                  className="text-end"
                  data-cell={`${line.districtId}|${line.schoolType}|${status}`}
                >
                  {line.byStatus[status] ?? 0}
                </td>
              ))}
              <td className="text-end" data-cell={`${line.districtId}|${line.schoolType}|not-submitted`}>
                {listLink('not-submitted', line, line.notSubmitted)}
              </td>
              <td className="text-end">{listLink('overdue', line, line.overdue)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="fw-semibold">
            <th scope="row" colSpan={2}>
              合计
            </th>
            <td className="text-end">{sum((line) => line.total)}</td>
            {INSTANCE_STATUSES.map((status) => (
              <td key={status} className="text-end">
                {sum((line) => line.byStatus[status] ?? 0)}
              </td>
            ))}
            <td className="text-end">
              {listLink(
                'not-submitted',
                null,
                sum((line) => line.notSubmitted),
              )}
            </td>
            <td className="text-end">
              {listLink(
                'overdue',
                null,
                sum((line) => line.overdue),
              )}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
