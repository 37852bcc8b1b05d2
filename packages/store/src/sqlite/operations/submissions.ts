import { FindSubmissionsArgsSchema } from '../../contract/queries.js';
import { Id, type Submission, SubmissionSchema } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { requireOneOf } from '../../queries/require-one-of.js';
import { assertValid } from '../../validation/assert-valid.js';
import { docOf, type SqliteContext } from '../context.js';
import { type Condition, selectPage } from '../select-page.js';

type SubmissionOps = Pick<Store, 'createSubmission' | 'getSubmission' | 'findSubmissions'>;

export function submissionOps(ctx: SqliteContext): SubmissionOps {
  const getStored = (id: string) =>
    docOf<Submission>(ctx.statement('SELECT doc FROM submissions WHERE id = ?').get(id));
  const create = (submission: Submission) => {
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
  };
  return {
    async createSubmission(submission) {
      assertValid(SubmissionSchema, submission, '表单提交');
      return ctx.write(() => create(submission));
    },
    async getSubmission(id) {
      assertValid(Id, id, '提交编号');
      return getStored(id);
    },
    async findSubmissions(args) {
      assertValid(FindSubmissionsArgsSchema, args, '表单提交查询');
      requireOneOf(args, ['instanceId', 'taskId', 'campaignId', 'schoolId'], '表单提交查询');
      const where: Condition[] = [];
      if (args.instanceId !== undefined) where.push(['instance_id = ?', args.instanceId]);
      if (args.taskId !== undefined) where.push(['task_id = ?', args.taskId]);
      if (args.campaignId !== undefined) where.push(['campaign_id = ?', args.campaignId]);
      if (args.schoolId !== undefined) where.push(['school_id = ?', args.schoolId]);
      if (args.formId !== undefined) where.push(['form_id = ?', args.formId]);
      return selectPage(ctx, {
        from: 'doc FROM submissions',
        where,
        orderBy: ['submitted_at', 'id'],
        limit: args.limit,
        cursor: args.cursor,
        parse: (row) => docOf<Submission>(row)!,
        keyOf: (submission) => [submission.submittedAt, submission.id],
      });
    },
  };
}
