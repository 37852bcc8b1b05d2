import type { Role, User } from '@ddt/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { SessionTokens } from '../auth/session-token.js';
import { errors } from '../errors/app-error.js';

export const SESSION_COOKIE = 'ddt_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
}

/** Resolves the session cookie to a user on every request; routes then ask for a user or a role. */
export const authentication = fp(
  async (app: FastifyInstance, options: { tokens: SessionTokens }) => {
    app.decorateRequest('user', null);
    app.addHook('onRequest', async (request) => {
      const claims = options.tokens.verify(request.cookies[SESSION_COOKIE], Date.now());
      request.user = claims ? await app.services.store.getUser(claims.userId) : null;
    });
  },
  { name: 'authentication', dependencies: ['services', '@fastify/cookie'] },
);

export function requireUser(request: FastifyRequest): User {
  if (!request.user) throw errors.unauthenticated();
  return request.user;
}

export function requireRole(request: FastifyRequest, ...roles: Role[]): User {
  const user = requireUser(request);
  if (!roles.includes(user.role)) throw errors.forbidden();
  return user;
}
