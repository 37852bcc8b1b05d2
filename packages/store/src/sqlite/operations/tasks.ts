import { FindTasksArgsSchema, ProgressGroupBySchema, type TaskView } from '../../contract/queries.js';
import { Id } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { decodeCursor, pageOf } from '../../pagination/cursor.js';
import { progressRowOf } from '../../queries/progress-row.js';
import { assertValid } from '../../validation/assert-valid.js';
import type { SqliteContext } from '../context.js';

type TaskOps = Pick<Store, 'findTasks' | 'getTask' | 'campaignProgress'>;

const viewOf = (row: unknown): TaskView => JSON.parse((row as { view: string }).view) as TaskView;

const PROGRESS_COLUMNS = {
  status: 'status',
  districtId: 'district_id',
  schoolType: 'school_type',
  officePath: 'office_path',
} as const;

export function taskOps(ctx: SqliteContext): TaskOps {
  return {
    async findTasks(args) {
      assertValid(FindTasksArgsSchema, args, '任务查询');
      if (args.audience?.length === 0) return { items: [], nextCursor: null };
      const after = decodeCursor(args.cursor, 2);
      const filters: string[] = [];
      const filterParams: unknown[] = [];
      if (args.campaignId !== undefined) {
        filters.push('t.campaign_id = ?');
        filterParams.push(args.campaignId);
      }
      if (args.schoolId !== undefined) {
        filters.push('t.school_id = ?');
        filterParams.push(args.schoolId);
      }
      if (args.dueBefore !== undefined) {
        filters.push('t.due_at < ?');
        filterParams.push(args.dueBefore);
      }

      let sql: string;
      let params: unknown[];
      if (args.audience === undefined) {
        // Starts from the (filter, created_at, task_id) index that matches, already in page order.
        if (after) {
          filters.push('(t.created_at, t.task_id) > (?, ?)');
          filterParams.push(...after);
        }
        sql = `SELECT t.view FROM open_tasks t ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}
               ORDER BY t.created_at, t.task_id LIMIT ?`;
        params = filterParams;
      } else {
        // Starts from the audience keys (task_keys), then looks each task up by primary key. CROSS JOIN
        // pins that join order. One key streams in index order; several keys are merged without repeats.
        const keyWhere = [`k.key IN (${args.audience.map(() => '?').join(', ')})`];
        const keyParams: unknown[] = [...args.audience];
        if (after) {
          keyWhere.push('(k.created_at, k.task_id) > (?, ?)');
          keyParams.push(...after);
        }
        const keys =
          args.audience.length === 1
            ? `task_keys k`
            : `(SELECT DISTINCT k.created_at, k.task_id FROM task_keys k WHERE ${keyWhere.join(' AND ')}) m`;
        const source = args.audience.length === 1 ? 'k' : 'm';
        const where = args.audience.length === 1 ? [...keyWhere, ...filters] : filters;
        sql = `SELECT t.view FROM ${keys} CROSS JOIN open_tasks t ON t.task_id = ${source}.task_id
               ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               ORDER BY ${source}.created_at, ${source}.task_id LIMIT ?`;
        params = [...keyParams, ...filterParams];
      }
      const rows = ctx.statement(sql).all(...params, args.limit + 1);
      return pageOf(rows.map(viewOf), args.limit, (task) => [task.createdAt, task.id]);
    },
    async getTask(taskId) {
      assertValid(Id, taskId, '任务编号');
      const row = ctx.statement('SELECT view FROM open_tasks WHERE task_id = ?').get(taskId);
      return row === undefined ? null : viewOf(row);
    },
    async campaignProgress(campaignId, groupBy) {
      assertValid(Id, campaignId, '督导任务编号');
      assertValid(ProgressGroupBySchema, groupBy, '统计维度');
      const columns = groupBy.map((dimension) => PROGRESS_COLUMNS[dimension]);
      const select = [...columns.map((column, i) => `${column} AS d${i}`), 'count(*) AS count'].join(', ');
      const group = columns.length ? `GROUP BY ${columns.join(', ')} ORDER BY ${columns.join(', ')}` : '';
      const rows = ctx
        .statement(`SELECT ${select} FROM instances WHERE campaign_id = ? ${group}`)
        .all(campaignId) as Record<string, string | number | null>[];
      return rows.map((row) =>
        progressRowOf(
          groupBy,
          groupBy.map((_, i) => row[`d${i}`]),
          Number(row.count),
        ),
      );
    },
  };
}
