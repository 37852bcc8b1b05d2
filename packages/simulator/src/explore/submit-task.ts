import type { FormDefinition } from '@ddt/definitions-linter';
import {
  type CompiledForm,
  compileForm,
  type SchoolType,
  scoreSubmission,
  validateSubmission,
} from '@ddt/forms';
import type { ProgramBundle } from '@ddt/program';
import type { Instance, OpenTask } from '@ddt/store';
import type { SubmissionVariant } from '../submissions/submission-variants.js';
import type { SimWorld } from '../world/sim-world.js';

export class InvalidSubmissionError extends Error {
  constructor(
    readonly formId: string,
    readonly errors: unknown[],
  ) {
    super(`表单 ${formId} 的模拟提交未通过校验：${JSON.stringify(errors).slice(0, 500)}`);
  }
}

/**
 * Submits a task the way the server does: validates the data against the form (refusing what the
 * server would refuse), scores it when its form belongs to an indicator set (with the instance's
 * earlier accepted submissions of the set's other forms), stores the submission, completes the task with
 * the cleaned data (plus `score`, and `returned = false` on a returnable task).
 */
export class TaskSubmitter {
  readonly #compiled = new Map<string, CompiledForm>();
  #sequence = 0;

  constructor(
    private readonly world: SimWorld,
    private readonly bundle: ProgramBundle,
    private readonly returnable: Set<string>,
  ) {}

  form(formId: string): CompiledForm {
    let compiled = this.#compiled.get(formId);
    if (!compiled) {
      compiled = compileForm(this.bundle.forms[formId] as Record<string, unknown>);
      this.#compiled.set(formId, compiled);
    }
    return compiled;
  }

  definition(formId: string): FormDefinition {
    return this.bundle.forms[formId] as FormDefinition;
  }

  isScored(formId: string): boolean {
    return Object.values(this.bundle.manifest.indicators ?? {}).some((set) => set.forms.includes(formId));
  }

  async submit(instance: Instance, task: OpenTask, variant: SubmissionVariant): Promise<void> {
    const { world } = this;
    const formId = task.formId;
    let output: Record<string, unknown> = {};
    let submissionId: string | null = null;
    if (formId) {
      const result = validateSubmission(this.form(formId), variant.data);
      if (!result.ok) throw new InvalidSubmissionError(formId, result.errors);
      const score = await this.#score(instance, formId, result.data);
      submissionId = `sim-sub-${++this.#sequence}`;
      await world.store.createSubmission({
        id: submissionId,
        taskId: task.id,
        instanceId: instance.id,
        campaignId: instance.campaignId,
        schoolId: instance.schoolId,
        elementId: task.elementId,
        formId,
        programVersion: world.program.version,
        data: result.data,
        score: score as unknown as Record<string, unknown> | null,
        submittedBy: 'sim-user',
        submittedAt: new Date(world.clock.now).toISOString(),
      });
      output = { ...result.data, ...(score ? { score } : {}) };
    }
    if (this.returnable.has(task.elementId)) output.returned = false;
    await world.runtime.completeTask({ taskId: task.id, output, submissionId, completedBy: 'sim-user' });
  }

  /** 退回: the task completes with `returned = true` and a comment, as the server's return route does. */
  async returnTask(task: OpenTask): Promise<void> {
    await this.world.runtime.completeTask({
      taskId: task.id,
      output: { returned: true, returnComment: '模拟退回：材料不全，请补充。' },
      submissionId: null,
      completedBy: 'sim-user',
    });
  }

  async #score(instance: Instance, formId: string, data: Record<string, unknown>) {
    const set = Object.values(this.bundle.manifest.indicators ?? {}).find((s) => s.forms.includes(formId));
    if (!set || !instance.schoolType) return null;
    const forms: Record<string, CompiledForm> = {};
    for (const id of set.forms) forms[id] = this.form(id);
    const earlier: Record<string, Record<string, unknown>> = {};
    const accepted = new Set((instance.history ?? []).flatMap((entry) => entry.submissionId ?? []));
    for (const id of accepted) {
      const submission = await this.world.store.getSubmission(id);
      if (submission && set.forms.includes(submission.formId)) earlier[submission.formId] = submission.data;
    }
    return scoreSubmission({
      indicators: set,
      forms,
      data: { ...earlier, [formId]: data },
      schoolType: instance.schoolType as SchoolType,
    });
  }
}
