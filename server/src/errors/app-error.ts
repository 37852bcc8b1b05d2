/**
 * An error the API reports on purpose. It becomes an `application/problem+json` response with a
 * stable `code` (clients and tests branch on it) and a Chinese `title`.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: string,
    readonly statusCode: number,
    readonly title: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(title);
  }
}

/** The API's error catalogue: one factory per code, so a code always has the same status and wording. */
export const errors = {
  unauthenticated: () => new AppError('AUTH_ERR_UNAUTHENTICATED', 401, '请先登录'),
  badCredentials: () => new AppError('AUTH_ERR_CREDENTIALS', 401, '用户名或密码错误'),
  forbidden: () => new AppError('AUTH_ERR_FORBIDDEN', 403, '无权执行此操作'),
  taskNotFound: () => new AppError('WF_ERR_TASK_NOT_FOUND', 404, '任务不存在'),
  taskClosed: () => new AppError('WF_ERR_TASK_CLOSED', 409, '该任务已办结，不能重复提交'),
  conflict: () => new AppError('WF_ERR_CONFLICT', 409, '该任务正被他人同时处理，请刷新后重试'),
  programNotFound: (key: string) =>
    new AppError('PROGRAM_ERR_NOT_FOUND', 404, `督导项目 ${key} 不存在或未发布`),
  campaignNotFound: () => new AppError('CAMPAIGN_ERR_NOT_FOUND', 404, '督导任务批次不存在'),
  invalidTargets: (detail: Record<string, unknown>) =>
    new AppError(
      'CAMPAIGN_ERR_TARGETS',
      400,
      '下发对象无效：学校不存在、不在本级管辖范围或类型不适用',
      detail,
    ),
  formInvalid: (fieldErrors: unknown[]) =>
    new AppError('FORM_ERR_INVALID', 400, '表单填写有误，请按提示修改', { errors: fieldErrors }),
  routeNotFound: () => new AppError('REQ_ERR_NOT_FOUND', 404, '请求的接口不存在'),
};
