import { DraftSchema, Id } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { assertValid } from '../../validation/assert-valid.js';
import { CODECS } from '../codecs.js';
import type { MongoContext } from '../context.js';

type DraftOps = Pick<Store, 'putDraft' | 'getDraft' | 'deleteDraft'>;

export function draftOps(ctx: MongoContext): DraftOps {
  const drafts = ctx.collection('drafts');
  return {
    async putDraft(draft) {
      assertValid(DraftSchema, draft, '草稿');
      await drafts.replaceOne({ _id: draft.taskId }, CODECS.drafts.toDoc(draft), { upsert: true });
    },
    async getDraft(taskId) {
      assertValid(Id, taskId, '任务编号');
      const doc = await drafts.findOne({ _id: taskId });
      return doc ? CODECS.drafts.fromDoc(doc) : null;
    },
    async deleteDraft(taskId) {
      assertValid(Id, taskId, '任务编号');
      return (await drafts.deleteOne({ _id: taskId })).deletedCount > 0;
    },
  };
}
