import type { Instance } from '../contract/records.js';
import { taskViewOf } from '../instances/task-view.js';
import type { SqliteContext } from './context.js';

/**
 * Inserts an instance's row, unless the id exists, and its side rows: open tasks with their audience keys and candidate groups,
 * armed timers and awaited messages. Callers run this inside one transaction, so the side tables always
 * match the instance row they were derived from. Returns whether it inserted.
 */
export function insertInstanceRowIfAbsent(ctx: SqliteContext, instance: Instance): boolean {
  const result = ctx
    .statement(
      `INSERT INTO instances (campaign_id, scope, school_id, office_path, district_id, school_type, status,
         version, created_at, updated_at, doc, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    )
    .run(...instanceColumns(instance), instance.id);
  if (result.changes === 0) return false;
  insertTaskRows(ctx, instance);
  upsertTimerRows(ctx, instance);
  insertMessageRows(ctx, instance);
  return true;
}

/** Replaces the row only if it still has `expectedVersion`; returns whether it did. */
export function updateInstanceRowIfVersion(
  ctx: SqliteContext,
  instance: Instance,
  expectedVersion: number,
): boolean {
  const result = ctx
    .statement(
      `UPDATE instances SET campaign_id = ?, scope = ?, school_id = ?, office_path = ?, district_id = ?,
         school_type = ?, status = ?, version = ?, created_at = ?, updated_at = ?, doc = ?
       WHERE id = ? AND version = ?`,
    )
    .run(...instanceColumns(instance), instance.id, expectedVersion);
  if (result.changes === 0) return false;
  for (const table of ['open_tasks', 'task_keys', 'task_groups', 'awaited_messages']) {
    ctx.statement(`DELETE FROM ${table} WHERE instance_id = ?`).run(instance.id);
  }
  // Timers are upserted, not rewritten, so a lease taken by a scheduler survives unrelated steps.
  ctx
    .statement(
      'DELETE FROM timers WHERE instance_id = ? AND timer_id NOT IN (SELECT value FROM json_each(?))',
    )
    .run(instance.id, JSON.stringify(instance.timers.map((timer) => timer.id)));
  insertTaskRows(ctx, instance);
  upsertTimerRows(ctx, instance);
  insertMessageRows(ctx, instance);
  return true;
}

function instanceColumns(instance: Instance): unknown[] {
  return [
    instance.campaignId,
    instance.scope,
    instance.schoolId,
    instance.officePath,
    instance.districtId,
    instance.schoolType,
    instance.status,
    instance.version,
    instance.createdAt,
    instance.updatedAt,
    JSON.stringify(instance),
  ];
}

function insertTaskRows(ctx: SqliteContext, instance: Instance): void {
  if (instance.tasks.length === 0) return;
  const insertTask = ctx.statement(
    `INSERT INTO open_tasks (task_id, instance_id, campaign_id, school_id, district_id, office_path, assignee,
       due_at, created_at, view) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertKey = ctx.statement(
    'INSERT OR IGNORE INTO task_keys (instance_id, task_id, key, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertGroup = ctx.statement(
    'INSERT OR IGNORE INTO task_groups (instance_id, task_id, grp, created_at) VALUES (?, ?, ?, ?)',
  );
  for (const task of instance.tasks) {
    insertTask.run(
      task.id,
      instance.id,
      instance.campaignId,
      instance.schoolId,
      instance.districtId,
      instance.officePath,
      task.assignee,
      task.dueAt,
      task.createdAt,
      JSON.stringify(taskViewOf(instance, task)),
    );
    for (const key of task.audience) insertKey.run(instance.id, task.id, key, task.createdAt);
    for (const group of task.candidateGroups) insertGroup.run(instance.id, task.id, group, task.createdAt);
  }
}

function upsertTimerRows(ctx: SqliteContext, instance: Instance): void {
  if (instance.timers.length === 0) return;
  // In SET, column names refer to the row as it was: a lease survives only if the due time is unchanged.
  const upsert = ctx.statement(
    `INSERT INTO timers (instance_id, timer_id, element_id, execution_id, due_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (instance_id, timer_id) DO UPDATE SET
       element_id = excluded.element_id, execution_id = excluded.execution_id, due_at = excluded.due_at,
       lease_owner = CASE WHEN due_at = excluded.due_at THEN lease_owner END,
       lease_until = CASE WHEN due_at = excluded.due_at THEN lease_until END`,
  );
  for (const timer of instance.timers) {
    upsert.run(instance.id, timer.id, timer.elementId, timer.executionId, timer.dueAt);
  }
}

function insertMessageRows(ctx: SqliteContext, instance: Instance): void {
  if (instance.messages.length === 0) return;
  const insert = ctx.statement(
    `INSERT INTO awaited_messages (instance_id, execution_id, element_id, name, correlation_key)
     VALUES (?, ?, ?, ?, ?)`,
  );
  for (const message of instance.messages) {
    insert.run(instance.id, message.executionId, message.elementId, message.name, message.correlationKey);
  }
}
