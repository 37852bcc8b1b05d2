import type { ProgramManifest } from '@ddt/program';
import type { ProgramVersion } from '@ddt/store';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { errors } from '../errors/app-error.js';
import { actorOf, requireScope } from '../plugins/authentication.js';
import type { Publisher } from '../programs/program-catalog.js';
import type { BundleUpload } from '../programs/program-drafts.js';
import { LaunchBodySchema, LaunchResultSchema, ProgramKeyParamsSchema } from '../schemas/campaigns.js';
import { problems } from '../schemas/problem.js';
import {
  BundleBodySchema,
  DraftDetailSchema,
  DraftListQuerySchema,
  DraftListSchema,
  DraftParamsSchema,
  DraftUploadResultSchema,
  ProgramListSchema,
  ProgramVersionDetailSchema,
  ProgramVersionListSchema,
  ProgramVersionParamsSchema,
  PublishResultSchema,
} from '../schemas/programs.js';
import type { AccessScope } from '../scope/access-scope.js';
import { toLaunchResult } from './campaigns.js';

const tags = ['督导项目'];
const MAX_BUNDLE_BYTES = 10 * 1024 * 1024;

export const programRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { catalog, drafts, launcher } = app.services;
  const publisher = async (request: FastifyRequest): Promise<Publisher> => ({
    actor: actorOf(request),
    scope: await requireScope(request, 'office'),
  });

  app.get(
    '/api/programs',
    {
      schema: {
        tags,
        summary: '可下发的督导项目（每个项目的最新在用版本；所有登录用户）',
        response: { 200: ProgramListSchema, ...problems(401) },
      },
    },
    async (request) => {
      const programs = await catalog.available(await requireScope(request));
      return {
        items: programs.map((version) => ({
          key: version.key,
          name: version.name,
          version: version.version,
          description: (version.manifest as unknown as ProgramManifest).description,
          ownerOfficeId: ownerOfficeId(version),
        })),
      };
    },
  );

  app.post(
    '/api/programs/drafts',
    {
      bodyLimit: MAX_BUNDLE_BYTES,
      schema: {
        tags,
        summary: '上传督导项目草稿（JSON：program.json 内容、BPMN、表单；督导室）',
        body: BundleBodySchema,
        response: { 201: DraftUploadResultSchema, ...problems(400, 401, 403, 413) },
      },
    },
    async (request, reply) => {
      return reply.code(201).send(await drafts.upload(await publisher(request), request.body));
    },
  );

  app.post(
    '/api/programs/drafts/upload',
    {
      schema: {
        tags,
        summary: '上传督导项目草稿（multipart：program.json、process.bpmn、各表单 <id>.json；督导室）',
        consumes: ['multipart/form-data'],
        response: { 201: DraftUploadResultSchema, ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const by = await publisher(request);
      return reply.code(201).send(await drafts.upload(by, await readBundleParts(request)));
    },
  );

  app.get(
    '/api/programs/drafts',
    {
      schema: {
        tags,
        summary: '督导项目草稿（督导室）',
        querystring: DraftListQuerySchema,
        response: { 200: DraftListSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      return drafts.list(await requireScope(request, 'office'), request.query.limit, request.query.cursor);
    },
  );

  app.get(
    '/api/programs/drafts/:id',
    {
      schema: {
        tags,
        summary: '草稿内容及检查结果（督导室）',
        params: DraftParamsSchema,
        response: { 200: DraftDetailSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const { draft, bundle, problems } = await drafts.get(
        await requireScope(request, 'office'),
        request.params.id,
      );
      return {
        draft,
        problems,
        manifest: bundle.manifest as unknown as Record<string, unknown>,
        bpmn: bundle.bpmn,
        forms: bundle.forms,
      };
    },
  );

  app.post(
    '/api/programs/drafts/:id/publish',
    {
      schema: {
        tags,
        summary: '发布草稿为新版本（通过全部检查才发布；督导室）',
        params: DraftParamsSchema,
        response: { 201: PublishResultSchema, 200: PublishResultSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const by = await publisher(request);
      const { version, created } = await drafts.publish(by, request.params.id);
      return reply.code(created ? 201 : 200).send({ version: toVersionSummary(version, by.scope), created });
    },
  );

  app.get(
    '/api/programs/:key/versions',
    {
      schema: {
        tags,
        summary: '督导项目的全部版本（督导室）',
        params: ProgramKeyParamsSchema,
        response: { 200: ProgramVersionListSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const scope = await requireScope(request, 'office');
      const versions = await catalog.versions(scope, request.params.key);
      return { items: versions.map((version) => toVersionSummary(version, scope)) };
    },
  );

  app.get(
    '/api/programs/:key/versions/:version',
    {
      schema: {
        tags,
        summary: '某一版本的内容（督导室）',
        params: ProgramVersionParamsSchema,
        response: { 200: ProgramVersionDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const scope = await requireScope(request, 'office');
      const version = await catalog.version(scope, request.params.key, request.params.version);
      return {
        version: toVersionSummary(version, scope),
        manifest: version.manifest,
        bpmn: version.bpmn,
        forms: version.forms,
      };
    },
  );

  for (const [action, status, summary] of [
    ['retire', 'retired', '停用版本（不能再下发；进行中的督导不受影响；督导室）'],
    ['activate', 'active', '恢复停用的版本（督导室）'],
  ] as const) {
    app.post(
      `/api/programs/:key/versions/:version/${action}`,
      {
        schema: {
          tags,
          summary,
          params: ProgramVersionParamsSchema,
          response: { 200: PublishResultSchema.properties.version, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const by = await publisher(request);
        const { key, version } = request.params;
        return toVersionSummary(await catalog.setStatus(by, key, version, status), by.scope);
      },
    );
  }

  app.post(
    '/api/programs/:key/launch',
    {
      schema: {
        tags: ['督导任务批次'],
        summary: '向指定学校下发督导任务（最新在用版本；督导室）',
        params: ProgramKeyParamsSchema,
        body: LaunchBodySchema,
        response: { 201: LaunchResultSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const scope = await requireScope(request, 'office');
      const result = await launcher.launch(scope, actorOf(request), {
        programKey: request.params.key,
        title: request.body.title,
        semester: request.body.semester,
        deadline: request.body.deadline,
        params: request.body.params,
        targets: { schoolIds: request.body.schoolIds },
      });
      return reply.code(201).send(toLaunchResult(result));
    },
  );
};

export function toVersionSummary(version: ProgramVersion, scope: AccessScope) {
  return {
    key: version.key,
    version: version.version,
    name: version.name,
    status: version.status,
    publishedAt: version.publishedAt,
    publishedBy: version.publishedBy,
    ownerOfficeId: ownerOfficeId(version),
    manageable: scope.managesProgram(version),
  };
}

/** The owner office's id: the last segment of its path ("/a/b/c/" → "c"). */
function ownerOfficeId(version: ProgramVersion): string | null {
  return version.ownerPath?.split('/').filter(Boolean).pop() ?? null;
}

/** Reads a multipart bundle: program.json, one .bpmn file and the forms (`<id>.json`, or `forms/<id>.json`). */
async function readBundleParts(request: FastifyRequest): Promise<BundleUpload> {
  const upload: BundleUpload = { manifest: undefined, bpmn: '', forms: {} };
  let total = 0;
  for await (const part of request.files({ limits: { fileSize: MAX_BUNDLE_BYTES, files: 110 } })) {
    const bytes = await part.toBuffer();
    total += bytes.length;
    if (total > MAX_BUNDLE_BYTES) throw errors.fileTooLarge('10 MB');
    const name = (part.filename || part.fieldname).replaceAll('\\', '/').split('/').pop() ?? '';
    const text = bytes.toString('utf8');
    if (name.endsWith('.bpmn')) {
      upload.bpmn = text;
      continue;
    }
    if (!name.endsWith('.json'))
      throw errors.manifestInvalid([{ path: name, message: '只接受 program.json、.bpmn 和表单 .json 文件' }]);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw errors.manifestInvalid([{ path: name, message: '不是合法的 JSON' }]);
    }
    const id = name.slice(0, -'.json'.length);
    if (id === 'program') upload.manifest = json;
    else if (/^[a-z][a-z0-9-]{0,63}$/.test(id) && json && typeof json === 'object' && !Array.isArray(json))
      upload.forms[id] = json as Record<string, unknown>;
    else
      throw errors.manifestInvalid([{ path: name, message: '表单文件名须为小写字母开头的 <表单编号>.json' }]);
  }
  if (!upload.bpmn) throw errors.manifestInvalid([{ path: 'process.bpmn', message: '缺少 BPMN 文件' }]);
  return upload;
}
