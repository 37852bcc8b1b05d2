import type { AwaitedMessage, Instance, OpenTask } from '../contract/records.js';
import type { SqliteContext } from './context.js';

/**
 * How an instance is written to SQLite: its row plus side rows (open tasks, their inbox rows per
 * audience key and their candidate groups, armed timers, awaited messages). Callers run these inside
 * one transaction, so the side tables always match the instance row they were derived from.
 *
 * `instanceRowOf` does all the JavaScript work (JSON, task views) when the write is asked for; the
 * write itself, later in a group commit, only binds and runs prepared statements.
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

interface TaskRow {
  task: OpenTask;
  /** The task view without `instanceVersion` (a column: it changes every step), as JSON. */
  view: string;
}

/** An instance ready to be written: every value bound as it will be, computed once. */
export interface InstanceRow {
  instance: Instance;
  values: Record<Column, unknown>;
  tasks: TaskRow[];
}

export function instanceRowOf(instance: Instance): InstanceRow {
  // The instance half of every task view is the same: serialise it once and splice it after each task.
  const shared = JSON.stringify({
    instanceId: instance.id,
    campaignId: instance.campaignId,
    programKey: instance.programKey,
    programVersion: instance.programVersion,
    scope: instance.scope,
    schoolId: instance.schoolId,
    districtId: instance.districtId,
    schoolType: instance.schoolType,
    officePath: instance.officePath,
  }).slice(1);
  return {
    instance,
    values: {
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
    },
    tasks: instance.tasks.map((task) => ({ task, view: `${JSON.stringify(task).slice(0, -1)},${shared}` })),
  };
}

const INSERT_INSTANCE = `INSERT INTO instances (id, ${COLUMNS.join(', ')}) VALUES (?, ${COLUMNS.map(() => '?').join(', ')})
  ON CONFLICT (id) DO NOTHING`;

/** Inserts the row and its side rows unless the id exists; returns whether it inserted. */
export function insertInstanceRowIfAbsent(ctx: SqliteContext, row: InstanceRow): boolean {
  const { instance, values } = row;
  const result = ctx
    .statement(INSERT_INSTANCE)
    .run(
      instance.id,
      values.campaign_id,
      values.scope,
      values.school_id,
      values.office_path,
      values.district_id,
      values.school_type,
      values.status,
      values.version,
      values.created_at,
      values.updated_at,
      values.doc,
    );
  if (result.changes === 0) return false;
  for (const task of row.tasks) insertTask(ctx, instance, task);
  upsertTimers(ctx, instance, false);
  for (const message of instance.messages) insertMessage(ctx, instance.id, message);
  return true;
}

export type UpdateOutcome = 'updated' | 'conflict' | 'missing';

const SELECT_STORED = `SELECT ${COLUMNS.filter((c) => c !== 'doc').join(', ')} FROM instances WHERE id = ?`;

/** Replaces the row if it still has `expectedVersion`, then brings the side rows up to date. */
export function updateInstanceRowIfVersion(
  ctx: SqliteContext,
  row: InstanceRow,
  expectedVersion: number,
): UpdateOutcome {
  const { instance, values } = row;
  const stored = ctx.statement(SELECT_STORED).get(instance.id) as Record<Column, unknown> | undefined;
  if (!stored) return 'missing';
  if (stored.version !== expectedVersion) return 'conflict';

  const changed = COLUMNS.filter((column) => column === 'doc' || values[column] !== stored[column]);
  ctx
    .statement(
      `UPDATE instances SET ${changed.map((column) => `${column} = ?`).join(', ')} WHERE id = ? AND version = ?`,
    )
    .run(...changed.map((column) => values[column]), instance.id, expectedVersion);

  syncTasks(ctx, row);
  upsertTimers(ctx, instance);
  syncMessages(ctx, instance);
  return 'updated';
}

function insertTask(ctx: SqliteContext, instance: Instance, { task, view }: TaskRow): void {
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
    `INSERT OR IGNORE INTO task_keys (key, created_at, task_id, campaign_id, school_id, assignee, due_at,
       instance_version, view) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const key of task.audience) {
    insertKey.run(
      key,
      task.createdAt,
      task.id,
      instance.campaignId,
      instance.schoolId,
      task.assignee,
      task.dueAt,
      instance.version,
      view,
    );
  }
  const insertGroup = ctx.statement(
    'INSERT OR IGNORE INTO task_groups (grp, created_at, task_id) VALUES (?, ?, ?)',
  );
  for (const group of task.candidateGroups) insertGroup.run(group, task.createdAt, task.id);
}

/** Removes an open task and its inbox and group rows, found by their full keys in the stored view. */
function deleteTask(ctx: SqliteContext, taskId: string, storedView: string): void {
  const stored = JSON.parse(storedView) as Pick<OpenTask, 'audience' | 'candidateGroups' | 'createdAt'>;
  ctx.statement('DELETE FROM open_tasks WHERE task_id = ?').run(taskId);
  const deleteKey = ctx.statement('DELETE FROM task_keys WHERE key = ? AND created_at = ? AND task_id = ?');
  for (const key of stored.audience) deleteKey.run(key, stored.createdAt, taskId);
  const deleteGroup = ctx.statement(
    'DELETE FROM task_groups WHERE grp = ? AND created_at = ? AND task_id = ?',
  );
  for (const group of stored.candidateGroups) deleteGroup.run(group, stored.createdAt, taskId);
}

/** Keeps unchanged tasks (only their version moves), replaces changed ones, drops closed ones. */
function syncTasks(ctx: SqliteContext, row: InstanceRow): void {
  const { instance } = row;
  const stored = new Map(
    (
      ctx.statement('SELECT task_id, view FROM open_tasks WHERE instance_id = ?').all(instance.id) as {
        task_id: string;
        view: string;
      }[]
    ).map((storedRow) => [storedRow.task_id, storedRow.view]),
  );
  for (const taskRow of row.tasks) {
    const { task, view } = taskRow;
    const before = stored.get(task.id);
    stored.delete(task.id);
    if (before === view) {
      ctx
        .statement('UPDATE open_tasks SET instance_version = ? WHERE task_id = ?')
        .run(instance.version, task.id);
      const bump = ctx.statement(
        'UPDATE task_keys SET instance_version = ? WHERE key = ? AND created_at = ? AND task_id = ?',
      );
      for (const key of task.audience) bump.run(instance.version, key, task.createdAt, task.id);
      continue;
    }
    if (before !== undefined) deleteTask(ctx, task.id, before);
    insertTask(ctx, instance, taskRow);
  }
  for (const [closed, view] of stored) deleteTask(ctx, closed, view);
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
