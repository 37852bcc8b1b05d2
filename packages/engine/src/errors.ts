export type WorkflowErrorCode =
  /** The BPMN cannot be parsed or breaks a rule of our format (see `checkDefinition`). */
  | 'WF_ERR_DEFINITION'
  | 'WF_ERR_EXPRESSION'
  | 'WF_ERR_SCRIPT_FORBIDDEN'
  | 'WF_ERR_TASK_NOT_FOUND'
  | 'WF_ERR_TASK_CLOSED'
  | 'WF_ERR_CONFLICT'
  | 'WF_ERR_RUN'
  | 'WF_ERR_INSTANCE_NOT_FOUND'
  /** The instance's stored state is not one this runtime wrote. */
  | 'WF_ERR_STATE'
  /** No instance waits for this message name and correlation key. */
  | 'WF_ERR_MESSAGE_UNMATCHED'
  | 'WF_ERR_INCIDENT_NOT_FOUND'
  /** A launch asked for a process scope the program does not have. */
  | 'WF_ERR_NO_PROCESS'
  | 'WF_ERR_MIGRATION'
  | 'WF_ERR_BULK_LAUNCH';

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
