import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { SessionTokens } from './auth/session-token.js';
import { errors } from './errors/app-error.js';
import { authentication } from './plugins/authentication.js';
import { problemDetails, sendProblem } from './plugins/problem-details.js';
import { type Services, services } from './plugins/services.js';
import { authRoutes } from './routes/auth.js';
import { campaignRoutes } from './routes/campaigns.js';
import { programRoutes } from './routes/programs.js';
import { schoolRoutes } from './routes/schools.js';
import { taskRoutes } from './routes/tasks.js';

export interface AppOptions {
  services: Services;
  /** Signs session cookies; keep it stable across restarts (the server entry stores one in DATA_DIR). */
  sessionSecret: string;
  /** The built designer, served at `/`; absent in API-only tests. */
  designerDir?: string | null;
  secureCookies?: boolean;
}

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** The whole platform as one Fastify plugin. `listen()` lives only in the server entry. */
export async function platform(app: FastifyInstance, options: AppOptions): Promise<void> {
  const tokens = new SessionTokens(options.sessionSecret, SESSION_TTL_MS);
  await app.register(problemDetails);
  await app.register(cookie);
  await app.register(services, { services: options.services });
  await app.register(authentication, { tokens });
  await app.register(authRoutes, { tokens, secureCookies: options.secureCookies ?? false });
  await app.register(taskRoutes);
  await app.register(programRoutes);
  await app.register(campaignRoutes);
  await app.register(schoolRoutes);

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

export function createServer(
  options: AppOptions & { logger?: FastifyServerOptions['logger'] },
): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.register(platform, options);
  return app;
}
