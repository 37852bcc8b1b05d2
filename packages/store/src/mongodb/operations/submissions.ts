import type { Document } from 'mongodb';
import { FindSubmissionsArgsSchema } from '../../contract/queries.js';
import { Id, SubmissionSchema } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { requireOneOf } from '../../queries/require-one-of.js';
import { assertValid } from '../../validation/assert-valid.js';
import { CODECS } from '../codecs.js';
import type { MongoContext } from '../context.js';
import { findPage } from '../find-page.js';
import { isDuplicateKey } from '../translate-error.js';

type SubmissionOps = Pick<Store, 'createSubmission' | 'getSubmission' | 'findSubmissions'>;

export function submissionOps(ctx: MongoContext): SubmissionOps {
  const submissions = ctx.collection('submissions');
  const codec = CODECS.submissions;
  return {
    async createSubmission(submission) {
      assertValid(SubmissionSchema, submission, '表单提交');
      try {
        await submissions.insertOne(codec.toDoc(submission));
        return { created: true, submission };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const stored = await submissions.findOne({ _id: submission.id });
        if (!stored) throw error;
        return { created: false, submission: codec.fromDoc(stored) };
      }
    },
    async getSubmission(id) {
      assertValid(Id, id, '提交编号');
      const doc = await submissions.findOne({ _id: id });
      return doc ? codec.fromDoc(doc) : null;
    },
    async findSubmissions(args) {
      assertValid(FindSubmissionsArgsSchema, args, '表单提交查询');
      requireOneOf(args, ['instanceId', 'taskId', 'campaignId', 'schoolId'], '表单提交查询');
      const filter: Document = {};
      if (args.instanceId !== undefined) filter.instanceId = args.instanceId;
      if (args.taskId !== undefined) filter.taskId = args.taskId;
      if (args.campaignId !== undefined) filter.campaignId = args.campaignId;
      if (args.schoolId !== undefined) filter.schoolId = args.schoolId;
      if (args.formId !== undefined) filter.formId = args.formId;
      return findPage(submissions, {
        filter,
        sort: ['submittedAt', '_id'],
        limit: args.limit,
        cursor: args.cursor,
        decode: (doc) => codec.fromDoc(doc),
        keyOf: (submission) => [submission.submittedAt, submission.id],
      });
    },
  };
}
