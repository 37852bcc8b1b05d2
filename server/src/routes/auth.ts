import type { User } from '@ddt/store';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IssuedSession, LoginService } from '../auth/login-service.js';
import { errors } from '../errors/app-error.js';
import { actorOf, requireUser, SESSION_COOKIE } from '../plugins/authentication.js';
import { problems } from '../schemas/problem.js';
import {
  ChangePasswordBodySchema,
  LoginBodySchema,
  type UserView,
  UserViewSchema,
} from '../schemas/users.js';

export interface AuthRouteOptions {
  logins: LoginService;
  secureCookies: boolean;
  /** Login and password-change attempts per client address and username. */
  rateLimit: { max: number; timeWindowMs: number };
}

export const authRoutes: FastifyPluginAsyncTypebox<AuthRouteOptions> = async (app, options) => {
  const rateLimit = {
    max: options.rateLimit.max,
    timeWindow: options.rateLimit.timeWindowMs,
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) =>
      `${request.ip}|${(request.body as { username?: unknown } | undefined)?.username ?? request.user?.username ?? ''}`,
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
      errors.rateLimited(Math.max(1, Math.ceil(context.ttl / 1000))),
  };

  const setSessionCookie = (reply: FastifyReply, session: IssuedSession) =>
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookies,
      maxAge: Math.floor((session.claims.expiresAt - session.claims.issuedAt) / 1000),
    });

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit },
      schema: {
        tags: ['账号'],
        summary: '登录（任何人）',
        description: '连续 5 次失败后该用户名锁定 15 分钟（AUTH_ERR_LOCKED）；同一地址与用户名每分钟限次。',
        body: LoginBodySchema,
        response: { 200: Type.Object({ user: UserViewSchema }), ...problems(400, 401, 423, 429) },
      },
    },
    async (request, reply) => {
      const session = await options.logins.login(
        actorOf(request),
        request.body.username,
        request.body.password,
      );
      setSessionCookie(reply, session);
      return { user: toUserView(session.user) };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['账号'], summary: '退出登录（本会话立即失效）', response: { 204: Type.Null() } } },
    async (request, reply) => {
      if (request.session) await options.logins.logout(actorOf(request), request.session);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { rateLimit },
      schema: {
        tags: ['账号'],
        summary: '修改本人密码（其他会话全部失效）',
        body: ChangePasswordBodySchema,
        response: { 200: Type.Object({ user: UserViewSchema }), ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const session = await options.logins.changePassword(
        actorOf(request),
        user,
        request.body.currentPassword,
        request.body.newPassword,
      );
      setSessionCookie(reply, session);
      return { user: toUserView(session.user) };
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['账号'],
        summary: '当前用户',
        response: { 200: Type.Object({ user: UserViewSchema }), ...problems(401) },
      },
    },
    async (request) => ({ user: toUserView(requireUser(request)) }),
  );
};

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    post: user.post ?? null,
    officeId: user.officeId,
    schoolId: user.schoolId,
  };
}
