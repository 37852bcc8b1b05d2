import { Id, type Submission, SubmissionSchema } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { assertValid } from '../../validation/assert-valid.js';
import { docOf, type SqliteContext } from '../context.js';

type SubmissionOps = Pick<Store, 'createSubmission' | 'getSubmission'>;

export function submissionOps(ctx: SqliteContext): SubmissionOps {
  const getStored = (id: string) =>
    docOf<Submission>(ctx.statement('SELECT doc FROM submissions WHERE id = ?').get(id));
  const create = ctx.db.transaction((submission: Submission) => {
    const result = ctx
      .statement(
        `INSERT INTO submissions (id, task_id, instance_id, campaign_id, school_id, form_id, submitted_at, doc)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(
        submission.id,
        submission.taskId,
        submission.instanceId,
        submission.campaignId,
        submission.schoolId,
        submission.formId,
        submission.submittedAt,
        JSON.stringify(submission),
      );
    if (result.changes === 1) return { created: true, submission };
    return { created: false, submission: getStored(submission.id)! };
  });
  return {
    async createSubmission(submission) {
      assertValid(SubmissionSchema, submission, '表单提交');
      return create.immediate(submission);
    },
    async getSubmission(id) {
      assertValid(Id, id, '提交编号');
      return getStored(id);
    },
  };
}
