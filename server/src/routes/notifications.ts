import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireUser } from '../plugins/authentication.js';
import { PageQuerySchema } from '../schemas/common.js';
import { NotificationListSchema } from '../schemas/notifications.js';
import { problems } from '../schemas/problem.js';

export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['通知'],
        summary: '我的站内通知，最新在前（学校用户看到本校的通知）',
        querystring: PageQuerySchema,
        response: { 200: NotificationListSchema, ...problems(400, 401) },
      },
    },
    async (request) =>
      app.services.notifications.listFor(requireUser(request), request.query.limit, request.query.cursor),
  );
};
