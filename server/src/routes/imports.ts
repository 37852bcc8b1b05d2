import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors } from '../errors/app-error.js';
import { actorOf, requireScope } from '../plugins/authentication.js';
import { IdParamsSchema } from '../schemas/common.js';
import {
  ImportKindParamsSchema,
  ImportQuerySchema,
  ImportReportSchema,
  ImportStatusSchema,
} from '../schemas/imports.js';
import { problems } from '../schemas/problem.js';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const tags = ['导入'];

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/imports/:kind',
    {
      schema: {
        tags,
        summary: '从 CSV / XLSX 导入学校、督学或挂牌关系（督导室；默认只校验不写入）',
        description:
          'multipart/form-data，字段 file 为 CSV（UTF-8 或 GB18030）或 XLSX 文件，首行为表头。\n' +
          '学校：学校标识码、学校名称、学校类型、办学性质、责任区，可选 责任督学账号、地址、联系方式。\n' +
          '督学：账号、姓名，可选 类型（专职/兼职）、初始密码（留空则生成并只显示一次）。\n' +
          '挂牌：学校标识码、责任督学账号（留空为解除挂牌）。\n' +
          'dryRun=true（默认）只报告每一行的错误；dryRun=false 时全部正确才写入，否则一行也不写。',
        consumes: ['multipart/form-data'],
        params: ImportKindParamsSchema,
        querystring: ImportQuerySchema,
        response: { 200: ImportReportSchema, ...problems(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request) => {
      const scope = await requireScope(request, 'office');
      const file = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
      if (!file) throw errors.fileMissing();
      const bytes = await file.toBuffer();
      return app.services.imports.run(scope, actorOf(request), {
        kind: request.params.kind,
        officeId: request.query.officeId,
        fileName: file.filename,
        bytes,
        dryRun: request.query.dryRun,
      });
    },
  );

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags,
        summary: '导入任务状态（督导室）',
        params: IdParamsSchema,
        response: { 200: ImportStatusSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => app.services.imports.status(await requireScope(request, 'office'), request.params.id),
  );
};
