import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors/app-error.js';
import { actorOf, requireScope, requireUser } from '../plugins/authentication.js';
import { IdParamsSchema } from '../schemas/common.js';
import { FileViewSchema, UploadQuerySchema } from '../schemas/files.js';
import { problems } from '../schemas/problem.js';

/** Above every component's own limit; the component's limit is checked while reading. */
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export const fileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { files, tasks } = app.services;

  app.post(
    '/api/files',
    {
      schema: {
        tags: ['印证材料'],
        summary: '上传印证材料（multipart 字段 file；按表单上传项限制大小、类型、数量）',
        consumes: ['multipart/form-data'],
        querystring: UploadQuerySchema,
        response: { 201: FileViewSchema, ...problems(400, 401, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const task = await tasks.actionableTask(user, request.query.taskId);
      const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
      if (!part) throw errors.fileMissing();
      const file = await files.upload(actorOf(request), {
        task,
        component: request.query.component,
        fileName: part.filename,
        contentType: part.mimetype,
        stream: part.file,
      });
      return reply.code(201).send({
        id: file.id,
        name: file.name,
        size: file.size,
        type: file.contentType,
        hash: `sha256:${file.sha256}`,
        url: `/api/files/${file.id}`,
      });
    },
  );

  app.get(
    '/api/files/:id',
    {
      schema: {
        tags: ['印证材料'],
        summary: '下载印证材料（能查看该提交的人；督导室下载记入审计）',
        params: IdParamsSchema,
        response: { 200: Type.Unknown(), ...problems(401, 404) },
      },
    },
    async (request, reply) => {
      const { file, bytes } = await files.download(
        await requireScope(request),
        actorOf(request),
        request.params.id,
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-sha256', file.sha256)
        .send(Buffer.from(bytes));
    },
  );
};
