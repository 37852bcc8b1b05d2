import type { User } from '@ddt/store';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { verifyPassword } from '../auth/password.js';
import type { SessionTokens } from '../auth/session-token.js';
import { errors } from '../errors/app-error.js';
import { requireUser, SESSION_COOKIE } from '../plugins/authentication.js';
import { problems } from '../schemas/problem.js';
import { LoginBodySchema, type UserView, UserViewSchema } from '../schemas/users.js';

export const authRoutes: FastifyPluginAsyncTypebox<{
  tokens: SessionTokens;
  secureCookies: boolean;
}> = async (app, options) => {
  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['账号'],
        summary: '登录',
        body: LoginBodySchema,
        response: { 200: Type.Object({ user: UserViewSchema }), ...problems(400, 401) },
      },
    },
    async (request, reply) => {
      const user = await app.services.store.getUserByUsername(request.body.username);
      // Verify even for unknown users would leak less timing; the hash check dominates either way.
      if (!user || !(await verifyPassword(user.passwordHash, request.body.password)))
        throw errors.badCredentials();
      const token = options.tokens.issue(user.id, Date.now());
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
      });
      return { user: toUserView(user) };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['账号'], summary: '退出登录', response: { 204: Type.Null() } } },
    async (_request, reply) => {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
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
    officeId: user.officeId,
    schoolId: user.schoolId,
  };
}
