import type { Document } from 'mongodb';
import type { TaskView } from '../contract/queries.js';
import type { OpenTask } from '../contract/records.js';
import { type TaskViewInstanceFields, taskViewOf } from '../instances/task-view.js';
import { type CursorKey, decodeCursor, pageOf } from '../pagination/cursor.js';
import type { MongoContext } from './context.js';
import { keysetAfter } from './find-page.js';

/** The instance fields a task list needs; the engine state never leaves the server. */
const VIEW_PROJECTION = {
  campaignId: 1,
  programKey: 1,
  programVersion: 1,
  scope: 1,
  schoolId: 1,
  districtId: 1,
  schoolType: 1,
  officePath: 1,
  version: 1,
  tasks: 1,
};

/** Prefixes the field names of a filter written for one task (logical operators recurse). */
function onPath(filter: Document, prefix: string): Document {
  const out: Document = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$or' || key === '$and')
      out[key] = (value as Document[]).map((clause) => onPath(clause, prefix));
    else out[`${prefix}${key}`] = value;
  }
  return out;
}

export function taskViewFromDoc(doc: Document, task: OpenTask): TaskView {
  const instance: TaskViewInstanceFields = {
    id: doc._id as string,
    version: doc.version as number,
    campaignId: doc.campaignId as string,
    programKey: doc.programKey as string,
    programVersion: doc.programVersion as number,
    scope: doc.scope as TaskViewInstanceFields['scope'],
    schoolId: doc.schoolId as string | null,
    districtId: doc.districtId as string | null,
    schoolType: doc.schoolType as TaskViewInstanceFields['schoolType'],
    officePath: doc.officePath as string,
  };
  return taskViewOf(instance, task);
}

export interface TaskQuery {
  /** Conditions on the instance document. */
  instance: Document;
  /** Conditions on one task, with task-relative field names (`audience`, `dueAt`, …). */
  task: Document;
  /** The task fields of the unique sort key: `createdAt, id` or `dueAt, id`. */
  sort: readonly [string, 'id'];
  limit: number;
  cursor: string | null | undefined;
}

/**
 * Open tasks as a page: instances with a matching task are found through the task indexes
 * (`$elemMatch`, so one task must meet every condition), unwound to one row per task, matched again
 * per task, sorted by the page key and cut to the page.
 */
export async function findTaskPage(
  ctx: MongoContext,
  query: TaskQuery,
): Promise<{ items: TaskView[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, 2);
  const [first] = query.sort;
  // A range on the first sort field lets the planner start from the matching `tasks_*` index even when
  // nothing else narrows the query.
  const task: Document = { ...query.task };
  if (after) Object.assign(task, keysetAfter(query.sort, after));
  if (task[first] === undefined) task[first] = { $gte: after ? after[0] : '' };
  else if (after) task.$and = [{ [first]: task[first] }, { [first]: { $gte: after[0] } }];
  const pipeline: Document[] = [
    { $match: { ...query.instance, tasks: { $elemMatch: task } } },
    { $project: VIEW_PROJECTION },
    { $unwind: '$tasks' },
    { $match: onPath(task, 'tasks.') },
    { $sort: Object.fromEntries(query.sort.map((field) => [`tasks.${field}`, 1])) },
    { $limit: query.limit + 1 },
  ];
  const docs = await ctx.collection('instances').aggregate(pipeline, { allowDiskUse: true }).toArray();
  const views = docs.map((doc) => taskViewFromDoc(doc, doc.tasks as OpenTask));
  return pageOf(views, query.limit, (view): CursorKey => [view[first as 'createdAt'] as string, view.id]);
}
