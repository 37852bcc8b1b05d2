import { useCallback } from 'react';
import { taskApi } from '../api/taskApi.js';
import { useApiData } from '../api/useApiData.js';
import { formatDateTime } from '../format/dates.js';
import { SubmissionView } from '../formio/SubmissionView.js';
import { LoadStatus } from '../layout/LoadStatus.js';
import { Link } from '../routing/router.js';

/** One submission read-only with the form version it was validated against. Lazy: it brings Form.io. */
export default function SubmissionPage({ submissionId }: { submissionId: string }) {
  const [view] = useApiData(useCallback(() => taskApi.submission(submissionId), [submissionId]));
  if (view.status !== 'ready') return <LoadStatus state={view} />;
  const { submission, form, accepted } = view.data;
  const score = submission.score as { total?: number; maxTotal?: number; grade?: string } | null;
  return (
    <>
      {submission.schoolId && (
        <nav aria-label="返回" className="mb-2">
          <Link to={`/schools/${encodeURIComponent(submission.schoolId)}`} className="small">
            ← 学校督导档案
          </Link>
        </nav>
      )}
      <h1 className="h4 mb-1">{typeof form?.title === 'string' ? form.title : submission.formId}</h1>
      <p className="small text-secondary">
        提交于 {formatDateTime(submission.submittedAt)}
        {accepted ? '' : ' · 未被流程采用（重复提交）'}
      </p>
      {score && typeof score.total === 'number' && (
        <p>
          <span className="badge text-bg-info">
            得分 {score.total} / {score.maxTotal ?? '—'}
            {score.grade ? ` · ${score.grade}` : ''}
          </span>
        </p>
      )}
      {form ? (
        <SubmissionView form={form} data={submission.data} />
      ) : (
        <p className="text-secondary">该版本的表单已不可用。</p>
      )}
    </>
  );
}
