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

interface InboxRow {
  created_at: string;
  task_id: string;
  view: string;
  instance_version: number;
}

/** SQLite's order for TEXT (BINARY: UTF-8 bytes), which JavaScript's `<` (UTF-16 units) can differ from. */
const compareText = (a: string, b: string) => (a === b ? 0 : Buffer.compare(Buffer.from(a), Buffer.from(b)));

/**
 * The first `count` distinct tasks of several keys' pages, in (created_at, task_id) order. Each page
 * holds its key's first `count` tasks, which is enough: a task among the first `count` of the union is
 * among the first `count` of every key it has.
 */
function mergeInboxRows(pages: InboxRow[][], count: number): InboxRow[] {
  const sorted = pages
    .flat()
    .sort((a, b) => compareText(a.created_at, b.created_at) || compareText(a.task_id, b.task_id));
  const merged: InboxRow[] = [];
  for (const row of sorted) {
    if (merged.length === count) break;
    if (merged[merged.length - 1]?.task_id !== row.task_id) merged.push(row);
  }
  return merged;
}

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
      const filters = (alias: string): Condition[] => {
        const where: Condition[] = [];
        if (args.campaignId !== undefined) where.push([`${alias}.campaign_id = ?`, args.campaignId]);
        if (args.schoolId !== undefined) where.push([`${alias}.school_id = ?`, args.schoolId]);
        if (args.assignee !== undefined) where.push([`${alias}.assignee = ?`, args.assignee]);
        if (args.dueBefore !== undefined) where.push([`${alias}.due_at < ?`, args.dueBefore]);
        if (args.dueAfter !== undefined) where.push([`${alias}.due_at >= ?`, args.dueAfter]);
        return where;
      };
      const inGroup = (alias: string): Condition => [
        `EXISTS (SELECT 1 FROM task_groups g WHERE g.grp = ? AND g.created_at = ${alias}.created_at AND g.task_id = ${alias}.task_id)`,
        args.candidateGroup,
      ];

      if (args.audience !== undefined) {
        // The inbox: task_keys is keyed (key, created_at, task_id) and carries the view, so each key's
        // page is one range of one B-tree. Several keys: each key's first `limit + 1` rows, merged.
        const where = filters('k');
        if (args.candidateGroup !== undefined) where.push(inGroup('k'));
        const after = decodeCursor(args.cursor, 2);
        if (after) where.push(['(k.created_at, k.task_id) > (?, ?)', ...after]);
        const statement = ctx.statement(
          `SELECT k.created_at, k.task_id, k.view, k.instance_version FROM task_keys k
           WHERE k.key = ?${where.map((c) => ` AND ${c[0]}`).join('')}
           ORDER BY k.created_at, k.task_id LIMIT ?`,
        );
        const params = where.flatMap((c) => c.slice(1));
        const perKey = [...new Set(args.audience)].map(
          (key) => statement.all(key, ...params, args.limit + 1) as InboxRow[],
        );
        const rows = perKey.length === 1 ? perKey[0]! : mergeInboxRows(perKey, args.limit + 1);
        return pageOf(rows.map(viewOf), args.limit, taskKey);
      }

      if (args.candidateGroup === undefined) {
        // Starts from the (filter, created_at, task_id) index that matches, already in page order.
        return selectPage(ctx, {
          from: 'view, instance_version FROM open_tasks t',
          where: filters('t'),
          orderBy: ['t.created_at', 't.task_id'],
          limit: args.limit,
          cursor: args.cursor,
          parse: viewOf,
          keyOf: taskKey,
        });
      }

      // A candidate group's tasks: its range of task_groups, then each task by primary key (CROSS JOIN
      // pins that join order).
      return selectPage(ctx, {
        from: 't.view, t.instance_version FROM task_groups m CROSS JOIN open_tasks t ON t.task_id = m.task_id',
        where: [['m.grp = ?', args.candidateGroup], ...filters('t')],
        orderBy: ['m.created_at', 'm.task_id'],
        limit: args.limit,
        cursor: args.cursor,
        parse: viewOf,
        keyOf: taskKey,
      });
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
