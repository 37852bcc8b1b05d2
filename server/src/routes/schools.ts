import type { FindSchoolsArgs } from '@ddt/store';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors } from '../errors/app-error.js';
import { requireRole } from '../plugins/authentication.js';
import { SchoolListSchema } from '../schemas/campaigns.js';
import { problems } from '../schemas/problem.js';

export const schoolRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/schools',
    {
      schema: {
        tags: ['组织'],
        summary: '我管辖（督导室）或挂牌（责任督学）的学校',
        response: { 200: SchoolListSchema, ...problems(401, 403) },
      },
    },
    async (request) => {
      const user = requireRole(request, 'office', 'inspector');
      const { store } = app.services;
      const filter: FindSchoolsArgs = { limit: 1000 };
      if (user.role === 'inspector') filter.inspectorId = user.id;
      else {
        const office = user.officeId ? await store.getOffice(user.officeId) : null;
        if (!office) throw errors.forbidden();
        filter.officePathPrefix = office.path;
      }
      const items = [];
      let cursor: string | null = null;
      do {
        const page = await store.findSchools({ ...filter, cursor });
        for (const school of page.items) {
          items.push({
            id: school.id,
            name: school.name,
            type: school.type,
            districtId: school.districtId,
            inspectorId: school.inspectorId,
          });
        }
        cursor = page.nextCursor;
      } while (cursor);
      return { items };
    },
  );
};
