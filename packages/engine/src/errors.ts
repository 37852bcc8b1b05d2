export type WorkflowErrorCode =
  | 'WF_ERR_DEFINITION'
  | 'WF_ERR_EXPRESSION'
  | 'WF_ERR_SCRIPT_FORBIDDEN'
  | 'WF_ERR_TASK_NOT_FOUND'
  | 'WF_ERR_TASK_CLOSED'
  | 'WF_ERR_CONFLICT'
  | 'WF_ERR_RUN';

/** Errors the runtime reports on purpose; callers branch on `code`, never on the message. */
export class WorkflowError extends Error {
  override readonly name = 'WorkflowError';
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isWorkflowError(error: unknown, code?: WorkflowErrorCode): error is WorkflowError {
  return error instanceof WorkflowError && (code === undefined || error.code === code);
}
