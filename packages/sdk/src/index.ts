export { defineTaskHandler, type TaskHandler } from './define-task-handler.js';
export type { FailOptions, Job, JobAcknowledgement, JobLogger } from './job.js';
