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

/** One problem in a list the client shows row by row or field by field. */
export interface ProblemEntry {
  path: string;
  message: string;
  [key: string]: unknown;
}

/**
 * The API's error catalogue: one factory per code, so a code always has the same status and wording.
 * "Not found" answers are the same whether a thing does not exist or lies outside the caller's scope.
 */
export const errors = {
  // Accounts
  unauthenticated: () => new AppError('AUTH_ERR_UNAUTHENTICATED', 401, '请先登录'),
  badCredentials: () => new AppError('AUTH_ERR_CREDENTIALS', 401, '用户名或密码错误'),
  locked: (retryAfterSeconds: number) =>
    new AppError('AUTH_ERR_LOCKED', 423, '连续登录失败次数过多，账号已临时锁定，请稍后再试', {
      retryAfterSeconds,
    }),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError('AUTH_ERR_RATE_LIMITED', 429, '请求过于频繁，请稍后再试', { retryAfterSeconds }),
  currentPasswordWrong: () => new AppError('AUTH_ERR_CURRENT_PASSWORD', 400, '当前密码不正确'),
  weakPassword: (reason: string) => new AppError('AUTH_ERR_WEAK_PASSWORD', 400, `密码不符合要求：${reason}`),
  forbidden: () => new AppError('AUTH_ERR_FORBIDDEN', 403, '无权执行此操作'),
  badOrigin: () => new AppError('REQ_ERR_ORIGIN', 403, '请求来源不被允许'),

  // Users and organisation
  userNotFound: () => new AppError('USER_ERR_NOT_FOUND', 404, '用户不存在'),
  usernameTaken: () => new AppError('USER_ERR_DUPLICATE', 409, '该用户名已被使用'),
  userInvalid: (problems: ProblemEntry[]) =>
    new AppError('USER_ERR_INVALID', 400, '用户信息不合法', { errors: problems }),
  officeNotFound: () => new AppError('ORG_ERR_OFFICE_NOT_FOUND', 404, '督导室不存在'),
  districtNotFound: () => new AppError('ORG_ERR_DISTRICT_NOT_FOUND', 404, '责任区不存在'),
  schoolNotFound: () => new AppError('ORG_ERR_SCHOOL_NOT_FOUND', 404, '学校不存在'),
  schoolExists: () => new AppError('ORG_ERR_SCHOOL_EXISTS', 409, '该学校标识码已存在'),
  orgInvalid: (problems: ProblemEntry[]) =>
    new AppError('ORG_ERR_INVALID', 400, '组织信息不合法', { errors: problems }),
  conflictPair: () =>
    new AppError('ORG_ERR_CONFLICT_PAIR', 409, '该督学已声明回避该校，不能担任该校责任督学'),
  conflictNotFound: () => new AppError('ORG_ERR_CONFLICT_NOT_FOUND', 404, '回避记录不存在'),

  // Imports
  importFile: (reason: string) => new AppError('IMPORT_ERR_FILE', 400, `导入文件无法读取：${reason}`),
  importInvalid: (rows: ProblemEntry[]) =>
    new AppError('IMPORT_ERR_INVALID', 400, '导入文件有错误，未导入任何数据', { errors: rows }),
  importNotFound: () => new AppError('IMPORT_ERR_NOT_FOUND', 404, '导入任务不存在'),

  // Programs
  programNotFound: (key: string) =>
    new AppError('PROGRAM_ERR_NOT_FOUND', 404, `督导项目 ${key} 不存在或未发布`),
  programVersionNotFound: () => new AppError('PROGRAM_ERR_VERSION_NOT_FOUND', 404, '督导项目版本不存在'),
  programRetired: () => new AppError('PROGRAM_ERR_RETIRED', 409, '该版本已停用，不能再下发'),
  programInvalid: (key: string, problems: ProblemEntry[]) =>
    new AppError('PROGRAM_ERR_INVALID', 400, `督导项目 ${key} 未通过检查`, { problems }),
  manifestInvalid: (problems: ProblemEntry[]) =>
    new AppError('PROGRAM_ERR_MANIFEST', 400, 'program.json 格式错误', { problems }),
  programKeyTaken: (key: string) =>
    new AppError(
      'PROGRAM_ERR_KEY_TAKEN',
      409,
      `项目标识 ${key} 已属于平台内置项目或其他督导室的项目；请在「项目标识」中换一个新标识，另存为本单位的项目`,
    ),
  programNotManaged: () =>
    new AppError(
      'PROGRAM_ERR_NOT_MANAGED',
      403,
      '只有项目所属的督导室（或其上级）可以停用、恢复或发布新版本；平台内置项目由最上级督导室维护',
    ),
  draftNotFound: () => new AppError('PROGRAM_ERR_DRAFT_NOT_FOUND', 404, '督导项目草稿不存在'),

  // Campaigns
  campaignNotFound: () => new AppError('CAMPAIGN_ERR_NOT_FOUND', 404, '督导任务批次不存在'),
  invalidTargets: (detail: Record<string, unknown>) =>
    new AppError(
      'CAMPAIGN_ERR_TARGETS',
      400,
      '下发对象无效：学校不存在、不在本级管辖范围或类型不适用',
      detail,
    ),
  invalidParams: (problems: ProblemEntry[]) =>
    new AppError('CAMPAIGN_ERR_PARAMS', 400, '督导参数不合法', { errors: problems }),
  deadlinePassed: () => new AppError('CAMPAIGN_ERR_DEADLINE', 400, '截止时间必须晚于当前时间'),
  campaignClosed: () => new AppError('CAMPAIGN_ERR_CLOSED', 409, '该督导任务批次已结束或已撤销'),

  // Tasks and submissions
  taskNotFound: () => new AppError('WF_ERR_TASK_NOT_FOUND', 404, '任务不存在'),
  taskClosed: () => new AppError('WF_ERR_TASK_CLOSED', 409, '该任务已办结，不能重复提交'),
  conflict: () => new AppError('WF_ERR_CONFLICT', 409, '该任务正被他人同时处理，请刷新后重试'),
  taskNotClaimable: () => new AppError('TASK_ERR_NOT_CLAIMABLE', 409, '该任务不是可认领的组任务'),
  taskClaimedByOther: () => new AppError('TASK_ERR_CLAIMED', 409, '该任务已被他人认领'),
  taskNotReturnable: () => new AppError('TASK_ERR_NOT_RETURNABLE', 409, '该任务的流程没有退回路径，不能退回'),
  formInvalid: (fieldErrors: unknown[]) =>
    new AppError('FORM_ERR_INVALID', 400, '表单填写有误，请按提示修改', { errors: fieldErrors }),
  submissionNotFound: () => new AppError('SUBMISSION_ERR_NOT_FOUND', 404, '提交记录不存在'),

  // Files
  fileNotFound: () => new AppError('FILE_ERR_NOT_FOUND', 404, '文件不存在'),
  fileComponent: () => new AppError('FILE_ERR_COMPONENT', 400, '该任务的表单没有这个上传项'),
  fileMissing: () => new AppError('FILE_ERR_MISSING', 400, '请求中没有文件'),
  fileTooLarge: (limit: string) => new AppError('FILE_ERR_TOO_LARGE', 413, `文件过大，上限为 ${limit}`),
  fileTooSmall: () => new AppError('FILE_ERR_EMPTY', 400, '文件为空或过小'),
  fileType: (allowed: string) => new AppError('FILE_ERR_TYPE', 415, `不支持的文件类型，只接受 ${allowed}`),
  fileLimit: () => new AppError('FILE_ERR_LIMIT', 409, '该上传项的文件数量已达上限'),

  // Requests
  routeNotFound: () => new AppError('REQ_ERR_NOT_FOUND', 404, '请求的接口不存在'),
  badCursor: () => new AppError('REQ_ERR_CURSOR', 400, '分页游标无效'),
};
