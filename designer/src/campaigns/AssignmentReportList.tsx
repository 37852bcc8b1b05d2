import type { AssignmentReport } from '../api/types.js';

/**
 * Where a school's 责任督学 declared a conflict (回避) or there is none: who stands in (改派), or that the
 * school has no inspector (未安排) and the office must see to it.
 */
export function AssignmentReportList({
  report,
  inspectorName,
}: {
  report: AssignmentReport;
  inspectorName: (id: string | null) => string;
}) {
  if (report.reassigned.length === 0 && report.unassigned.length === 0)
    return <p className="small text-secondary mb-0">每所学校都由其挂牌责任督学负责，无改派。</p>;
  return (
    <div className="small">
      {report.reassigned.length > 0 && (
        <>
          <h3 className="h6 mt-2">改派（{report.reassigned.length} 所）</h3>
          <ul className="mb-2 ps-3" aria-label="改派的学校">
            {report.reassigned.map((entry) => (
              <li key={entry.schoolId}>
                {entry.schoolName}：{inspectorName(entry.fromInspectorId)}（回避）→{' '}
                {inspectorName(entry.toInspectorId)}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.unassigned.length > 0 && (
        <>
          <h3 className="h6 mt-2 text-danger">未安排督学（{report.unassigned.length} 所）</h3>
          <ul className="mb-0 ps-3" aria-label="未安排督学的学校">
            {report.unassigned.map((entry) => (
              <li key={entry.schoolId}>
                {entry.schoolName}：
                {entry.reason === 'conflict'
                  ? `${inspectorName(entry.fromInspectorId)}已回避，同责任区没有可改派的督学`
                  : '没有挂牌责任督学'}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
