import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, requireScope } from '../plugins/authentication.js';
import { IdParamsSchema } from '../schemas/common.js';
import { problems } from '../schemas/problem.js';
import { SubmissionViewSchema } from '../schemas/submissions.js';

export const submissionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/submissions/:id',
    {
      schema: {
        tags: ['提交'],
        summary: '查看一份提交及其评分（本校、相关督学、上级督导室；督导室读取记入审计）',
        params: IdParamsSchema,
        response: { 200: SubmissionViewSchema, ...problems(401, 404) },
      },
    },
    async (request) =>
      app.services.submissions.read(await requireScope(request), actorOf(request), request.params.id),
  );
};
