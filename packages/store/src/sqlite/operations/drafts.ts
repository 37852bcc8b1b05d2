import { DraftSchema, Id } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { assertValid } from '../../validation/assert-valid.js';
import { docOf, type SqliteContext } from '../context.js';

type DraftOps = Pick<Store, 'putDraft' | 'getDraft' | 'deleteDraft'>;

export function draftOps(ctx: SqliteContext): DraftOps {
  return {
    async putDraft(draft) {
      assertValid(DraftSchema, draft, '草稿');
      await ctx.write(() =>
        ctx
          .statement(
            'INSERT INTO drafts (task_id, doc) VALUES (?, ?) ON CONFLICT (task_id) DO UPDATE SET doc = excluded.doc',
          )
          .run(draft.taskId, JSON.stringify(draft)),
      );
    },
    async getDraft(taskId) {
      assertValid(Id, taskId, '任务编号');
      return docOf(ctx.statement('SELECT doc FROM drafts WHERE task_id = ?').get(taskId));
    },
    async deleteDraft(taskId) {
      assertValid(Id, taskId, '任务编号');
      const result = await ctx.write(() => ctx.statement('DELETE FROM drafts WHERE task_id = ?').run(taskId));
      return result.changes > 0;
    },
  };
}
