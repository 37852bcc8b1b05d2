import type { AwaitedMessage, Instance, OpenTask } from '../contract/records.js';
import { taskViewOf } from '../instances/task-view.js';
import type { SqliteContext } from './context.js';

/**
 * How an instance is written to SQLite: its row plus side rows (open tasks with their audience keys and
 * candidate groups, armed timers, awaited messages). Callers run these inside one transaction, so the
 * side tables always match the instance row they were derived from.
 *
 * Updates are the hot path of every workflow step, so they touch only what changed: the row's indexed
 * columns are set only when their values differ (SQLite rewrites an index entry whenever its column is
 * in the SET list), and a side row is rewritten only when its content differs.
 */

/** Row columns in table order; `doc` is last so reading the indexed columns never touches it. */
const COLUMNS = [
  'campaign_id',
  'scope',
  'school_id',
  'office_path',
  'district_id',
  'school_type',
  'status',
  'version',
  'created_at',
  'updated_at',
  'doc',
] as const;
type Column = (typeof COLUMNS)[number];

function columnValues(instance: Instance): Record<Column, unknown> {
  return {
    campaign_id: instance.campaignId,
    scope: instance.scope,
    school_id: instance.schoolId,
    office_path: instance.officePath,
    district_id: instance.districtId,
    school_type: instance.schoolType,
    status: instance.status,
    version: instance.version,
    created_at: instance.createdAt,
    updated_at: instance.updatedAt,
    doc: JSON.stringify(instance),
  };
}

/** Inserts the row and its side rows unless the id exists; returns whether it inserted. */
export function insertInstanceRowIfAbsent(ctx: SqliteContext, instance: Instance): boolean {
  const values = columnValues(instance);
  const result = ctx
    .statement(
      `INSERT INTO instances (id, ${COLUMNS.join(', ')}) VALUES (?, ${COLUMNS.map(() => '?').join(', ')})
       ON CONFLICT (id) DO NOTHING`,
    )
    .run(instance.id, ...COLUMNS.map((column) => values[column]));
  if (result.changes === 0) return false;
  for (const task of instance.tasks) insertTask(ctx, instance, task);
  upsertTimers(ctx, instance, false);
  for (const message of instance.messages) insertMessage(ctx, instance.id, message);
  return true;
}

export type UpdateOutcome = 'updated' | 'conflict' | 'missing';

/** Replaces the row if it still has `expectedVersion`, then brings the side rows up to date. */
export function updateInstanceRowIfVersion(
  ctx: SqliteContext,
  instance: Instance,
  expectedVersion: number,
): UpdateOutcome {
  const stored = ctx
    .statement(`SELECT ${COLUMNS.filter((c) => c !== 'doc').join(', ')} FROM instances WHERE id = ?`)
    .get(instance.id) as Record<Column, unknown> | undefined;
  if (!stored) return 'missing';
  if (stored.version !== expectedVersion) return 'conflict';

  const values = columnValues(instance);
  const changed = COLUMNS.filter((column) => column === 'doc' || values[column] !== stored[column]);
  ctx
    .statement(
      `UPDATE instances SET ${changed.map((column) => `${column} = ?`).join(', ')} WHERE id = ? AND version = ?`,
    )
    .run(...changed.map((column) => values[column]), instance.id, expectedVersion);

  syncTasks(ctx, instance);
  upsertTimers(ctx, instance);
  syncMessages(ctx, instance);
  return 'updated';
}

/** The stored task view leaves out `instanceVersion`, which changes every step: it is a column. */
function viewJson(instance: Instance, task: OpenTask): string {
  const { instanceVersion: _changesEveryStep, ...view } = taskViewOf(instance, task);
  return JSON.stringify(view);
}

function insertTask(
  ctx: SqliteContext,
  instance: Instance,
  task: OpenTask,
  view = viewJson(instance, task),
): void {
  ctx
    .statement(
      `INSERT INTO open_tasks (task_id, instance_id, instance_version, campaign_id, school_id, district_id,
         office_path, assignee, due_at, created_at, view) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      task.id,
      instance.id,
      instance.version,
      instance.campaignId,
      instance.schoolId,
      instance.districtId,
      instance.officePath,
      task.assignee,
      task.dueAt,
      task.createdAt,
      view,
    );
  const insertKey = ctx.statement(
    'INSERT OR IGNORE INTO task_keys (instance_id, task_id, key, created_at) VALUES (?, ?, ?, ?)',
  );
  for (const key of task.audience) insertKey.run(instance.id, task.id, key, task.createdAt);
  const insertGroup = ctx.statement(
    'INSERT OR IGNORE INTO task_groups (instance_id, task_id, grp, created_at) VALUES (?, ?, ?, ?)',
  );
  for (const group of task.candidateGroups) insertGroup.run(instance.id, task.id, group, task.createdAt);
}

function deleteTask(ctx: SqliteContext, instanceId: string, taskId: string): void {
  ctx.statement('DELETE FROM open_tasks WHERE task_id = ?').run(taskId);
  ctx.statement('DELETE FROM task_keys WHERE instance_id = ? AND task_id = ?').run(instanceId, taskId);
  ctx.statement('DELETE FROM task_groups WHERE instance_id = ? AND task_id = ?').run(instanceId, taskId);
}

/** Keeps unchanged tasks (only their version moves), replaces changed ones, drops closed ones. */
function syncTasks(ctx: SqliteContext, instance: Instance): void {
  const stored = new Map(
    (
      ctx.statement('SELECT task_id, view FROM open_tasks WHERE instance_id = ?').all(instance.id) as {
        task_id: string;
        view: string;
      }[]
    ).map((row) => [row.task_id, row.view]),
  );
  for (const task of instance.tasks) {
    const view = viewJson(instance, task);
    const before = stored.get(task.id);
    stored.delete(task.id);
    if (before === view) {
      ctx
        .statement('UPDATE open_tasks SET instance_version = ? WHERE task_id = ?')
        .run(instance.version, task.id);
      continue;
    }
    if (before !== undefined) deleteTask(ctx, instance.id, task.id);
    insertTask(ctx, instance, task, view);
  }
  for (const closed of stored.keys()) deleteTask(ctx, instance.id, closed);
}

/**
 * Timers are upserted, not rewritten, so a lease taken by a scheduler survives unrelated steps; an
 * unchanged timer is not written at all. In SET, bare column names are the row as it was: the lease
 * survives only if the due time is unchanged. A new instance has no timers to remove.
 */
function upsertTimers(ctx: SqliteContext, instance: Instance, existed = true): void {
  if (existed) {
    ctx
      .statement(
        'DELETE FROM timers WHERE instance_id = ? AND timer_id NOT IN (SELECT value FROM json_each(?))',
      )
      .run(instance.id, JSON.stringify(instance.timers.map((timer) => timer.id)));
  }
  const upsert = ctx.statement(
    `INSERT INTO timers (instance_id, timer_id, element_id, execution_id, due_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (instance_id, timer_id) DO UPDATE SET
       element_id = excluded.element_id, execution_id = excluded.execution_id, due_at = excluded.due_at,
       lease_owner = CASE WHEN due_at = excluded.due_at THEN lease_owner END,
       lease_until = CASE WHEN due_at = excluded.due_at THEN lease_until END
     WHERE due_at IS NOT excluded.due_at OR element_id IS NOT excluded.element_id
       OR execution_id IS NOT excluded.execution_id`,
  );
  for (const timer of instance.timers) {
    upsert.run(instance.id, timer.id, timer.elementId, timer.executionId, timer.dueAt);
  }
}

function messageKey(message: AwaitedMessage): string {
  return JSON.stringify([message.executionId, message.elementId, message.name, message.correlationKey]);
}

function insertMessage(ctx: SqliteContext, instanceId: string, message: AwaitedMessage): void {
  ctx
    .statement(
      `INSERT INTO awaited_messages (instance_id, execution_id, element_id, name, correlation_key)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .run(instanceId, message.executionId, message.elementId, message.name, message.correlationKey);
}

function syncMessages(ctx: SqliteContext, instance: Instance): void {
  const stored = ctx
    .statement(
      'SELECT execution_id, element_id, name, correlation_key FROM awaited_messages WHERE instance_id = ?',
    )
    .all(instance.id) as {
    execution_id: string;
    element_id: string;
    name: string;
    correlation_key: string | null;
  }[];
  const before = stored
    .map((row) =>
      messageKey({
        executionId: row.execution_id,
        elementId: row.element_id,
        name: row.name,
        correlationKey: row.correlation_key,
      }),
    )
    .sort();
  const after = instance.messages.map(messageKey).sort();
  if (before.join('\n') === after.join('\n')) return;
  ctx.statement('DELETE FROM awaited_messages WHERE instance_id = ?').run(instance.id);
  for (const message of instance.messages) insertMessage(ctx, instance.id, message);
}
