import type { Static, TSchema } from '@sinclair/typebox';
import type { Job, JobAcknowledgement } from './job.js';

export interface TaskHandler<Input extends TSchema = TSchema, Output extends TSchema = TSchema> {
  /** Stable kebab/dot-case name used in BPMN: `<zeebe:taskDefinition type="notify.assignee"/>`. */
  readonly type: string;
  /** One sentence, Chinese first, shown to office admins in the designer and in linter messages. */
  readonly description: string;
  /** TypeBox schema of the job's input variables; a mismatch is an incident naming the field. */
  readonly input: Input;
  /** TypeBox schema of what `job.complete()` returns; a mismatch is an incident naming the field. */
  readonly output: Output;
  /** Time allowed per attempt before `job.signal` aborts and the attempt fails. Default 30 s. */
  readonly timeoutMs?: number;
  readonly handler: (
    job: Job<Static<Input>, Static<Output>>,
  ) => Promise<JobAcknowledgement> | JobAcknowledgement;
}

/**
 * Declares a task handler. Only a typing aid: it returns its argument, so a plugin needs nothing from
 * the core at run time.
 *
 * @example
 * export default defineTaskHandler({
 *   type: 'sms.notify',
 *   description: '短信通知学校联络员',
 *   input: Type.Object({ phone: Type.String(), text: Type.String() }),
 *   output: Type.Object({ messageId: Type.String() }),
 *   async handler(job) {
 *     const response = await fetch(url, { signal: job.signal, body: … });
 *     if (!response.ok) return job.fail(`短信网关返回 ${response.status}`);
 *     return job.complete({ messageId: (await response.json()).id });
 *   },
 * });
 */
export function defineTaskHandler<Input extends TSchema, Output extends TSchema>(
  definition: TaskHandler<Input, Output>,
): TaskHandler<Input, Output> {
  return definition;
}
