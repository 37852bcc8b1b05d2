import type { ProgramManifest } from '@ddt/program';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireRole, requireUser } from '../plugins/authentication.js';
import {
  LaunchBodySchema,
  LaunchResultSchema,
  ProgramKeyParamsSchema,
  ProgramListSchema,
} from '../schemas/campaigns.js';
import { problems } from '../schemas/problem.js';

export const programRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/programs',
    {
      schema: {
        tags: ['督导项目'],
        summary: '已发布的督导项目（每个项目的最新版本）',
        response: { 200: ProgramListSchema, ...problems(401) },
      },
    },
    async (request) => {
      requireUser(request);
      const latest = new Map<string, { key: string; name: string; version: number; description: string }>();
      for (const version of await app.services.store.listProgramVersions()) {
        if (version.status !== 'active' || (latest.get(version.key)?.version ?? 0) > version.version)
          continue;
        const manifest = version.manifest as unknown as ProgramManifest;
        latest.set(version.key, {
          key: version.key,
          name: version.name,
          version: version.version,
          description: manifest.description,
        });
      }
      return { items: [...latest.values()].sort((a, b) => a.key.localeCompare(b.key)) };
    },
  );

  app.post(
    '/api/programs/:key/launch',
    {
      schema: {
        tags: ['督导任务批次'],
        summary: '向学校下发督导任务（最新发布版本）',
        params: ProgramKeyParamsSchema,
        body: LaunchBodySchema,
        response: { 201: LaunchResultSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'office');
      const { campaign, launched } = await app.services.launcher.launch({
        programKey: request.params.key,
        title: request.body.title,
        schoolIds: request.body.schoolIds,
        deadline: request.body.deadline ?? null,
        params: request.body.params ?? {},
        actor,
      });
      return reply.code(201).send({ campaignId: campaign.id, launched });
    },
  );
};
