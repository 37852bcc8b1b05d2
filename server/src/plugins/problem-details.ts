import { isWorkflowError } from '@ddt/engine';
import { isStoreError } from '@ddt/store';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, errors } from '../errors/app-error.js';

const workflowStatus: Record<string, number> = {
  WF_ERR_TASK_NOT_FOUND: 404,
  WF_ERR_TASK_CLOSED: 409,
  WF_ERR_CONFLICT: 409,
};

/** Every error leaves as RFC 9457 `application/problem+json` with a stable code and a Chinese title. */
export const problemDetails = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const problem = toAppError(error);
      if (problem.statusCode >= 500) request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, problem, request.url);
    });
  },
  { name: 'problem-details' },
);

export function sendProblem(reply: FastifyReply, problem: AppError, instance: string) {
  return reply
    .code(problem.statusCode)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `urn:ddt:problem:${problem.code}`,
      title: problem.title,
      status: problem.statusCode,
      code: problem.code,
      detail: problem.title,
      instance,
      ...problem.extra,
    });
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) {
    return new AppError('REQ_ERR_VALIDATION', 400, '请求参数不合法', {
      errors: error.validation.map((issue) => ({
        path: `${error.validationContext ?? ''}${issue.instancePath}`,
        message: issue.message ?? '',
      })),
    });
  }
  if (isWorkflowError(error)) {
    return new AppError(error.code, workflowStatus[error.code] ?? 422, error.message, {
      detail: error.detail ?? {},
    });
  }
  if (isStoreError(error, 'STORE_ERR_CONFLICT')) return errors.conflict();
  if (isStoreError(error, 'STORE_ERR_INVALID'))
    return new AppError('REQ_ERR_VALIDATION', 400, '请求参数不合法');
  if (isStoreError(error, 'STORE_ERR_DUPLICATE')) return new AppError('REQ_ERR_DUPLICATE', 409, '记录已存在');
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new AppError('REQ_ERR_TOO_LARGE', 413, '请求体过大');
  if (error.code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('FILE_ERR_TOO_LARGE', 413, '文件过大');
  if (
    error.code === 'FST_FILES_LIMIT' ||
    error.code === 'FST_PARTS_LIMIT' ||
    error.code === 'FST_FIELDS_LIMIT'
  )
    return new AppError('REQ_ERR_TOO_LARGE', 413, '上传的文件或字段过多');
  if (
    error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
    error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE'
  ) {
    return new AppError('REQ_ERR_MEDIA_TYPE', 415, '不支持的请求内容类型');
  }
  if (error.statusCode === 400) return new AppError('REQ_ERR_MALFORMED', 400, '请求格式错误');
  return new AppError('SERVER_ERR_INTERNAL', 500, '服务器内部错误');
}
