import type { School } from '@ddt/store';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import { actorOf, requireScope } from '../plugins/authentication.js';
import { IdParamsSchema } from '../schemas/common.js';
import { problems } from '../schemas/problem.js';
import {
  CreateSchoolBodySchema,
  SchoolListQuerySchema,
  SchoolListSchema,
  SchoolProfileSchema,
  SchoolViewSchema,
  UpdateSchoolBodySchema,
} from '../schemas/schools.js';

const tags = ['组织'];

export const schoolRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { schools, profiles } = app.services;

  app.get(
    '/api/schools',
    {
      schema: {
        tags,
        summary: '学校列表（督导室：管辖范围；责任督学：挂牌学校；学校：本校）',
        querystring: SchoolListQuerySchema,
        response: { 200: SchoolListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const page = await schools.list(await requireScope(request), request.query);
      return { items: page.items.map(toSchoolView), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/schools',
    {
      schema: {
        tags,
        summary: '新建学校（督导室；学校标识码作为编号）',
        body: CreateSchoolBodySchema,
        response: { 201: Type.Object({ school: SchoolViewSchema }), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const school = await schools.create(
        await requireScope(request, 'office'),
        actorOf(request),
        request.body,
      );
      return reply.code(201).send({ school: toSchoolView(school) });
    },
  );

  app.get(
    '/api/schools/:id',
    {
      schema: {
        tags,
        summary: '学校详情（范围内的督导室、责任督学、本校）',
        params: IdParamsSchema,
        response: { 200: Type.Object({ school: SchoolViewSchema }), ...problems(401, 403, 404) },
      },
    },
    async (request) => ({
      school: toSchoolView(await schools.get(await requireScope(request), request.params.id)),
    }),
  );

  app.patch(
    '/api/schools/:id',
    {
      schema: {
        tags,
        summary: '修改学校信息或挂牌责任督学（督导室）',
        params: IdParamsSchema,
        body: UpdateSchoolBodySchema,
        response: { 200: Type.Object({ school: SchoolViewSchema }), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      school: toSchoolView(
        await schools.update(
          await requireScope(request, 'office'),
          actorOf(request),
          request.params.id,
          request.body,
        ),
      ),
    }),
  );

  app.get(
    '/api/schools/:id/history',
    {
      schema: {
        tags,
        summary: '学校督导档案：历年各督导项目的任务、提交与评分（督导室读取会记入审计）',
        params: IdParamsSchema,
        response: { 200: SchoolProfileSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const profile = await profiles.read(await requireScope(request), actorOf(request), request.params.id);
      return { school: toSchoolView(profile.school), campaigns: profile.campaigns };
    },
  );
};

export function toSchoolView(school: School): Static<typeof SchoolViewSchema> {
  return {
    id: school.id,
    name: school.name,
    type: school.type,
    ownership: school.ownership,
    officeId: school.officeId,
    districtId: school.districtId,
    inspectorId: school.inspectorId,
    address: school.address ?? null,
    contact: school.contact ?? null,
  };
}
