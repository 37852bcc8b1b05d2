import { useState } from 'react';
import { formatDateTime } from '../format/dates.js';
import { SubmissionView } from '../formio/SubmissionView.js';
import type { EarlierStep } from './earlierSubmissions.js';

/**
 * The instance's completed steps, oldest first, each with what was submitted (read-only): the reviewer sees
 * the school's answers and evidence. The newest step with a submission is open.
 */
export function EarlierSteps({ steps }: { steps: EarlierStep[] }) {
  if (steps.length === 0) return null;
  const newest = steps.findLastIndex((step) => step.submission !== null);
  return (
    <section className="mb-3" aria-labelledby="earlier-steps">
      <h2 id="earlier-steps" className="h6 text-secondary">
        本流程已完成的步骤
      </h2>
      {steps.map((step, index) => (
        <StepCard key={step.entry.taskId} step={step} initiallyOpen={index === newest} />
      ))}
    </section>
  );
}

/** One step; its submission is rendered the first time the card is opened (Form.io is not cheap). */
function StepCard({ step, initiallyOpen }: { step: EarlierStep; initiallyOpen: boolean }) {
  const [opened, setOpened] = useState(initiallyOpen);
  return (
    <details
      className="card mb-2 earlier-step"
      open={initiallyOpen}
      onToggle={(event) => event.currentTarget.open && setOpened(true)}
    >
      <summary className="card-header d-flex flex-wrap gap-2">
        <span className="fw-semibold me-auto">{step.entry.name}</span>
        <span className="small text-secondary">
          {step.entry.completedByName ?? '系统'} · {formatDateTime(step.entry.completedAt)}
        </span>
      </summary>
      {opened && (
        <div className="card-body">
          {step.error && (
            <div className="alert alert-warning mb-0" role="alert">
              {step.error}
            </div>
          )}
          {!step.error && !step.submission && (
            <p className="text-secondary small mb-0">此步骤没有填写表单。</p>
          )}
          {step.submission?.submission.score && <ScoreLine score={step.submission.submission.score} />}
          {step.submission?.form && (
            <SubmissionView form={step.submission.form} data={step.submission.submission.data} />
          )}
          {step.submission && !step.submission.form && (
            <p className="text-secondary small mb-0">该版本的表单已不可用。</p>
          )}
        </div>
      )}
    </details>
  );
}

function ScoreLine({ score }: { score: Record<string, unknown> }) {
  const { total, maxTotal, grade } = score as { total?: number; maxTotal?: number; grade?: string };
  if (typeof total !== 'number') return null;
  return (
    <p className="mb-2">
      <span className="badge text-bg-info">
        得分 {total} / {maxTotal ?? '—'}
        {grade ? ` · ${grade}` : ''}
      </span>
    </p>
  );
}
