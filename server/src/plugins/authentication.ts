import type { Role, User } from '@ddt/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../audit/audit-log.js';
import type { ActiveSession, Sessions } from '../auth/sessions.js';
import { errors } from '../errors/app-error.js';
import type { AccessScope } from '../scope/access-scope.js';

export const SESSION_COOKIE = 'ddt_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    session: ActiveSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** API routes open without a session; every other API route answers 401 before it reads its input. */
const PUBLIC_ROUTES = new Set(['POST /api/auth/login', 'POST /api/auth/logout']);

/**
 * Resolves the session cookie to a user on every request and refuses API routes without one (401,
 * before validation, so an anonymous caller learns nothing about a route's input); routes then ask for
 * a role or the user's scope. A state-changing request that names another origin is refused (the SameSite cookie
 * already keeps cross-site forms out; this also covers old browsers).
 */
export const authentication = fp(
  async (app: FastifyInstance, options: { sessions: Sessions }) => {
    app.decorateRequest('user', null);
    app.decorateRequest('session', null);
    app.addHook('onRequest', async (request) => {
      if (!SAFE_METHODS.has(request.method) && !sameOrigin(request)) throw errors.badOrigin();
      const session = await options.sessions.resolve(request.cookies[SESSION_COOKIE], Date.now());
      request.session = session;
      request.user = session?.user ?? null;
      const route = request.routeOptions.url;
      if (!request.user && route?.startsWith('/api/') && !PUBLIC_ROUTES.has(`${request.method} ${route}`))
        throw errors.unauthenticated();
    });
  },
  { name: 'authentication', dependencies: ['services', '@fastify/cookie'] },
);

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function requireUser(request: FastifyRequest): User {
  if (!request.user) throw errors.unauthenticated();
  return request.user;
}

export function requireRole(request: FastifyRequest, ...roles: Role[]): User {
  const user = requireUser(request);
  if (!roles.includes(user.role)) throw errors.forbidden();
  return user;
}

/** The signed-in user's scope; `roles` narrows who may call the route at all (403 for others). */
export async function requireScope(request: FastifyRequest, ...roles: Role[]): Promise<AccessScope> {
  const user = roles.length > 0 ? requireRole(request, ...roles) : requireUser(request);
  return request.server.services.scopes.of(user);
}

/** Who is acting, for the audit log. */
export function actorOf(request: FastifyRequest): Actor {
  return { user: request.user, requestId: String(request.id), ip: request.ip ?? null };
}
