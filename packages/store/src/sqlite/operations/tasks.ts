import {
  CampaignProgressOptionsSchema,
  FindOverdueTasksArgsSchema,
  FindTasksArgsSchema,
  ProgressGroupBySchema,
  type TaskView,
} from '../../contract/queries.js';
import { Id } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { decodeCursor, pageOf } from '../../pagination/cursor.js';
import { prefixRange } from '../../queries/prefix-range.js';
import { progressRowOf } from '../../queries/progress-row.js';
import { assertValid } from '../../validation/assert-valid.js';
import type { SqliteContext } from '../context.js';
import { type Condition, selectPage } from '../select-page.js';

type TaskOps = Pick<Store, 'findTasks' | 'getTask' | 'findOverdueTasks' | 'campaignProgress'>;

/** A task view from its row: the stored view plus the instance version kept beside it. */
const viewOf = (row: unknown): TaskView => {
  const { view, instance_version } = row as { view: string; instance_version: number };
  return { ...(JSON.parse(view) as TaskView), instanceVersion: instance_version };
};
const taskKey = (task: TaskView) => [task.createdAt, task.id];

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
      const filters: Condition[] = [];
      if (args.campaignId !== undefined) filters.push(['t.campaign_id = ?', args.campaignId]);
      if (args.schoolId !== undefined) filters.push(['t.school_id = ?', args.schoolId]);
      if (args.assignee !== undefined) filters.push(['t.assignee = ?', args.assignee]);
      if (args.dueBefore !== undefined) filters.push(['t.due_at < ?', args.dueBefore]);
      if (args.dueAfter !== undefined) filters.push(['t.due_at >= ?', args.dueAfter]);

      if (args.audience === undefined && args.candidateGroup === undefined) {
        // Starts from the (filter, created_at, task_id) index that matches, already in page order.
        return selectPage(ctx, {
          from: 'view, instance_version FROM open_tasks t',
          where: filters,
          orderBy: ['t.created_at', 't.task_id'],
          limit: args.limit,
          cursor: args.cursor,
          parse: viewOf,
          keyOf: taskKey,
        });
      }

      // Starts from the principal keys (task_keys) or the candidate group (task_groups), then looks each
      // task up by primary key; CROSS JOIN pins that join order. One key streams in index order;
      // several keys are merged without repeats.
      const byAudience = args.audience !== undefined;
      const table = byAudience ? 'task_keys' : 'task_groups';
      const keys = args.audience ?? [args.candidateGroup as string];
      if (byAudience && args.candidateGroup !== undefined) {
        filters.push([
          'EXISTS (SELECT 1 FROM task_groups g WHERE g.instance_id = t.instance_id AND g.task_id = t.task_id AND g.grp = ?)',
          args.candidateGroup,
        ]);
      }
      const after = decodeCursor(args.cursor, 2);
      const sourceWhere = (alias: string): Condition[] => {
        const column = `${alias}.${byAudience ? 'key' : 'grp'}`;
        const conditions: Condition[] = [[`${column} IN (${keys.map(() => '?').join(', ')})`, ...keys]];
        if (after) conditions.push([`(${alias}.created_at, ${alias}.task_id) > (?, ?)`, ...after]);
        return conditions;
      };
      const sqlOf = (conditions: Condition[]) => conditions.map((c) => c[0]).join(' AND ');
      const paramsOf = (conditions: Condition[]) => conditions.flatMap((c) => c.slice(1));
      let driver: string;
      let where: Condition[];
      let params: unknown[];
      if (keys.length > 1) {
        const inner = sourceWhere('k');
        driver = `(SELECT DISTINCT k.created_at, k.task_id FROM ${table} k WHERE ${sqlOf(inner)}) m`;
        where = filters;
        params = [...paramsOf(inner), ...paramsOf(filters)];
      } else {
        driver = `${table} m`;
        where = [...sourceWhere('m'), ...filters];
        params = paramsOf(where);
      }
      const sql = `SELECT t.view, t.instance_version FROM ${driver} CROSS JOIN open_tasks t ON t.task_id = m.task_id
        ${where.length ? `WHERE ${sqlOf(where)}` : ''} ORDER BY m.created_at, m.task_id LIMIT ?`;
      const rows = ctx.statement(sql).all(...params, args.limit + 1);
      return pageOf(rows.map(viewOf), args.limit, taskKey);
    },
    async getTask(taskId) {
      assertValid(Id, taskId, '任务编号');
      const row = ctx
        .statement('SELECT view, instance_version FROM open_tasks WHERE task_id = ?')
        .get(taskId);
      return row === undefined ? null : viewOf(row);
    },
    async findOverdueTasks(args) {
      assertValid(FindOverdueTasksArgsSchema, args, '逾期任务查询');
      const where: Condition[] = [['due_at < ?', args.now]];
      if (args.campaignId !== undefined) where.push(['campaign_id = ?', args.campaignId]);
      if (args.districtId !== undefined) where.push(['district_id = ?', args.districtId]);
      if (args.schoolId !== undefined) where.push(['school_id = ?', args.schoolId]);
      if (args.officePathPrefix !== undefined) {
        const range = prefixRange(args.officePathPrefix);
        where.push(['office_path >= ? AND office_path < ?', range.from, range.to]);
      }
      return selectPage(ctx, {
        from: 'view, instance_version FROM open_tasks',
        where,
        orderBy: ['due_at', 'task_id'],
        limit: args.limit,
        cursor: args.cursor,
        parse: viewOf,
        keyOf: (task) => [task.dueAt!, task.id],
      });
    },
    async campaignProgress(campaignId, groupBy, options = {}) {
      assertValid(Id, campaignId, '督导任务编号');
      assertValid(ProgressGroupBySchema, groupBy, '统计维度');
      assertValid(CampaignProgressOptionsSchema, options, '统计选项');
      const columns = groupBy.map((dimension) => PROGRESS_COLUMNS[dimension]);
      const select = [...columns.map((column, i) => `${column} AS d${i}`), 'count(*) AS count'].join(', ');
      const group = columns.length ? `GROUP BY ${columns.join(', ')} ORDER BY ${columns.join(', ')}` : '';
      const scope = options.scope === undefined ? '' : 'AND scope = ?';
      const params = options.scope === undefined ? [campaignId] : [campaignId, options.scope];
      const rows = ctx
        .statement(`SELECT ${select} FROM instances WHERE campaign_id = ? ${scope} ${group}`)
        .all(...params) as Record<string, string | number | null>[];
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
