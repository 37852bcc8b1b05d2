import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorOf, requireScope } from '../plugins/authentication.js';
import { IdParamsSchema } from '../schemas/common.js';
import {
  CreateOfficeBodySchema,
  DistrictListSchema,
  DistrictViewSchema,
  OfficeDistrictParamsSchema,
  OfficeListSchema,
  OfficeViewSchema,
  RenameBodySchema,
} from '../schemas/organisation.js';
import { problems } from '../schemas/problem.js';

const tags = ['组织'];

export const officeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { offices } = app.services;

  app.get(
    '/api/offices',
    {
      schema: {
        tags,
        summary: '本级及下级督导室（督导室）',
        response: { 200: OfficeListSchema, ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await offices.list(await requireScope(request, 'office')) }),
  );

  app.post(
    '/api/offices',
    {
      schema: {
        tags,
        summary: '新建下级督导室（督导室；省→市→县）',
        body: CreateOfficeBodySchema,
        response: { 201: Type.Object({ office: OfficeViewSchema }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const office = await offices.create(
        await requireScope(request, 'office'),
        actorOf(request),
        request.body,
      );
      return reply.code(201).send({ office });
    },
  );

  app.get(
    '/api/offices/:id',
    {
      schema: {
        tags,
        summary: '督导室详情（督导室）',
        params: IdParamsSchema,
        response: { 200: Type.Object({ office: OfficeViewSchema }), ...problems(401, 403, 404) },
      },
    },
    async (request) => ({
      office: await offices.get(await requireScope(request, 'office'), request.params.id),
    }),
  );

  app.patch(
    '/api/offices/:id',
    {
      schema: {
        tags,
        summary: '修改督导室名称（督导室）',
        params: IdParamsSchema,
        body: RenameBodySchema,
        response: { 200: Type.Object({ office: OfficeViewSchema }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      office: await offices.rename(
        await requireScope(request, 'office'),
        actorOf(request),
        request.params.id,
        request.body.name,
      ),
    }),
  );

  app.get(
    '/api/offices/:id/districts',
    {
      schema: {
        tags,
        summary: '县级督导室的责任区（督导室）',
        params: IdParamsSchema,
        response: { 200: DistrictListSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => ({
      items: await offices.districts(await requireScope(request, 'office'), request.params.id),
    }),
  );

  app.post(
    '/api/offices/:id/districts',
    {
      schema: {
        tags,
        summary: '新建责任区（督导室；仅县级督导室下）',
        params: IdParamsSchema,
        body: RenameBodySchema,
        response: { 201: Type.Object({ district: DistrictViewSchema }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const district = await offices.createDistrict(
        await requireScope(request, 'office'),
        actorOf(request),
        request.params.id,
        request.body.name,
      );
      return reply.code(201).send({ district });
    },
  );

  app.patch(
    '/api/offices/:id/districts/:districtId',
    {
      schema: {
        tags,
        summary: '修改责任区名称（督导室）',
        params: OfficeDistrictParamsSchema,
        body: RenameBodySchema,
        response: { 200: Type.Object({ district: DistrictViewSchema }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      district: await offices.renameDistrict(
        await requireScope(request, 'office'),
        actorOf(request),
        request.params.id,
        request.params.districtId,
        request.body.name,
      ),
    }),
  );
};
