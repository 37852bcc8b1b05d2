import type { Instance } from '../contract/records.js';
import { taskViewOf } from '../instances/task-view.js';
import type { SqliteContext } from './context.js';

/**
 * Writes an instance's row and its side rows (open tasks and their audience keys). Callers run this
 * inside one transaction, so the side tables always match the instance row they were derived from.
 */
export function insertInstanceRow(ctx: SqliteContext, instance: Instance): void {
  ctx
    .statement(
      `INSERT INTO instances (id, campaign_id, scope, school_id, office_path, district_id, school_type, status,
         version, created_at, updated_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      instance.id,
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
    );
  insertSideRows(ctx, instance);
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
    .run(
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
      instance.id,
      expectedVersion,
    );
  if (result.changes === 0) return false;
  deleteSideRows(ctx, instance.id);
  insertSideRows(ctx, instance);
  return true;
}

function insertSideRows(ctx: SqliteContext, instance: Instance): void {
  const insertTask = ctx.statement(
    `INSERT INTO open_tasks (task_id, instance_id, campaign_id, school_id, district_id, office_path, assignee,
       due_at, created_at, view) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertKey = ctx.statement(
    'INSERT OR IGNORE INTO task_keys (instance_id, task_id, key, created_at) VALUES (?, ?, ?, ?)',
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
  }
}

function deleteSideRows(ctx: SqliteContext, instanceId: string): void {
  ctx.statement('DELETE FROM open_tasks WHERE instance_id = ?').run(instanceId);
  ctx.statement('DELETE FROM task_keys WHERE instance_id = ?').run(instanceId);
}
