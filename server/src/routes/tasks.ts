import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireUser } from '../plugins/authentication.js';
import { problems } from '../schemas/problem.js';
import {
  CompleteTaskBodySchema,
  CompleteTaskResultSchema,
  PageQuerySchema,
  TaskDetailSchema,
  TaskIdParamsSchema,
  TaskListSchema,
} from '../schemas/tasks.js';

export const taskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/tasks',
    {
      schema: {
        tags: ['任务'],
        summary: '我的待办任务',
        querystring: PageQuerySchema,
        response: { 200: TaskListSchema, ...problems(400, 401) },
      },
    },
    async (request) =>
      app.services.tasks.list(requireUser(request), request.query.limit, request.query.cursor),
  );

  app.get(
    '/api/tasks/:id',
    {
      schema: {
        tags: ['任务'],
        summary: '任务详情（含表单）',
        params: TaskIdParamsSchema,
        response: { 200: TaskDetailSchema, ...problems(401, 404) },
      },
    },
    async (request) => app.services.tasks.get(requireUser(request), request.params.id),
  );

  app.post(
    '/api/tasks/:id/complete',
    {
      schema: {
        tags: ['任务'],
        summary: '提交任务',
        params: TaskIdParamsSchema,
        body: CompleteTaskBodySchema,
        response: { 200: CompleteTaskResultSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request) =>
      app.services.tasks.complete(requireUser(request), request.params.id, request.body.data),
  );
};
