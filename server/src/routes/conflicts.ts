import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorOf, requireScope } from '../plugins/authentication.js';
import { problems } from '../schemas/problem.js';
import {
  ConflictListQuerySchema,
  ConflictListSchema,
  ConflictParamsSchema,
  DeclareConflictBodySchema,
  DeclareConflictResultSchema,
} from '../schemas/schools.js';

const tags = ['回避'];

export const conflictRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { conflicts } = app.services;

  app.get(
    '/api/conflicts',
    {
      schema: {
        tags,
        summary: '回避记录（督学：本人；督导室：某督学或某校）',
        querystring: ConflictListQuerySchema,
        response: { 200: ConflictListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: await conflicts.list(await requireScope(request), request.query) }),
  );

  app.post(
    '/api/conflicts',
    {
      schema: {
        tags,
        summary: '声明回避（督学为本人声明；督导室为下属督学登记）',
        description: '立即生效：该督学不再看到该校及其任务；此后下发的督导任务改由同一责任区的其他督学承担。',
        body: DeclareConflictBodySchema,
        response: { 201: DeclareConflictResultSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const result = await conflicts.declare(await requireScope(request), actorOf(request), request.body);
      return reply.code(201).send(result);
    },
  );

  app.delete(
    '/api/conflicts/:inspectorId/:schoolId',
    {
      schema: {
        tags,
        summary: '撤销回避（督导室）',
        params: ConflictParamsSchema,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await conflicts.remove(
        await requireScope(request, 'office'),
        actorOf(request),
        request.params.inspectorId,
        request.params.schoolId,
      );
      return reply.code(204).send(null);
    },
  );
};
