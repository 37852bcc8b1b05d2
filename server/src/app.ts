import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { LoginService } from './auth/login-service.js';
import { SessionTokens } from './auth/session-token.js';
import { Sessions } from './auth/sessions.js';
import { errors } from './errors/app-error.js';
import { authentication } from './plugins/authentication.js';
import { openApi } from './plugins/open-api.js';
import { problemDetails, sendProblem } from './plugins/problem-details.js';
import { securityHeaders } from './plugins/security-headers.js';
import { type Services, services } from './plugins/services.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { campaignRoutes } from './routes/campaigns.js';
import { conflictRoutes } from './routes/conflicts.js';
import { fileRoutes } from './routes/files.js';
import { importRoutes } from './routes/imports.js';
import { notificationRoutes } from './routes/notifications.js';
import { officeRoutes } from './routes/offices.js';
import { programRoutes } from './routes/programs.js';
import { schoolRoutes } from './routes/schools.js';
import { submissionRoutes } from './routes/submissions.js';
import { taskRoutes } from './routes/tasks.js';
import { userRoutes } from './routes/users.js';

export interface AppOptions {
  services: Services;
  /** Signs session cookies; keep it stable across restarts (the server entry stores one in DATA_DIR). */
  sessionSecret: string;
  /** The built designer, served at `/`; absent in API-only tests. */
  designerDir?: string | null;
  secureCookies?: boolean;
  /** See `SecurityHeaderOptions.designerScriptEval`. Default true until the designer sets Form.io's noeval. */
  designerScriptEval?: boolean;
  /** Login and password-change attempts allowed per client address and username. Default 20 a minute. */
  loginRateLimit?: { max: number; timeWindowMs: number };
}

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const BODY_LIMIT = 2 * 1024 * 1024;

/** The whole platform as one Fastify plugin. `listen()` lives only in the server entry. */
export async function platform(app: FastifyInstance, options: AppOptions): Promise<void> {
  const { store, audit, now } = options.services;
  const sessions = new Sessions(store, new SessionTokens(options.sessionSecret, SESSION_TTL_MS), audit);
  const logins = new LoginService(store, sessions, audit, now);

  // The API speaks JSON (and multipart for uploads); a text body is refused (415), not parsed.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(problemDetails);
  await app.register(securityHeaders, { designerScriptEval: options.designerScriptEval ?? true });
  await app.register(openApi);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fields: 20, files: 110, parts: 200, fieldSize: 64 * 1024 } });
  await app.register(services, { services: options.services });
  await app.register(authentication, { sessions });
  await app.register(authRoutes, {
    logins,
    secureCookies: options.secureCookies ?? false,
    rateLimit: options.loginRateLimit ?? { max: 20, timeWindowMs: 60_000 },
  });
  await app.register(userRoutes);
  await app.register(officeRoutes);
  await app.register(schoolRoutes);
  await app.register(conflictRoutes);
  await app.register(importRoutes);
  await app.register(programRoutes);
  await app.register(campaignRoutes);
  await app.register(taskRoutes);
  await app.register(fileRoutes);
  await app.register(submissionRoutes);
  await app.register(notificationRoutes);
  await app.register(auditRoutes);

  const designerDir = options.designerDir;
  const serveDesigner = Boolean(designerDir && existsSync(join(designerDir, 'index.html')));
  if (serveDesigner) await app.register(fastifyStatic, { root: designerDir as string, wildcard: false });
  // Client-side routes fall back to the app shell; unknown API paths stay problem+json 404s.
  app.setNotFoundHandler((request, reply) => {
    if (serveDesigner && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.sendFile('index.html');
    }
    return sendProblem(reply, errors.routeNotFound(), request.url);
  });
}

export interface ServerOptions extends AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** Trust `X-Forwarded-For` from a reverse proxy (the audit log records the client's address). */
  trustProxy?: boolean;
}

export function createServer(options: ServerOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    // Task ids are `${campaignId}:${schoolId}:${executionId}`, longer than Fastify's default of 100.
    routerOptions: { maxParamLength: 400 },
    trustProxy: options.trustProxy ?? false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.register(platform, options);
  return app;
}
