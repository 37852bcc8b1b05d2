import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, requireUser } from '../plugins/authentication.js';
import { problems } from '../schemas/problem.js';
import {
  ClaimResultSchema,
  CompleteTaskBodySchema,
  CompleteTaskResultSchema,
  DraftBodySchema,
  DraftResultSchema,
  ReturnBodySchema,
  ReturnResultSchema,
  TaskDetailSchema,
  TaskIdParamsSchema,
  TaskListQuerySchema,
  TaskListSchema,
} from '../schemas/tasks.js';

const tags = ['任务'];

export const taskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { tasks } = app.services;

  app.get(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: '我的任务：待办（默认）或已办；可按督导项目、批次、是否逾期筛选',
        description: '筛选在每页内进行，一页可能少于 limit 条；有 nextCursor 就继续翻页。',
        querystring: TaskListQuerySchema,
        response: { 200: TaskListSchema, ...problems(400, 401) },
      },
    },
    async (request) => tasks.list(requireUser(request), request.query),
  );

  app.get(
    '/api/tasks/:id',
    {
      schema: {
        tags,
        summary: '任务详情：表单、草稿、本流程已完成的步骤和退回意见',
        params: TaskIdParamsSchema,
        response: { 200: TaskDetailSchema, ...problems(401, 404) },
      },
    },
    async (request) => tasks.get(requireUser(request), request.params.id),
  );

  app.put(
    '/api/tasks/:id/draft',
    {
      schema: {
        tags,
        summary: '保存草稿（不校验；重复保存以最后一次为准）',
        params: TaskIdParamsSchema,
        body: DraftBodySchema,
        response: { 200: DraftResultSchema, ...problems(400, 401, 404, 409, 413) },
      },
    },
    async (request) =>
      tasks.saveDraft(requireUser(request), actorOf(request), request.params.id, request.body.data),
  );

  app.post(
    '/api/tasks/:id/complete',
    {
      schema: {
        tags,
        summary: '提交任务（服务器校验表单、印证材料并计分）',
        params: TaskIdParamsSchema,
        body: CompleteTaskBodySchema,
        response: { 200: CompleteTaskResultSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request) =>
      tasks.complete(requireUser(request), actorOf(request), request.params.id, request.body.data),
  );

  app.post(
    '/api/tasks/:id/return',
    {
      schema: {
        tags,
        summary: '退回修改（流程中须有按 returned 变量退回的路径）',
        params: TaskIdParamsSchema,
        body: ReturnBodySchema,
        response: { 200: ReturnResultSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request) =>
      tasks.returnForRevision(
        requireUser(request),
        actorOf(request),
        request.params.id,
        request.body.comment,
      ),
  );

  app.post(
    '/api/tasks/:id/claim',
    {
      schema: {
        tags,
        summary: '认领组任务',
        params: TaskIdParamsSchema,
        response: { 200: ClaimResultSchema, ...problems(401, 404, 409) },
      },
    },
    async (request) => tasks.claim(requireUser(request), actorOf(request), request.params.id),
  );

  app.post(
    '/api/tasks/:id/unclaim',
    {
      schema: {
        tags,
        summary: '放弃认领（督导室可释放他人的认领）',
        params: TaskIdParamsSchema,
        response: { 200: ClaimResultSchema, ...problems(401, 404, 409) },
      },
    },
    async (request) => tasks.unclaim(requireUser(request), actorOf(request), request.params.id),
  );
};
