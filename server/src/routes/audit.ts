import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { officePathOf } from '../audit/audit-log.js';
import { requireScope } from '../plugins/authentication.js';
import { AuditListSchema, AuditQuerySchema } from '../schemas/audit.js';
import { problems } from '../schemas/problem.js';

/**
 * The audit log is read-only through the API: this is its only route. There is no route that changes
 * or deletes an event, so PUT, PATCH and DELETE on it answer 404.
 */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['审计'],
        summary: '审计日志，最新在前（督导室：本级及下级的事件；每页可能少于 limit 条）',
        querystring: AuditQuerySchema,
        response: { 200: AuditListSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const scope = await requireScope(request, 'office');
      const { limit, cursor, ...filters } = request.query;
      const page = await app.services.audit.find({ ...filters, limit, cursor: cursor ?? null });
      const root = scope.office?.parentId === null;
      return {
        items: page.items.filter((event) => {
          const path = officePathOf(event);
          return path ? scope.coversPath(path) : root;
        }),
        nextCursor: page.nextCursor,
      };
    },
  );
};
