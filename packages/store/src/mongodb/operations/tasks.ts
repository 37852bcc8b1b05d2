import type { Document } from 'mongodb';
import {
  CampaignProgressOptionsSchema,
  FindOverdueTasksArgsSchema,
  FindTasksArgsSchema,
  ProgressGroupBySchema,
} from '../../contract/queries.js';
import { Id, type OpenTask } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { prefixRange } from '../../queries/prefix-range.js';
import { progressRowOf } from '../../queries/progress-row.js';
import { assertValid } from '../../validation/assert-valid.js';
import type { MongoContext } from '../context.js';
import { findTaskPage, taskViewFromDoc } from '../task-pipeline.js';

type TaskOps = Pick<Store, 'findTasks' | 'getTask' | 'findOverdueTasks' | 'campaignProgress'>;

export function taskOps(ctx: MongoContext): TaskOps {
  const instances = ctx.collection('instances');
  return {
    async findTasks(args) {
      assertValid(FindTasksArgsSchema, args, '任务查询');
      if (args.audience?.length === 0) return { items: [], nextCursor: null };
      const instance: Document = {};
      if (args.campaignId !== undefined) instance.campaignId = args.campaignId;
      if (args.schoolId !== undefined) instance.schoolId = args.schoolId;
      const task: Document = {};
      if (args.audience !== undefined) task.audience = { $in: args.audience };
      if (args.candidateGroup !== undefined) task.candidateGroups = args.candidateGroup;
      if (args.assignee !== undefined) task.assignee = args.assignee;
      if (args.dueBefore !== undefined || args.dueAfter !== undefined) {
        task.dueAt = {
          ...(args.dueBefore === undefined ? {} : { $lt: args.dueBefore }),
          ...(args.dueAfter === undefined ? { $ne: null } : { $gte: args.dueAfter }),
        };
      }
      return findTaskPage(ctx, {
        instance,
        task,
        sort: ['createdAt', 'id'],
        limit: args.limit,
        cursor: args.cursor,
      });
    },
    async getTask(taskId) {
      assertValid(Id, taskId, '任务编号');
      const doc = await instances.findOne(
        { 'tasks.id': taskId },
        { projection: { stateJson: 0, timers: 0, messages: 0, incidents: 0, history: 0 } },
      );
      const task = (doc?.tasks as OpenTask[] | undefined)?.find((t) => t.id === taskId);
      return doc && task ? taskViewFromDoc(doc, task) : null;
    },
    async findOverdueTasks(args) {
      assertValid(FindOverdueTasksArgsSchema, args, '逾期任务查询');
      const instance: Document = {};
      if (args.campaignId !== undefined) instance.campaignId = args.campaignId;
      if (args.districtId !== undefined) instance.districtId = args.districtId;
      if (args.schoolId !== undefined) instance.schoolId = args.schoolId;
      if (args.officePathPrefix !== undefined) {
        const range = prefixRange(args.officePathPrefix);
        instance.officePath = { $gte: range.from, $lt: range.to };
      }
      // `$gte: ''` keeps tasks without a due date (null) out: null sorts before every string.
      const task = { dueAt: { $gte: '', $lt: args.now } };
      return findTaskPage(ctx, {
        instance,
        task,
        sort: ['dueAt', 'id'],
        limit: args.limit,
        cursor: args.cursor,
      });
    },
    async campaignProgress(campaignId, groupBy, options = {}) {
      assertValid(Id, campaignId, '督导任务编号');
      assertValid(ProgressGroupBySchema, groupBy, '统计维度');
      assertValid(CampaignProgressOptionsSchema, options, '统计选项');
      const match: Document = { campaignId };
      if (options.scope !== undefined) match.scope = options.scope;
      const key = Object.fromEntries(
        groupBy.map((dimension, i) => [`d${i}`, { $ifNull: [`$${dimension}`, null] }]),
      );
      const pipeline: Document[] = [
        { $match: match },
        { $group: { _id: groupBy.length ? key : null, count: { $sum: 1 } } },
        ...(groupBy.length ? [{ $sort: Object.fromEntries(groupBy.map((_, i) => [`_id.d${i}`, 1])) }] : []),
      ];
      const groups = await instances.aggregate(pipeline).toArray();
      // Without dimensions the answer is one total, even for an empty campaign (as in SQL).
      if (groupBy.length === 0 && groups.length === 0) return [{ count: 0 }];
      return groups.map((group) =>
        progressRowOf(
          groupBy,
          groupBy.map((_, i) => (group._id as Record<string, unknown> | null)?.[`d${i}`]),
          group.count as number,
        ),
      );
    },
  };
}
