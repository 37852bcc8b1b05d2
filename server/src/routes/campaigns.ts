import type { Campaign, ProgressDimension } from '@ddt/store';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { LaunchResult } from '../campaigns/campaign-launcher.js';
import { actorOf, requireScope } from '../plugins/authentication.js';
import {
  CampaignIdParamsSchema,
  CampaignLaunchBodySchema,
  CampaignListQuerySchema,
  CampaignListSchema,
  CampaignViewSchema,
  CancelBodySchema,
  CancelResultSchema,
  LaunchPreviewSchema,
  LaunchResultSchema,
  NotSubmittedListSchema,
  OverdueListSchema,
  ProgressQuerySchema,
  ProgressRowsSchema,
  RemindBodySchema,
  RemindResultSchema,
} from '../schemas/campaigns.js';
import { PageQuerySchema } from '../schemas/common.js';
import { problems } from '../schemas/problem.js';
import { NameCache } from '../tasks/task-summary.js';

const tags = ['督导任务批次'];
const DAY_MS = 24 * 3600 * 1000;

export const campaignRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { monitor, launcher, planner, store } = app.services;

  app.get(
    '/api/campaigns',
    {
      schema: {
        tags,
        summary: '本级及下级发起的督导任务批次，最新在前（督导室）',
        querystring: CampaignListQuerySchema,
        response: { 200: CampaignListSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await monitor.list(await requireScope(request, 'office'), request.query);
      return { items: page.items.map(toCampaignSummary), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/campaigns/preview',
    {
      schema: {
        tags,
        summary: '下发预览：对象学校数、分布和督学安排，不写入任何数据（督导室）',
        body: CampaignLaunchBodySchema,
        response: { 200: LaunchPreviewSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const plan = await planner.plan(await requireScope(request, 'office'), request.body);
      const byType = new Map<string, number>();
      const byDistrict = new Map<string, number>();
      for (const school of plan.schools) {
        byType.set(school.type, (byType.get(school.type) ?? 0) + 1);
        byDistrict.set(school.districtId, (byDistrict.get(school.districtId) ?? 0) + 1);
      }
      return {
        programKey: plan.program.key,
        programVersion: plan.program.version,
        count: plan.schools.length,
        excludedByType: plan.excludedByType,
        byType: [...byType].map(([type, count]) => ({ type, count })),
        byDistrict: [...byDistrict].map(([districtId, count]) => ({ districtId, count })),
        params: plan.params,
        deadline: plan.deadline,
        assignments: plan.assignments,
      };
    },
  );

  app.post(
    '/api/campaigns',
    {
      schema: {
        tags,
        summary: '下发督导任务：按范围、责任区、学校类型、办学性质或名单选择学校（督导室）',
        description: '责任督学按挂牌安排；声明回避的督学不会被安排，结果中列出改派和未安排的学校。',
        body: CampaignLaunchBodySchema,
        response: { 201: LaunchResultSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await launcher.launch(
        await requireScope(request, 'office'),
        actorOf(request),
        request.body,
      );
      return reply.code(201).send(toLaunchResult(result));
    },
  );

  app.get(
    '/api/campaigns/:id',
    {
      schema: {
        tags,
        summary: '督导任务批次及进度（督导室）',
        params: CampaignIdParamsSchema,
        response: { 200: CampaignViewSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const campaign = await monitor.get(await requireScope(request, 'office'), request.params.id);
      return { campaign: toCampaignSummary(campaign), progress: await monitor.statusCounts(campaign) };
    },
  );

  app.get(
    '/api/campaigns/:id/progress',
    {
      schema: {
        tags,
        summary: '进度统计：按状态 × 责任区 × 学校类型计数（督导室）',
        params: CampaignIdParamsSchema,
        querystring: ProgressQuerySchema,
        response: { 200: ProgressRowsSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const scope = await requireScope(request, 'office');
      const groupBy = [...new Set(request.query.groupBy.split(','))] as ProgressDimension[];
      const rows = await monitor.progress(scope, request.params.id, groupBy);
      const districtNames = await namesOfDistricts(rows.flatMap((row) => row.districtId ?? []));
      return {
        rows: rows.map((row) => ({
          ...(row.status ? { status: row.status } : {}),
          ...(row.districtId
            ? { districtId: row.districtId, districtName: districtNames.get(row.districtId) ?? '' }
            : {}),
          ...(row.schoolType ? { schoolType: row.schoolType } : {}),
          count: row.count,
        })),
      };
    },
  );

  /** 责任区 names: a district is known through its county office, found from one of its schools. */
  async function namesOfDistricts(ids: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of new Set(ids)) {
      if (names.has(id)) continue;
      const school = (await store.findSchools({ districtId: id, limit: 1 })).items[0];
      if (!school) continue;
      for (const district of await store.listDistricts(school.officeId))
        names.set(district.id, district.name);
    }
    return names;
  }

  app.get(
    '/api/campaigns/:id/overdue',
    {
      schema: {
        tags,
        summary: '逾期未办任务，最久逾期在前（督导室）',
        params: CampaignIdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: OverdueListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const page = await monitor.overdue(
        await requireScope(request, 'office'),
        request.params.id,
        request.query,
      );
      const names = new NameCache(store);
      const now = app.services.now().getTime();
      const items = [];
      for (const task of page.items) {
        items.push({
          taskId: task.id,
          name: task.name,
          schoolId: task.schoolId,
          schoolName: task.schoolId ? await names.school(task.schoolId) : null,
          districtId: task.districtId,
          dueAt: task.dueAt ?? '',
          overdueDays: Math.floor((now - new Date(task.dueAt ?? now).getTime()) / DAY_MS),
        });
      }
      return { items, nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/campaigns/:id/not-submitted',
    {
      schema: {
        tags,
        summary: '未提交名单：第一项任务仍未完成的学校（督导室；每页可能少于 limit 条）',
        params: CampaignIdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: NotSubmittedListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const page = await monitor.notSubmitted(
        await requireScope(request, 'office'),
        request.params.id,
        request.query,
      );
      const names = new NameCache(store);
      const items = [];
      for (const instance of page.items) {
        items.push({
          schoolId: instance.schoolId ?? '',
          schoolName: instance.schoolId ? await names.school(instance.schoolId) : '',
          districtId: instance.districtId,
          taskName: instance.tasks[0]?.name ?? '',
          dueAt: instance.tasks[0]?.dueAt ?? null,
        });
      }
      return { items, nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/campaigns/:id/remind',
    {
      schema: {
        tags,
        summary: '一键催办：向未提交名单中的每所学校发站内通知（督导室）',
        params: CampaignIdParamsSchema,
        body: RemindBodySchema,
        response: { 200: RemindResultSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      monitor.remindAll(
        await requireScope(request, 'office'),
        actorOf(request),
        request.params.id,
        request.body.message,
      ),
  );

  app.post(
    '/api/campaigns/:id/cancel',
    {
      schema: {
        tags,
        summary: '撤销督导任务批次：所有进行中的实例取消，任务从待办中移除（督导室）',
        params: CampaignIdParamsSchema,
        body: CancelBodySchema,
        response: { 200: CancelResultSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      monitor.cancel(
        await requireScope(request, 'office'),
        actorOf(request),
        request.params.id,
        request.body.reason,
      ),
  );
};

export function toCampaignSummary(campaign: Campaign) {
  return {
    id: campaign.id,
    title: campaign.title,
    programKey: campaign.programKey,
    programVersion: campaign.programVersion,
    createdAt: campaign.createdAt,
    deadline: campaign.deadline,
    targetCount: campaign.targetCount,
    status: campaign.status,
    officeId: campaign.officeId,
    semester: typeof campaign.params.semester === 'string' ? campaign.params.semester : null,
    params: campaign.params,
  };
}

export function toLaunchResult(result: LaunchResult) {
  return {
    campaignId: result.campaign.id,
    launched: result.launched,
    failed: result.failed,
    assignments: result.assignments,
  };
}
