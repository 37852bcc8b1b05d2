import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorOf, requireScope } from '../plugins/authentication.js';
import { IdParamsSchema } from '../schemas/common.js';
import { problems } from '../schemas/problem.js';
import {
  CreateUserBodySchema,
  ResetPasswordBodySchema,
  UpdateUserBodySchema,
  UserDetailSchema,
  UserListQuerySchema,
  UserListSchema,
  UserViewSchema,
} from '../schemas/users.js';
import { toUserView } from './auth.js';

const tags = ['用户'];

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { users } = app.services;

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: '用户列表（督导室：本级及下级的督导室用户、督学；或某校的学校用户）',
        querystring: UserListQuerySchema,
        response: { 200: UserListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const page = await users.list(await requireScope(request, 'office'), request.query);
      return { items: page.items.map(toUserView), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: '创建用户（督导室）',
        body: CreateUserBodySchema,
        response: { 201: Type.Object({ user: UserViewSchema }), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = await users.create(await requireScope(request, 'office'), actorOf(request), request.body);
      return reply.code(201).send({ user: toUserView(user) });
    },
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: '用户详情（督导室）',
        params: IdParamsSchema,
        response: { 200: UserDetailSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const { user, lockedForSeconds } = await users.get(
        await requireScope(request, 'office'),
        request.params.id,
      );
      return { user: toUserView(user), lockedForSeconds };
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: '修改用户姓名或身份（专职/兼职督学、校长/联络员；督导室）',
        params: IdParamsSchema,
        body: UpdateUserBodySchema,
        response: { 200: Type.Object({ user: UserViewSchema }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = await users.update(
        await requireScope(request, 'office'),
        actorOf(request),
        request.params.id,
        request.body,
      );
      return { user: toUserView(user) };
    },
  );

  app.post(
    '/api/users/:id/password',
    {
      schema: {
        tags,
        summary: '重置用户密码（督导室；该用户的会话全部失效）',
        params: IdParamsSchema,
        body: ResetPasswordBodySchema,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await users.resetPassword(
        await requireScope(request, 'office'),
        actorOf(request),
        request.params.id,
        request.body.password,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/users/:id/unlock',
    {
      schema: {
        tags,
        summary: '解除登录锁定（督导室）',
        params: IdParamsSchema,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await users.unlock(await requireScope(request, 'office'), actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
