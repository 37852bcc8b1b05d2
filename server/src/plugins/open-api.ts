import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The OpenAPI document, built from the routes' TypeBox schemas, and Swagger UI at /docs (served by us, no CDN). */
export const openApi = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: '督导通 API',
          description:
            '教育督导低代码表单与流程平台的接口。会话为 httpOnly Cookie（ddt_session，由 /api/auth/login 设置）；' +
            '错误一律为 application/problem+json，code 为稳定的错误码，title 为中文说明。',
          version: '0.1.0',
        },
        tags: [
          { name: '账号' },
          { name: '用户' },
          { name: '组织' },
          { name: '回避' },
          { name: '导入' },
          { name: '督导项目' },
          { name: '督导任务批次' },
          { name: '任务' },
          { name: '印证材料' },
          { name: '提交' },
          { name: '通知' },
          { name: '审计' },
        ],
      },
    });
    // Swagger UI sets its own CSP on its pages (hashes for its scripts); it also styles elements inline.
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      transformStaticCSP: (header) =>
        header.replace("style-src 'self' https:", "style-src 'self' 'unsafe-inline'"),
    });
  },
  { name: 'open-api' },
);
