import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors } from '../errors/app-error.js';
import { requireRole } from '../plugins/authentication.js';
import { CampaignIdParamsSchema, CampaignViewSchema } from '../schemas/campaigns.js';
import { problems } from '../schemas/problem.js';

export const campaignRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/campaigns/:id',
    {
      schema: {
        tags: ['督导任务批次'],
        summary: '督导任务批次及进度',
        params: CampaignIdParamsSchema,
        response: { 200: CampaignViewSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireRole(request, 'office');
      const { store } = app.services;
      const office = user.officeId ? await store.getOffice(user.officeId) : null;
      const campaign = await store.getCampaign(request.params.id);
      if (!campaign || !office || !campaign.officePath.startsWith(office.path))
        throw errors.campaignNotFound();
      const progress = { total: 0, running: 0, completed: 0, failed: 0, cancelled: 0 };
      for (const row of await store.campaignProgress(campaign.id, ['status'])) {
        progress.total += row.count;
        if (row.status) progress[row.status] += row.count;
      }
      return {
        campaign: {
          id: campaign.id,
          title: campaign.title,
          programKey: campaign.programKey,
          programVersion: campaign.programVersion,
          createdAt: campaign.createdAt,
          deadline: campaign.deadline,
          targetCount: campaign.targetCount,
          status: campaign.status,
        },
        progress,
      };
    },
  );
};
